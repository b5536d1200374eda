/**
 * File hashes recorded in model cards and releases: sha256 of the raw bytes, and the md5 DVC
 * would record for the same file, both in one streaming pass.
 *
 * DVC's md5 ("md5-dos2unix", what DVC 2.x writes as `md5:` in `.dvc` files and `dvc.lock`):
 * DVC looks at the first 512 bytes of the file; the file is *text* when that block is empty, or has
 * no NUL byte and at most 30% of its bytes outside printable ASCII (0x20–0x7E) plus `\n \r \t \f \b`.
 * A text file is hashed with every CRLF replaced by LF; a binary file is hashed as-is. (DVC 3.x
 * records `hash: md5` computed on the raw bytes: that is `md5Raw` here.)
 */
import type { Hash } from 'node:crypto';
import { InputError } from '../core/errors.ts';
import { openForReading } from '../core/fs.ts';

export interface FileHash {
  /** sha256 of the raw bytes (hex). */
  sha256: string;
  /** DVC-compatible md5 (hex): CRLF → LF for text files, raw bytes otherwise. */
  md5: string;
  /** md5 of the raw bytes (hex): DVC 3.x `hash: md5`, and `md5sum`. */
  md5Raw: string;
  /** Size in bytes. */
  bytes: number;
  /** Whether DVC's rule classified the file as text. */
  text: boolean;
}

const TEXT_BLOCK = 512;

/** DVC's text heuristic over the first block of a file. */
export function isTextBlock(block: Uint8Array): boolean {
  if (block.length === 0) return true;
  let nonText = 0;
  for (const b of block) {
    if (b === 0) return false;
    const text = (b >= 0x20 && b <= 0x7e) || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x08;
    if (!text) nonText++;
  }
  return nonText / block.length <= 0.3;
}

/**
 * Hashes a file in one streaming pass (1 MiB reads). A CRLF split across two reads is still
 * normalised. Missing/unreadable file → InputError naming it.
 */
export async function hashFile(path: string): Promise<FileHash> {
  // node:crypto loads on first use: most commands never hash (~2.5 ms of start-up).
  const { createHash } = await import('node:crypto');
  const fh = await openForReading(path);
  try {
    const sha = createHash('sha256');
    const raw = createHash('md5');
    // DVC's md5 equals the raw md5 until the first CR of a text file (and always for a binary
    // one): it forks from the raw hash only then, so most files pay for one md5, not two.
    let dvc: Hash | null = null;
    const buf = Buffer.allocUnsafe(1 << 20);
    let bytes = 0;
    let text: boolean | null = null;
    let pendingCR = false;
    let position = 0;
    for (;;) {
      // The first read is at least 512 bytes when the file has them, so the text test sees a full block.
      const { bytesRead } = await fh.read(buf, 0, buf.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const chunk = buf.subarray(0, bytesRead);
      bytes += bytesRead;
      sha.update(chunk);
      if (text === null) text = isTextBlock(chunk.subarray(0, TEXT_BLOCK));
      if (dvc === null && (!text || chunk.indexOf(0x0d) < 0)) {
        raw.update(chunk);
        continue;
      }
      dvc ??= raw.copy();
      raw.update(chunk);
      // CRLF → LF: copy runs between CRs; a CR at the end of a chunk waits for the next byte.
      let from = 0;
      if (pendingCR) {
        if (chunk[0] !== 0x0a) dvc.update(CR_BYTE);
        pendingCR = false;
      }
      for (let i = chunk.indexOf(0x0d); i >= 0; i = chunk.indexOf(0x0d, i + 1)) {
        if (i + 1 === chunk.length) {
          dvc.update(chunk.subarray(from, i));
          from = chunk.length;
          pendingCR = true;
          break;
        }
        if (chunk[i + 1] === 0x0a) {
          dvc.update(chunk.subarray(from, i));
          from = i + 1;
        }
      }
      if (from < chunk.length) dvc.update(chunk.subarray(from));
    }
    if (pendingCR) dvc?.update(CR_BYTE);
    const md5Raw = raw.digest('hex');
    return { sha256: sha.digest('hex'), md5: dvc ? dvc.digest('hex') : md5Raw, md5Raw, bytes, text: text ?? true };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read: ${(error as Error).message}`, { file: path }, { cause: error });
  } finally {
    await fh.close();
  }
}

const CR_BYTE = Buffer.from([0x0d]);
