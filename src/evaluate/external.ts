/**
 * Models trained by an external command (PyTorch, scikit-learn…) are evaluated through a serving
 * process that speaks JSON lines on stdin/stdout — the protocol of docs/evaluation.md:
 *
 * 1. mlops starts `predictCommand` (a shell command) in the directory of mlops.yaml, with
 *    `MLOPS_MODEL_DIR` set to the model directory (absolute); the process answers with one line `{ "ready": true, "task", "label", "features",
 *    "classes" }` (classes in the order of its probability columns; none for regression).
 * 2. Each request is one line `{ "id", "rows": [{ feature: value, … }, …] }` (numbers as JSON
 *    numbers, text as strings, missing cells as null); the answer is one line `{ "id",
 *    "probabilities": [[…], …] }` or `{ "id", "values": […] }`, or `{ "id", "error": "…" }`.
 * 3. mlops closes stdin when done; the process exits.
 *
 * One process serves every call, so latency percentiles measure the model plus one JSON round
 * trip through a pipe, for candidate and baseline alike.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { InputError } from '../core/errors.ts';
import type { Prediction } from '../train/model-dir.ts';
import { sortClasses, type PreprocessingSpec, type Task } from '../train/preprocess.ts';
import { cellText, type Table } from '../table/index.ts';

/** What `mlops evaluate` needs of a model, whether TensorFlow.js or served by an external process. */
export interface EvaluatedModel {
  task: Task;
  classes: string[];
  labelName: string;
  featureNames: string[];
  preprocessing: PreprocessingSpec;
  predict(table: Table, start?: number, count?: number): Prediction | Promise<Prediction>;
  dispose(): void;
}

export interface ExternalModelOptions {
  /**
   * Where the command runs: the directory of mlops.yaml, where train.command runs too (relative
   * script paths in both mean the same files). The model directory reaches it as an absolute path.
   */
  cwd: string;
  env?: Record<string, string | undefined>;
  /** The serving process's stderr lines. */
  log?: (line: string) => void;
  /** How long the process may take to print its ready line (default 120 s: frameworks load slowly). */
  readyTimeoutMs?: number;
}

const TASKS = new Set<Task>(['binary', 'multiclass', 'regression']);
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A cell as the serving process receives it: a number when its text is one, else the text, or null. */
function cellValue(text: string | null): string | number | null {
  if (text === null) return null;
  return NUMBER_TEXT.test(text) ? Number(text) : text;
}

/**
 * Starts the serving process of an external model directory and waits for its ready line. Any
 * failure (the command exits, prints something that is not the protocol, misses the deadline) is
 * an InputError naming the model directory and the command.
 */
export async function startExternalModel(dir: string, command: string, options: ExternalModelOptions): Promise<EvaluatedModel> {
  const where = { file: resolve(dir, 'run.json'), key: 'predictCommand' };
  const child = spawn(command, { shell: true, cwd: options.cwd, env: { ...(options.env ?? process.env), MLOPS_MODEL_DIR: resolve(dir) }, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    options.log?.(line);
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let exited: string | null = null;
  const exit = new Promise<void>((done) => child.on('close', (code, signal) => {
    exited = signal ? `was killed by ${signal}` : `exited with status ${code}`;
    done();
  }));
  child.on('error', (error) => { exited = `could not start (${error.message})`; });
  // Writing to a process that died must not crash mlops: its exit is reported instead.
  child.stdin.on('error', () => {});
  const failure = (what: string) => new InputError(
    `the model's predictCommand ${JSON.stringify(command)} ${what}${stderrTail.length ? `; its last output:\n  ${stderrTail.join('\n  ')}` : ''}`,
    where,
  );

  const nextLine = async (timeoutMs: number, waitingFor: string, skipBanners = false): Promise<Record<string, unknown>> => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((done) => { timer = setTimeout(() => done('timeout'), timeoutMs); });
    let next: IteratorResult<string> | 'timeout' | 'exit';
    for (;;) {
      next = await Promise.race([lines.next(), exit.then(() => 'exit' as const), deadline]);
      // Before the ready line, what frameworks print on import (banners, warnings) is passed on to
      // the log, not taken for the protocol.
      if (skipBanners && next !== 'timeout' && next !== 'exit' && !next.done && !next.value.trimStart().startsWith('{')) {
        options.log?.(next.value);
        continue;
      }
      break;
    }
    clearTimeout(timer);
    if (next === 'timeout') throw failure(`sent no ${waitingFor} within ${Math.round(timeoutMs / 1000)} s`);
    if (next === 'exit' || next.done) {
      await exit;
      throw failure(`${exited ?? 'closed its output'} before sending the ${waitingFor}`);
    }
    try {
      const value = JSON.parse(next.value) as unknown;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // reported below
    }
    throw failure(`sent a line that is not a JSON object where the ${waitingFor} was expected: ${next.value.slice(0, 200)}`);
  };

  let model: EvaluatedModel;
  try {
    const ready = await nextLine(options.readyTimeoutMs ?? 120_000, 'ready line', true);
    const task = ready.task as Task;
    const classes = Array.isArray(ready.classes) ? ready.classes.map(String) : [];
    const features = Array.isArray(ready.features) ? ready.features.map(String) : [];
    if (ready.ready !== true || !TASKS.has(task) || typeof ready.label !== 'string' || features.length === 0) {
      throw failure(`sent a ready line without ready: true, task (binary | multiclass | regression), label and features: ${JSON.stringify(ready).slice(0, 200)}`);
    }
    if (task !== 'regression' && classes.length < 2) throw failure(`declared a ${task} task with ${classes.length} class(es); the ready line must list the classes`);
    // A class listed twice makes two probability columns one class: labels, arg-max and every
    // per-class metric would silently be wrong.
    const repeated = classes.filter((c, i) => classes.indexOf(c) !== i);
    if (repeated.length > 0) throw failure(`listed the class(es) ${[...new Set(repeated)].map((c) => `'${c}'`).join(', ')} more than once in its ready line: classes must be distinct, one per probability column`);
    // Classes in the order training gives them (sorted; numbers as numbers), whatever the order of
    // the probability columns: the positive class of a binary model (the second), the cost matrix
    // and the check that candidate and baseline have the same classes all read that order. A
    // process declaring ["yes", "no"] had its metrics computed about "no".
    const ordered = task === 'regression' ? [] : sortClasses(classes);
    const column = ordered.map((c) => classes.indexOf(c));
    const label = ready.label;
    const preprocessing: PreprocessingSpec = {
      format: 'mlops-preprocessing', version: 1,
      label: { name: label, task, classes: ordered, mean: 0, std: 1 },
      // The process does its own preprocessing: mlops only reads the columns (as text).
      features: features.map((name) => ({ name, kind: 'categorical', vocabulary: [], missingIndicator: false })),
      outputs: [], fittedRows: 0,
    };
    let nextId = 1;
    // Calls are sequential (evaluate and the latency benchmark await each one).
    const predict = async (table: Table, start = 0, count = table.length - start): Promise<Prediction> => {
      const n = Math.max(0, Math.min(count, table.length - start));
      const columns = features.map((name) => {
        const index = table.fieldNames.indexOf(name);
        if (index < 0) throw new InputError(`the test data lacks feature column '${name}' needed by the model in ${dir}`, { file: table.path, key: name });
        return table.columns[index];
      });
      const rows = new Array<Record<string, string | number | null>>(n);
      for (let r = 0; r < n; r++) {
        const row: Record<string, string | number | null> = {};
        features.forEach((name, k) => { row[name] = cellValue(cellText(columns[k], start + r)); });
        rows[r] = row;
      }
      const id = nextId++;
      child.stdin.write(`${JSON.stringify({ id, rows })}\n`);
      const answer = await nextLine(600_000, `answer to request ${id}`);
      if (answer.id !== id) throw failure(`answered request ${JSON.stringify(answer.id)} where ${id} was expected`);
      if (typeof answer.error === 'string') throw failure(`could not predict: ${answer.error}`);
      if (task === 'regression') {
        const values = answer.values;
        // JSON cannot write NaN, but 1e999 parses as Infinity: a prediction no metric can score.
        if (!Array.isArray(values) || values.length !== n || !values.every((v) => typeof v === 'number' && Number.isFinite(v))) throw failure(`must answer "values": ${n} finite numbers (request ${id})`);
        return { task, values: Float64Array.from(values as number[]) };
      }
      const probabilities = answer.probabilities;
      const k = classes.length;
      if (!Array.isArray(probabilities) || probabilities.length !== n) throw failure(`must answer "probabilities": ${n} rows of ${k} numbers (request ${id})`);
      const flat = new Float64Array(n * k);
      const labels = new Array<string>(n);
      probabilities.forEach((row: unknown, r) => {
        if (!Array.isArray(row) || row.length !== k || !row.every((p) => typeof p === 'number' && p >= 0 && p <= 1)) {
          throw failure(`row ${r + 1} of request ${id} must be ${k} probabilities in [0, 1], one per class (${classes.join(', ')})`);
        }
        let best = 0;
        for (let c = 0; c < k; c++) {
          flat[r * k + c] = row[column[c]!] as number;
          if (flat[r * k + c]! > flat[r * k + best]!) best = c;
        }
        labels[r] = ordered[best]!;
      });
      return { task, probabilities: flat, labels };
    };
    model = {
      task, classes: ordered, labelName: label, featureNames: features, preprocessing,
      predict,
      dispose: () => {
        child.stdin.end();
        // mlops need not wait for the process; one that ignores the end of its input is stopped.
        child.unref();
        const stop = () => { if (exited === null) child.kill(); };
        setTimeout(stop, 5000).unref();
        process.once('exit', stop);
      },
    };
  } catch (error) {
    child.kill();
    throw error;
  }
  return model;
}
