import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/train');
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-external-nan-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function train(metricsJson: string) {
  const sub = await mkdtemp(join(dir, 'case-'));
  await cp(join(FIXTURES, 'penguins-train.csv'), join(sub, 'train.csv'));
  await writeFile(join(sub, 'metrics.txt'), metricsJson);
  await writeFile(join(sub, 'mlops.yaml'), 'name: ext\ndata: { train: train.csv, label: species }\n'
    + 'train: { command: "cp metrics.txt \\"$MLOPS_OUTPUT_DIR/metrics.json\\" && echo w > \\"$MLOPS_OUTPUT_DIR/model.pt\\"" }\n');
  const io = memoryIo({ cwd: sub, env: { PATH: process.env.PATH } });
  const code = await runCli(['train', '--out', 'model'], io);
  return { code, err: io.err, sub };
}

// Python's json.dump writes a NaN metric (roc_auc of a fold with one class, a diverged loss) as a
// bare NaN, and infinities as Infinity: mlops refused the whole metrics.json as 'not valid JSON',
// so a finished GPU run was exit 2 and unpublished for one undefined metric.
describe("an external trainer's metrics.json as Python's json module writes it", () => {
  it('reads NaN and Infinity, leaves those metrics out and says so', async () => {
    const r = await train('{"metrics": {"accuracy": 0.91, "roc_auc": NaN, "loss": Infinity, "note": "NaN here"}, "history": [{"epoch": 1, "loss": NaN, "val_loss": -Infinity}, {"epoch": 2, "loss": 0.5}]}');
    expect(r.code, r.err).toBe(0);
    const run = JSON.parse(await readFile(join(r.sub, 'model', 'run.json'), 'utf8')) as { metrics: object; history: object[] };
    expect(run.metrics).toEqual({ accuracy: 0.91 });
    expect(run.history).toEqual([{ epoch: 1 }, { epoch: 2, loss: 0.5 }]);
    expect(r.err).toMatch(/metrics\.json: roc_auc \(NaN\) and loss \(Infinity\) are not finite numbers: left out/);
  });

  it('still refuses what is not JSON, and one whose only metrics are NaN', async () => {
    expect((await train('{"accuracy": 0.9,}')).err).toMatch(/metrics\.json is not valid JSON/);
    const r = await train('{"accuracy": NaN}');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/metrics\.json holds no numeric metric/);
  });
});
