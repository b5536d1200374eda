import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-empty-data-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

// A training file with a header and no rows (an export that selected nothing) was reported as
// "label column 'y' has no non-null values", sending the user to look for a null label.
describe('training data with a header and no rows', () => {
  it('is exit 2 saying the data has no rows', async () => {
    await writeFile(join(dir, 'd.csv'), 'a,b,y\n');
    await writeFile(join(dir, 'mlops.yaml'), 'name: e\ndata: { train: d.csv, label: y }\ntrain: { epochs: 1, backend: cpu }\n');
    const io = memoryIo({ cwd: dir, env: { PATH: process.env.PATH } });
    expect(await runCli(['train', '--out', 'model'], io)).toBe(2);
    expect(io.err).toMatch(/^mlops train: d\.csv: the training data has no rows\n$/m);
  });
});
