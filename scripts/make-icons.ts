/**
 * Draws the add-in's icons (a ledger sheet with ruled lines and a white check mark on Office blue)
 * and writes them as PNGs with node's zlib: assets/icon-{16,32,64,80,128}.png.
 * Run: npx tsx scripts/make-icons.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const BLUE: RGBA = [0x21, 0x73, 0xc6, 255]; // close to Excel's own ribbon blue family (#2173C6)
const PAGE: RGBA = [255, 255, 255, 255];
const LINE: RGBA = [0x9c, 0xbf, 0xe6, 255];
const CHECK: RGBA = [0x10, 0x7c, 0x41, 255]; // green tick: done / 销号
type RGBA = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const p = pixel(x, y);
      raw.set(p, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from point p to the segment a-b. */
function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export function iconPixel(size: number) {
  const s = size;
  const r = s * 0.18; // corner radius of the blue tile
  const stroke = Math.max(1.2, s * 0.085);
  return (x: number, y: number): RGBA => {
    const cx = x + 0.5;
    const cy = y + 0.5;
    // Rounded blue tile.
    const qx = Math.max(r - cx, 0, cx - (s - r));
    const qy = Math.max(r - cy, 0, cy - (s - r));
    if (Math.hypot(qx, qy) > r) return [0, 0, 0, 0];
    // Check mark over the lower right.
    const d = Math.min(
      segDist(cx, cy, s * 0.45, s * 0.66, s * 0.6, s * 0.8),
      segDist(cx, cy, s * 0.6, s * 0.8, s * 0.88, s * 0.44),
    );
    if (d <= stroke) return CHECK;
    // White ledger page with ruled lines.
    const px0 = s * 0.2;
    const px1 = s * 0.74;
    const py0 = s * 0.14;
    const py1 = s * 0.86;
    if (cx >= px0 && cx <= px1 && cy >= py0 && cy <= py1) {
      const lineGap = s * 0.14;
      const ly = (cy - py0 - s * 0.1) % lineGap;
      if (cy > py0 + s * 0.1 && ly < Math.max(1, s * 0.045) && cx > px0 + s * 0.07 && cx < px1 - s * 0.07)
        return LINE;
      return PAGE;
    }
    return BLUE;
  };
}

export const ICON_SIZES = [16, 32, 64, 80, 128];

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    fs.writeFileSync(path.join(dir, `icon-${size}.png`), encodePng(size, iconPixel(size)));
  }
  console.log(`wrote ${ICON_SIZES.map((s) => `icon-${s}.png`).join(', ')} to ${dir}`);
}
