import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

/**
 * Write bytes to a temporary file, flush them to disk and rename into place, so a crash or a
 * full disk never leaves half a file under the real name.
 */
export function writeFileAtomic(file: string, bytes: string | Uint8Array, temp = `${file}.${randomBytes(4).toString('hex')}.tmp`): void {
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
