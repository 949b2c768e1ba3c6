/**
 * Writing a new file without ever replacing one: the bytes go to a temporary file created
 * exclusively (O_EXCL, so a planted file or symlink is never followed) under an unpredictable name
 * in the destination folder, then the temporary file is hard-linked to the destination name,
 * which fails if any file of that name appeared meanwhile (where a file system has no hard links,
 * an exclusive copy does the same). A SIGINT or SIGTERM removes the temporary file and ends the
 * command (130/143); the destination never exists half-written, and a kill that no handler can
 * catch leaves at most a hidden `.name.<random>.tmp`, never a file under the destination name.
 */
import * as fs from 'fs';
import * as path from 'path';

export class DestinationError extends Error {}

/** Throws DestinationError (a Chinese sentence) unless `out` can be created: run before the work. */
export function checkDestination(out: string): void {
  const target = path.resolve(out);
  const dir = path.dirname(target);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new DestinationError(`输出文件夹不存在：${dir} 请先建立该文件夹，或换一个保存位置。`);
  }
  if (!st.isDirectory()) throw new DestinationError(`输出位置不是文件夹：${dir} 请换一个保存位置。`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new DestinationError(`没有权限在文件夹中写入：${dir} 请换一个有写入权限的保存位置。`);
  }
  let exists = false;
  try {
    fs.lstatSync(target);
    exists = true;
  } catch {
    /* free */
  }
  if (exists) {
    throw new DestinationError(`文件“${out}”已存在，为免覆盖没有写出。请换一个文件名，或先删除该文件。`);
  }
}

/** Creates `out` with what `write` puts into the file descriptor; never replaces a file. */
export function writeExclusive(out: string, write: (fd: number) => void): void {
  const target = path.resolve(out);
  const dir = path.dirname(target);
  // Web Crypto's generator, global in Node: the same randomness as node:crypto's randomBytes, whose
  // module cost every start of the command about 4 ms of CPU to load.
  const random = Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString('hex');
  const tmp = path.join(dir, `.${path.basename(target)}.${random}.tmp`);
  let fd: number | null = null;
  const cleanup = () => {
    try {
      if (fd !== null) fs.closeSync(fd);
    } catch {
      /* already closed */
    }
    fd = null;
    fs.rmSync(tmp, { force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o666);
    write(fd);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    try {
      fs.linkSync(tmp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        throw new DestinationError(
          `文件“${out}”在写出期间已被创建，为免覆盖没有写出。请换一个文件名后重试。`,
        );
      }
      // No hard links here (some network or FAT drives): an exclusive copy never replaces either.
      fs.copyFileSync(tmp, target, fs.constants.COPYFILE_EXCL);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new DestinationError(`文件“${out}”已存在，为免覆盖没有写出。请换一个文件名，或先删除该文件。`);
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new DestinationError(`磁盘空间不足，没有写出：${out} 请清理磁盘或换一个保存位置后重试。`);
    }
    throw e;
  } finally {
    cleanup();
    // The write is synchronous, so a signal that came during it is delivered only now: keep the
    // handler one more turn of the event loop, so Ctrl-C is obeyed (exit 130) and not lost.
    setImmediate(() => {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    });
  }
}
