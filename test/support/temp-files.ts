import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A temporary directory for the calling test file (made before its tests, removed after them)
 * and a writer of numbered files in it: `file(content, 'csv')` → `<dir>/f0.csv`, `f1.csv`, ….
 */
export function useTempFiles(prefix: string): (content: string | Uint8Array, ext: string) => Promise<string> {
  let dir = '';
  let n = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return async (content, ext) => {
    const path = join(dir, `f${n++}.${ext}`);
    await writeFile(path, content);
    return path;
  };
}
