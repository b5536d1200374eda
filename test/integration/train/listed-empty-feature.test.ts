import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-listed-empty-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

// A feature that data.features lists but that is empty in every training row is refused (an
// unlisted one is left out): the message named the data file, which has no line at fault, and not
// the data.features entry to remove.
describe('a feature listed in data.features that is null in every training row', () => {
  it('is exit 2 at its data.features entry, saying what to do', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i},,${i % 2}`);
    await writeFile(join(dir, 'd.csv'), `a,b,y\n${rows.join('\n')}\n`);
    await writeFile(join(dir, 'mlops.yaml'), 'name: e\ndata:\n  train: d.csv\n  label: y\n  features: [a, b]\ntrain: { epochs: 1, backend: cpu }\n');
    const io = memoryIo({ cwd: dir, env: { PATH: process.env.PATH } });
    expect(await runCli(['train', '--out', 'model'], io)).toBe(2);
    expect(io.err).toMatch(/^mlops train: mlops\.yaml:5:17 \(data\.features\[1\]\): feature 'b' is null in every training row of \S*d\.csv: remove it from data\.features\n$/m);
  });
});
