/** A text cut into pieces at the given positions (taken modulo its length + 1, each once), in order. */
export function cut(xml: string, at: number[]): string[] {
  const points = [...new Set(at.map((i) => i % (xml.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(xml.slice(from, p));
    from = p;
  }
  out.push(xml.slice(from));
  return out;
}
