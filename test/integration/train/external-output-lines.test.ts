import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-external-lines-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

// Python writes to a pipe in 8 KiB blocks, cut anywhere in a line: mlops printed each block as a
// line of its own, so a line cut in two came out on two lines ('epoch 3: lo' / 'ss 0.41').
describe("an external trainer's output in a terminal", () => {
  it('is printed line by line, whatever pieces it arrives in', async () => {
    const sub = await mkdtemp(join(dir, 'case-'));
    await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'train.csv'));
    const command = "printf 'epoch 3: lo'; sleep 0.3; printf 'ss 0.41\\nepoch 4'; sleep 0.3; printf ' done\\n10%%\\r20%%\\r\\n'; printf 'no newline at the end';"
      + ' echo \'{"accuracy": 0.9}\' > "$MLOPS_OUTPUT_DIR/metrics.json"; echo w > "$MLOPS_OUTPUT_DIR/model.bin"';
    await writeFile(join(sub, 'mlops.yaml'), `name: ext\ndata: { train: train.csv, label: species }\ntrain: { command: ${JSON.stringify(command)} }\n`);
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
    expect(await runCli(['train', '--out', 'model'], io), io.err).toBe(0);
    const lines = io.err.split('\n');
    const start = lines.findIndex((line) => line.startsWith('epoch 3'));
    expect(lines.slice(start, start + 5)).toEqual(['epoch 3: loss 0.41', 'epoch 4 done', '10%', '20%', 'no newline at the end']);
  });
});

// In GitHub Actions the output is passed on as it is (its workflow commands take effect); one that
// ended without a newline had mlops's '::endgroup::' appended to its last line, where the runner
// does not read it as a command: the group stayed open and hid the rest of the step's log.
describe("an external trainer's output in GitHub Actions", () => {
  it('is followed by a line end before mlops writes again', async () => {
    const sub = await mkdtemp(join(dir, 'gha-'));
    await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'train.csv'));
    const command = 'echo \'{"accuracy": 0.9}\' > "$MLOPS_OUTPUT_DIR/metrics.json"; echo w > "$MLOPS_OUTPUT_DIR/model.bin"; printf \'last words\'';
    await writeFile(join(sub, 'mlops.yaml'), `name: ext\ndata: { train: train.csv, label: species }\ntrain: { command: ${JSON.stringify(command)} }\n`);
    await writeFile(join(sub, 'summary.md'), '');
    await writeFile(join(sub, 'output.txt'), '');
    const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(sub, 'summary.md'), GITHUB_OUTPUT: join(sub, 'output.txt') } });
    expect(await runCli(['train', '--out', 'model'], io), io.err).toBe(0);
    expect(io.out).toMatch(/^last words\n/m);
    expect(io.out).toMatch(/^::endgroup::$/m);
  });
});
