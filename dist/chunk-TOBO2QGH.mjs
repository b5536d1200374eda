import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  classCountProblem,
  isCodeText,
  isNumberText,
  isNumericLabel,
  labelTask,
  parseNumberText,
  tooManyClassesMessage
} from "./chunk-SXSB5XTO.mjs";
import {
  parseLocalNumber
} from "./chunk-HTMWGR7O.mjs";
import {
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-HY2LPEBQ.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/train/preprocess.ts
var OOV = "__oov__";
var MISSING_SUFFIX = "__missing";
function findColumn(table, name, what) {
  const index = table.fieldNames.indexOf(name);
  const column = index >= 0 ? table.columns.find((c) => c.name === name) ?? table.columns[index] : void 0;
  if (!column) {
    throw new InputError(`${what} column '${name}' not found (columns: ${table.fieldNames.join(", ")})`, { file: table.path, key: name });
  }
  return column;
}
function numbersOf(column, form) {
  if (column.kind === "number") return column.values;
  const parsed = column.dictionary.map((text) => form ? parseLocalNumber(text, form) ?? Number.NaN : parseNumberText(text));
  const out = new Float64Array(column.codes.length);
  for (let i = 0; i < out.length; i++) {
    const code = column.codes[i];
    out[i] = code < 0 ? Number.NaN : parsed[code];
  }
  return out;
}
function isNullCell(column, i) {
  return column.kind === "number" ? column.nulls[i] === 1 : column.codes[i] < 0;
}
function textOf(column, i) {
  if (column.kind === "string") {
    const code = column.codes[i];
    return code < 0 ? null : column.dictionary[code];
  }
  if (column.nulls[i] === 1) return null;
  const v = column.values[i];
  if (Number.isNaN(v)) return column.invalid.find((c) => c.index === i)?.text ?? "NaN";
  return String(v);
}
function lineOf(table, i) {
  const line = table.lines[i];
  return line !== void 0 && line > 0 ? line : void 0;
}
function allRows(n) {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}
function median(sorted) {
  const n = sorted.length;
  if (n === 0) return 0;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function compareValues(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sortClasses(values) {
  const numeric = values.every((v) => Number.isFinite(parseNumberText(v)));
  return values.slice().sort(numeric ? (a, b) => parseNumberText(a) - parseNumberText(b) || compareValues(a, b) : compareValues);
}
function looksNumeric(column, rows) {
  if (column.kind === "number") return { numeric: column.invalid.length === 0, share: 1, firstBad: column.invalid[0]?.index ?? -1, codes: false };
  const parsed = column.dictionary.map(isNumberText);
  const code0 = column.dictionary.map(isCodeText);
  let good = 0;
  let total = 0;
  let firstBad = -1;
  let codes = false;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const code = column.codes[i];
    if (code < 0) continue;
    total++;
    if (code0[code]) codes = true;
    if (parsed[code]) good++;
    else if (firstBad < 0) firstBad = i;
  }
  return { numeric: total > 0 && good === total, share: total > 0 ? good / total : 0, firstBad, codes };
}
function inferTask(column, rows) {
  const distinct = /* @__PURE__ */ new Set();
  for (let r = 0; r < rows.length; r++) {
    const t = textOf(column, rows[r]);
    if (t !== null) distinct.add(t);
  }
  const values = [...distinct];
  return { task: labelTask(values), distinct: values };
}
function fitPreprocessing(table, options) {
  const rowsAll = options.rows ? Int32Array.from(options.rows) : allRows(table.length);
  const labelColumn = findColumn(table, options.label, "label");
  const rows = rowsAll.filter((i) => !isNullCell(labelColumn, i));
  const labelled = allRows(table.length).filter((i) => !isNullCell(labelColumn, i));
  if (table.length === 0) throw new InputError("the training data has no rows", { file: table.path });
  if (rows.length === 0) throw new InputError(`label column '${options.label}' has no non-null values`, { file: table.path, key: options.label });
  const decided = inferTask(labelColumn, labelled);
  const inferred = inferTask(labelColumn, rows);
  let task = options.task && options.task !== "auto" ? options.task : decided.task;
  if (task !== "regression") {
    const problem = classCountProblem(decided.distinct.length, labelled.length);
    if (problem) {
      throw new InputError(tooManyClassesMessage(options.label, problem, isNumericLabel(decided.distinct), {
        regression: options.task === "auto" || !options.task ? "model.task: regression" : "model.task: auto or regression",
        otherColumn: "set data.label to the column the model should predict"
      }), options.labelLocation ?? { file: table.path, key: options.label });
    }
  }
  if (task === "regression") {
    const check = looksNumeric(labelColumn, labelled);
    if (!check.numeric) {
      const bad = check.firstBad;
      const value = bad >= 0 ? textOf(labelColumn, bad) : "";
      const line = bad >= 0 ? lineOf(table, bad) : void 0;
      if (options.task === "regression" && options.taskLocation && check.share < 0.95) {
        throw new InputError(
          `label '${options.label}' is not numeric (value '${value}' at ${table.path}${line !== void 0 ? `:${line}` : ""}), so it cannot be a regression target: set model.task to auto, binary or multiclass`,
          options.taskLocation
        );
      }
      throw new InputError(
        `label '${options.label}' is not numeric (value '${value}'), so it cannot be a regression target`,
        { file: table.path, line, key: options.label }
      );
    }
  } else if (inferred.distinct.length < 2 && decided.distinct.length >= 2) {
    const others = sortClasses(decided.distinct.filter((c) => !inferred.distinct.includes(c)));
    const named = `${others.slice(0, 5).map((c) => `'${c}'`).join(", ")}${others.length > 5 ? ", \u2026" : ""}`;
    throw new InputError(
      `label '${options.label}' has only one class ('${inferred.distinct[0] ?? ""}') in the training split: ${named} ${others.length === 1 ? "is" : "are"} only in the validation rows (add rows of ${others.length === 1 ? "it" : "them"}, or lower train.validationSplit)`,
      { file: table.path, key: options.label }
    );
  } else if (inferred.distinct.length < 2) {
    throw new InputError(
      `label '${options.label}' has only one class ('${inferred.distinct[0] ?? ""}') in the training data; a classifier needs at least two`,
      { file: table.path, key: options.label }
    );
  } else if (options.task === "binary" && inferred.distinct.length !== 2) {
    throw new InputError(
      `model.task is binary but label '${options.label}' has ${inferred.distinct.length} classes in the training rows (${sortClasses(inferred.distinct).slice(0, 5).map((c) => `'${c}'`).join(", ")}${inferred.distinct.length > 5 ? ", \u2026" : ""}): set model.task to multiclass or auto`,
      options.taskLocation ?? { file: table.path, key: options.label }
    );
  } else if (task === "multiclass" && inferred.distinct.length === 2 && options.task !== "multiclass") {
    task = "binary";
  }
  const label = { name: options.label, task, classes: task === "regression" ? [] : sortClasses(inferred.distinct) };
  if (task === "regression") {
    const labelForm = options.numberForms?.[options.label];
    if (labelForm) label.numberForm = labelForm;
    const ys = numbersOf(labelColumn, labelForm);
    assertFinite(table, labelColumn, ys, labelled);
    let sum = 0;
    for (const i of rows) sum += ys[i];
    const mean = sum / rows.length;
    let ss = 0;
    for (const i of rows) ss += (ys[i] - mean) ** 2;
    const std = Math.sqrt(ss / rows.length);
    label.mean = mean;
    label.std = std > 0 ? std : 1;
  }
  const features = [];
  const outputs = [];
  const maxCategories = options.maxCategories ?? 50;
  for (const name of options.features) {
    if (name === options.label) throw new InputError(`the label '${name}' is also listed as a feature`, { key: "data.features" });
    const column = findColumn(table, name, "feature");
    let nulls = 0;
    for (const i of rows) if (isNullCell(column, i)) nulls++;
    if (nulls === rows.length) {
      if (options.skipEmptyFeatures) continue;
      const listed = options.featureLocations?.[name];
      if (listed) throw new InputError(`feature '${name}' is null in every training row of ${table.path}: remove it from data.features`, listed);
      throw new InputError(`feature '${name}' is null in every training row`, { file: table.path, key: name });
    }
    const declared = options.kinds?.[name];
    const check = looksNumeric(column, labelled);
    const numeric = declared ? declared === "numeric" : !check.codes && (check.numeric || column.kind === "string" && check.share >= 0.95);
    if (numeric) {
      if (!check.numeric) {
        const bad = check.firstBad;
        const text = textOf(column, bad);
        const why = declared ? "the schema declares it a number" : `${Math.floor(check.share * 1e3) / 10}% of its cells are numbers`;
        throw new InputError(
          `non-numeric value '${text}' in numeric feature '${name}' (${why}): if '${text}' marks a missing value, list it in the schema's missingValues (data.schema); if '${name}' is a category, declare it type: string there`,
          { file: table.path, line: lineOf(table, bad), key: name }
        );
      }
      const values = numbersOf(column, options.numberForms?.[name]);
      assertFinite(table, column, values, labelled);
      const present = new Float64Array(rows.length - nulls);
      let k = 0;
      for (const i of rows) if (!isNullCell(column, i)) present[k++] = values[i];
      present.sort();
      const med = median(present);
      let sum = 0;
      for (const v of present) sum += v;
      sum += med * nulls;
      const mean = sum / rows.length;
      let ss = 0;
      for (const v of present) ss += (v - mean) ** 2;
      ss += nulls * (med - mean) ** 2;
      const std = Math.sqrt(ss / rows.length);
      const form = options.numberForms?.[name];
      features.push({ name, kind: "numeric", median: med, mean, std: std > 0 ? std : 1, missingIndicator: nulls > 0, ...form ? { numberForm: form } : {} });
      outputs.push(name);
    } else {
      const counts = /* @__PURE__ */ new Map();
      for (const i of rows) {
        const t = textOf(column, i);
        if (t !== null) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      const vocabulary = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareValues(a[0], b[0])).slice(0, maxCategories).map(([v]) => v);
      features.push({ name, kind: "categorical", vocabulary, missingIndicator: nulls > 0 });
      for (const v of vocabulary) outputs.push(`${name}=${v}`);
      outputs.push(`${name}=${OOV}`);
    }
    if (nulls > 0) outputs.push(`${name}${MISSING_SUFFIX}`);
  }
  if (features.length === 0) {
    throw new InputError(`every feature is null in every training row (${options.features.join(", ")}): nothing to learn from`, { file: table.path });
  }
  const spec = { format: "mlops-preprocessing", version: 1, label, features, outputs, fittedRows: rows.length };
  const markers = options.missingValues;
  if (markers && !(markers.length === 1 && markers[0] === "")) spec.missingValues = [...markers];
  const own = Object.entries(options.fieldMissingValues ?? {}).filter(([name]) => name === options.label || options.features.includes(name));
  if (own.length > 0) spec.fieldMissingValues = Object.fromEntries(own);
  return spec;
}
function assertFinite(table, column, values, rows) {
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const v = values[i];
    if (!Number.isFinite(v) && !isNullCell(column, i)) {
      throw new InputError(
        `${Number.isNaN(v) ? "NaN" : "infinite"} value '${textOf(column, i)}' in '${column.name}': training data must be finite`,
        { file: table.path, line: lineOf(table, i), key: column.name }
      );
    }
  }
}
function applyPreprocessing(spec, table, start = 0, count = table.length - start) {
  const width = spec.outputs.length;
  const n = Math.max(0, Math.min(count, table.length - start));
  const out = new Float32Array(n * width);
  let offset = 0;
  for (const feature of spec.features) {
    const column = findColumn(table, feature.name, "feature");
    if (feature.kind === "numeric") {
      const values = numbersOf(column, feature.numberForm);
      const ind = feature.missingIndicator ? offset + 1 : -1;
      for (let r = 0; r < n; r++) {
        const i = start + r;
        let v = values[i];
        const missing = !Number.isFinite(v);
        if (missing) v = feature.median;
        out[r * width + offset] = (v - feature.mean) / feature.std;
        if (ind >= 0 && missing) out[r * width + ind] = 1;
      }
      offset += feature.missingIndicator ? 2 : 1;
    } else {
      const index = new Map(feature.vocabulary.map((v, k) => [v, k]));
      const oov = feature.vocabulary.length;
      const ind = feature.missingIndicator ? oov + 1 : -1;
      const codeMap = column.kind === "string" ? column.dictionary.map((d) => index.get(d) ?? oov) : null;
      for (let r = 0; r < n; r++) {
        const i = start + r;
        let slot;
        if (codeMap && column.kind === "string") {
          const code = column.codes[i];
          slot = code < 0 ? -1 : codeMap[code];
        } else {
          const t = textOf(column, i);
          slot = t === null ? -1 : index.get(t) ?? oov;
        }
        if (slot >= 0) out[r * width + offset + slot] = 1;
        else if (ind >= 0) out[r * width + offset + ind] = 1;
      }
      offset += oov + 1 + (feature.missingIndicator ? 1 : 0);
    }
  }
  return out;
}
function encodeLabels(spec, table, start = 0, count = table.length - start) {
  const column = findColumn(table, spec.label.name, "label");
  const n = Math.max(0, Math.min(count, table.length - start));
  const y = new Float32Array(n);
  const valid = new Uint8Array(n);
  if (spec.label.task === "regression") {
    const values = numbersOf(column, spec.label.numberForm);
    for (let r = 0; r < n; r++) {
      const v = values[start + r];
      if (Number.isFinite(v)) {
        y[r] = (v - spec.label.mean) / spec.label.std;
        valid[r] = 1;
      }
    }
  } else {
    const index = new Map(spec.label.classes.map((c, k) => [c, k]));
    for (let r = 0; r < n; r++) {
      const t = textOf(column, start + r);
      const k = t === null ? void 0 : index.get(t) ?? index.get(String(parseNumberText(t)));
      if (k !== void 0) {
        y[r] = k;
        valid[r] = 1;
      }
    }
  }
  return { y, valid };
}
function labelTexts(spec, table, start = 0, count = table.length - start) {
  const column = findColumn(table, spec.label.name, "label");
  const n = Math.max(0, Math.min(count, table.length - start));
  const out = new Array(n);
  for (let r = 0; r < n; r++) out[r] = textOf(column, start + r);
  return out;
}
function checkPreprocessingSpec(value, file) {
  const spec = value;
  const ok = spec && typeof spec === "object" && spec.format === "mlops-preprocessing" && spec.version === 1 && Array.isArray(spec.features) && Array.isArray(spec.outputs) && spec.label && typeof spec.label.name === "string" && ["binary", "multiclass", "regression"].includes(spec.label.task) && Array.isArray(spec.label.classes);
  if (!ok) throw new InputError("not a valid preprocessing.json (format mlops-preprocessing, version 1)", { file });
  return spec;
}

// src/train/model-dir.ts
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
var MODEL_FILES = {
  model: "model.json",
  weights: "weights.bin",
  preprocessing: "preprocessing.json",
  run: "run.json",
  profile: "profile.json",
  metrics: "metrics.json"
};
function concatBuffers(data) {
  if (!Array.isArray(data)) return new Uint8Array(data);
  const total = data.reduce((s, b) => s + b.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const b of data) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out;
}
async function saveLayersModel(tf, model, dir) {
  let weights = new Uint8Array(0);
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    weights = concatBuffers(artifacts.weightData ?? new ArrayBuffer(0));
    const modelJson = {
      format: artifacts.format ?? "layers-model",
      generatedBy: artifacts.generatedBy,
      convertedBy: artifacts.convertedBy ?? null,
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: [`./${MODEL_FILES.weights}`], weights: artifacts.weightSpecs ?? [] }]
    };
    await writeFileAtomic(join(dir, MODEL_FILES.weights), weights);
    await writeJsonAtomic(join(dir, MODEL_FILES.model), modelJson);
    return { modelArtifactsInfo: { dateSaved: /* @__PURE__ */ new Date(0), modelTopologyType: "JSON", weightDataBytes: weights.byteLength } };
  }));
  return weights;
}
async function savePreprocessing(dir, spec) {
  await writeJsonAtomic(join(dir, MODEL_FILES.preprocessing), spec);
}
async function readJson(path, what) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new InputError(`${what} not found`, { file: path });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what} is not valid JSON (${error.message})`, { file: path });
  }
}
async function readPreprocessing(dir) {
  const file = join(dir, MODEL_FILES.preprocessing);
  return checkPreprocessingSpec(await readJson(file, "preprocessing.json"), file);
}
async function readRunRecord(dir) {
  const file = join(dir, MODEL_FILES.run);
  try {
    await stat(file);
  } catch {
    return null;
  }
  return await readJson(file, "run.json");
}
var PREDICT_CHUNK = 8192;
async function loadModel(dir, tf) {
  const modelFile = join(dir, MODEL_FILES.model);
  const preprocessing = await readPreprocessing(dir);
  const json = await readJson(modelFile, "model.json (TensorFlow.js model; external trainers produce none)");
  if (!json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new InputError("model.json is not a TensorFlow.js layers model (no modelTopology/weightsManifest)", { file: modelFile });
  }
  const specs = [];
  const parts = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) {
      const file = join(dir, p);
      try {
        parts.push(new Uint8Array(await readFile(file)));
      } catch {
        throw new InputError("weights file named in model.json not found", { file });
      }
    }
  }
  const weightData = concatBuffers(parts.map((p) => p.buffer.slice(p.byteOffset, p.byteOffset + p.byteLength)));
  let model;
  try {
    model = await tf.loadLayersModel(tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: specs,
      weightData: weightData.buffer
    }));
  } catch (error) {
    throw new InputError(`cannot load the TensorFlow.js model (${error.message})`, { file: modelFile });
  }
  const width = preprocessing.outputs.length;
  const { task, classes } = preprocessing.label;
  const predictMatrix = (x, n) => {
    const k = task === "multiclass" ? classes.length : 1;
    const raw = new Float64Array(n * k);
    for (let s = 0; s < n; s += PREDICT_CHUNK) {
      const m = Math.min(PREDICT_CHUNK, n - s);
      const out = tf.tidy(() => {
        const input = tf.tensor2d(x.subarray(s * width, (s + m) * width), [m, width]);
        return model.predict(input).dataSync();
      });
      for (let i = 0; i < m * k; i++) raw[s * k + i] = out[i];
    }
    return toPrediction(preprocessing, raw, n);
  };
  return {
    task,
    classes,
    labelName: preprocessing.label.name,
    featureNames: preprocessing.features.map((f) => f.name),
    preprocessing,
    predict(table, start = 0, count = table.length - start) {
      const n = Math.max(0, Math.min(count, table.length - start));
      return predictMatrix(applyPreprocessing(preprocessing, table, start, n), n);
    },
    predictMatrix,
    dispose() {
      model.dispose();
    }
  };
}
function toPrediction(spec, raw, n) {
  const { task, classes } = spec.label;
  if (task === "regression") {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = raw[i] * spec.label.std + spec.label.mean;
    return { task, values };
  }
  const k = classes.length;
  const probabilities = new Float64Array(n * k);
  const labels = new Array(n);
  for (let i = 0; i < n; i++) {
    if (task === "binary") {
      const p = raw[i];
      probabilities[i * 2] = 1 - p;
      probabilities[i * 2 + 1] = p;
      labels[i] = classes[p >= 0.5 ? 1 : 0];
    } else {
      let best = 0;
      for (let c = 0; c < k; c++) {
        probabilities[i * k + c] = raw[i * k + c];
        if (raw[i * k + c] > raw[i * k + best]) best = c;
      }
      labels[i] = classes[best];
    }
  }
  return { task, probabilities, labels };
}

export {
  sortClasses,
  fitPreprocessing,
  applyPreprocessing,
  encodeLabels,
  labelTexts,
  MODEL_FILES,
  saveLayersModel,
  savePreprocessing,
  readRunRecord,
  loadModel,
  toPrediction
};
