/**
 * Training and inference benchmark (issue 4, Performance): `npx tsx bench/train.ts [rows=200000] [epochs=1]`.
 *
 * Generates a `rows` × 20-feature table (16 numeric, 4 categorical; a binary label from a noisy
 * non-linear rule), fits the preprocessing once, then for each bundled backend (cpu, wasm) in the
 * same process: trains an MLP 64-32 (batch 256) for `epochs` epochs after a short warm-up and
 * reports samples/s; saves the model and measures inference latency through `loadModel(...).predict`
 * (preprocessing included, as serving runs it) for one row and for a batch of 256: p50/p95 of
 * 200 and 50 calls. Prints one table and the wasm/cpu ratio. A native backend
 * (`@tensorflow/tfjs-node[-gpu]`) is added when it resolves from the working directory or
 * MLOPS_NATIVE_DIR.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Column, Table } from '../src/table/types.ts';
import { defaultResolver, loadBackend, type LoadedBackend } from '../src/train/backend.ts';
import { defaultConfig } from '../src/train/config.ts';
import { buildModel, fitModel, seededRandom } from '../src/train/model.ts';
import { loadModel, saveLayersModel, savePreprocessing } from '../src/train/model-dir.ts';
import { applyPreprocessing, encodeLabels, fitPreprocessing } from '../src/train/preprocess.ts';

const rows = Number(process.argv[2] ?? 200_000);
const epochs = Number(process.argv[3] ?? 1);
const NUMERIC = 16;
const CATEGORICAL = 4;

function generate(n: number): Table {
  const random = seededRandom(2024);
  const columns: Column[] = [];
  const numeric: Float64Array[] = [];
  for (let c = 0; c < NUMERIC; c++) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = (random() + random() + random() - 1.5) * (c + 1);
    numeric.push(values);
    columns.push({ kind: 'number', name: `x${c}`, values, nulls: new Uint8Array(n), invalid: [] });
  }
  const cats: Int32Array[] = [];
  for (let c = 0; c < CATEGORICAL; c++) {
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = Math.floor(random() * 8);
    cats.push(codes);
    columns.push({ kind: 'string', name: `c${c}`, codes, dictionary: Array.from({ length: 8 }, (_, k) => `v${k}`) });
  }
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = numeric[0]![i]! * numeric[1]![i]! / 2 + Math.sin(numeric[2]![i]!) + (cats[0]![i]! % 3) - 1 + (random() - 0.5);
    labels[i] = s > 0 ? 1 : 0;
  }
  columns.push({ kind: 'string', name: 'label', codes: labels, dictionary: ['no', 'yes'] });
  const fieldNames = columns.map((c) => c.name);
  return { path: 'generated', fieldNames, length: n, lines: new Float64Array(n), columns };
}

function percentile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

async function latency(fn: () => void, calls: number): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const table = generate(rows);
const features = table.fieldNames.filter((f) => f !== 'label');
const spec = fitPreprocessing(table, { label: 'label', features });
const x = applyPreprocessing(spec, table);
const { y } = encodeLabels(spec, table);
const width = spec.outputs.length;
const config = defaultConfig(tmpdir());
config.model = { ...config.model, type: 'mlp', hidden: [64, 32], dropout: 0 };
const trainSettings = { ...config.train, epochs, batchSize: 256, learningRate: 0.001, earlyStopping: { patience: 0, minDelta: 0, restoreBest: false } };
const dir = await mkdtemp(join(tmpdir(), 'mlops-bench-train-'));

console.log(`bench/train: ${rows.toLocaleString('en-US')} rows × ${features.length} features (${width} model inputs), MLP 64-32, batch 256, ${epochs} epoch(s); ${cpus().length}× ${cpus()[0]?.model.trim()}, node ${process.version}`);

interface Row { backend: string; samplesPerSecond: number; valAccuracy: number; single: { p50: number; p95: number }; batch: { p50: number; p95: number } }
const results: Row[] = [];

async function benchBackend(backend: LoadedBackend, label: string): Promise<void> {
  const { tf } = backend;
  const model = buildModel(tf, { task: 'binary', inputs: width, classes: 2 }, config.model, trainSettings);
  // Warm-up: kernels compile / memory grows on the first batches; not part of the measurement.
  const warm = Math.min(rows, 256 * 20);
  await fitModel(tf, model, { x: x.subarray(0, warm * width), y: y.subarray(0, warm), n: warm, width }, 'binary', { ...trainSettings, epochs: 1 });
  const nVal = Math.min(10_000, Math.floor(rows / 10));
  const nTrain = rows - nVal;
  const fit = await fitModel(tf, model, {
    x: x.subarray(0, nTrain * width), y: y.subarray(0, nTrain), n: nTrain, width,
    validation: { x: x.subarray(nTrain * width), y: y.subarray(nTrain), n: nVal },
  }, 'binary', trainSettings);
  const out = join(dir, label);
  await saveLayersModel(tf, model, out);
  await savePreprocessing(out, spec);
  model.dispose();
  const loaded = await loadModel(out, tf);
  let at = 0;
  const single = await latency(() => { loaded.predict(table, at, 1); at = (at + 7919) % rows; }, 200);
  const batch = await latency(() => { loaded.predict(table, at, 256); at = (at + 7919) % (rows - 256); }, 50);
  loaded.dispose();
  results.push({ backend: label, samplesPerSecond: fit.samplesPerSecond, valAccuracy: fit.history.at(-1)?.val_accuracy ?? Number.NaN, single, batch });
}

try {
  for (const name of ['cpu', 'wasm'] as const) {
    const backend = await loadBackend(name);
    const label = name === 'wasm' ? `wasm (simd ${backend.features?.simd ? 'on' : 'off'}, threads ${backend.features?.threads ? 'on' : 'off'})` : 'cpu';
    await benchBackend(backend, label);
  }
  const resolver = defaultResolver();
  const native = await resolver.loadNative((await resolver.detectGpus()) ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node').catch(() => null)
    ?? await resolver.loadNative('@tensorflow/tfjs-node').catch(() => null);
  if (native) await benchBackend(await loadBackend('tensorflow'), 'tensorflow (native)');
} finally {
  await rm(dir, { recursive: true, force: true });
}

const f = (v: number) => (v < 1 ? v.toFixed(3) : v < 100 ? v.toFixed(2) : v.toFixed(0));
console.log('\n| backend | train samples/s | val accuracy | 1 row p50 ms | 1 row p95 ms | 256 rows p50 ms | 256 rows p95 ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.backend} | ${r.samplesPerSecond.toLocaleString('en-US')} | ${r.valAccuracy.toFixed(3)} | ${f(r.single.p50)} | ${f(r.single.p95)} | ${f(r.batch.p50)} | ${f(r.batch.p95)} |`);
}
const cpu = results.find((r) => r.backend === 'cpu');
const wasm = results.find((r) => r.backend.startsWith('wasm'));
if (cpu && wasm) {
  const ratio = wasm.samplesPerSecond / cpu.samplesPerSecond;
  console.log(`\nwasm / cpu training throughput: ${ratio.toFixed(2)}× (target ≥ 3×: ${ratio >= 3 ? 'met' : 'NOT met'})`);
  console.log(`wasm / cpu single-row latency p50: ${(wasm.single.p50 / cpu.single.p50).toFixed(2)}×, batch-256 p50: ${(wasm.batch.p50 / cpu.batch.p50).toFixed(2)}×`);
}
