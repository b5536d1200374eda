import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-external-backend-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function train(trainYaml: string, args: string[] = []) {
  const sub = await mkdtemp(join(dir, 'case-'));
  await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'train.csv'));
  await writeFile(join(sub, 'mlops.yaml'), `name: ext\ndata: { train: train.csv, label: species }\ntrain: ${trainYaml}\n`);
  const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
  const code = await runCli(['train', '--out', 'model', ...args], io);
  return { code, err: io.err, files: await readdir(sub) };
}

// A TensorFlow.js backend was silently ignored by an external trainer: a GPU runner's
// `backend: tensorflow` then trained wherever the command chose, with nothing said.
describe('a forced TensorFlow.js backend with train.command', () => {
  it('train.backend: exit 2 at its line, before the command runs', async () => {
    const r = await train('{ command: "touch ran", backend: tensorflow }');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlops train: mlops\.yaml:3:\d+ \(train\.backend\): train\.backend: tensorflow applies to mlops's own TensorFlow\.js trainer/m);
    expect(r.files).not.toContain('ran');
  });

  it('--backend: exit 2 naming the flag; --backend auto is fine', async () => {
    const r = await train('{ command: "touch ran" }', ['--backend', 'cpu']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--backend cpu applies to mlops's own TensorFlow\.js trainer/);
    expect(r.files).not.toContain('ran');
    const auto = await train('{ command: "touch ran; echo \'{}\' > \\"$MLOPS_OUTPUT_DIR/metrics.json\\"; echo w > \\"$MLOPS_OUTPUT_DIR/m.bin\\"" }', ['--backend', 'auto']);
    expect(auto.err).not.toMatch(/applies to mlops's own/);
    expect(auto.files).toContain('ran');
  });
});
