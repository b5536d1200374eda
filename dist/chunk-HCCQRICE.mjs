import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  dataFileRecords,
  displayPath,
  gitInfo
} from "./chunk-JE3GIHDP.mjs";
import {
  ActionInputError,
  parseInputs
} from "./chunk-QUBK3FVQ.mjs";
import {
  createActionsRuntime
} from "./chunk-SP45EASV.mjs";
import {
  writeProfile
} from "./chunk-JQF754KU.mjs";
import {
  MODEL_FILES,
  applyPreprocessing,
  encodeLabels,
  fitPreprocessing,
  labelTexts,
  saveLayersModel,
  savePreprocessing,
  sortClasses,
  toPrediction
} from "./chunk-TOBO2QGH.mjs";
import {
  loadBackend
} from "./chunk-VXDFF6NO.mjs";
import {
  formatDuration,
  formatNumber
} from "./chunk-FGDYCVTY.mjs";
import {
  digestFileList,
  listModelFiles,
  sha256File
} from "./chunk-EC4DIH3W.mjs";
import {
  alert,
  details,
  table,
  xyChart
} from "./chunk-P5IS7C6Z.mjs";
import {
  mergeProfiles,
  profileFile
} from "./chunk-KF6L3SPS.mjs";
import {
  classCounts,
  rareClass,
  resolveClassWeights
} from "./chunk-LICFMF4L.mjs";
import {
  atConfigLine,
  configLocation,
  loadConfig,
  locateConfigError,
  resolveBatchSize
} from "./chunk-D3J2R3HR.mjs";
import {
  detectNumberForm
} from "./chunk-GYSFXBIC.mjs";
import {
  dataReadOptions,
  loadSchema
} from "./chunk-EAMZTAYM.mjs";
import {
  didYouMean
} from "./chunk-6H53F6EY.mjs";
import {
  expandDataPaths,
  isGlob,
  openTable
} from "./chunk-VFQYOCDE.mjs";
import {
  groupDigits
} from "./chunk-LVCVLYC2.mjs";
import {
  applyNumberForms,
  concatBatches
} from "./chunk-HTMWGR7O.mjs";
import {
  writeJsonAtomic
} from "./chunk-HY2LPEBQ.mjs";
import {
  mulberry32
} from "./chunk-EY3EEY7L.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/actions/train.ts
import { resolve as resolve3 } from "node:path";

// src/train/progress.ts
function fmt(x, digits = 4) {
  return x === void 0 || !Number.isFinite(x) ? "\u2013" : Number(x.toPrecision(digits)).toString();
}
function epochSummary(r) {
  const parts = [`loss ${fmt(r.loss)}`];
  if (r.val_loss !== void 0) parts.push(`val_loss ${fmt(r.val_loss)}`);
  if (r.val_accuracy !== void 0) parts.push(`val_accuracy ${fmt(r.val_accuracy)}`);
  if (r.val_rmse !== void 0) parts.push(`val_rmse ${fmt(r.val_rmse)}`);
  if (Number.isFinite(r.samplesPerSecond)) parts.push(`${groupDigits(r.samplesPerSecond)} samples/s`);
  return parts.join(" \xB7 ");
}
function progressBar(done, total, width = 24) {
  const filled = total > 0 ? Math.round(done / total * width) : width;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(done).padStart(String(total).length)}/${total}`;
}
function epochReporter(write, tty) {
  let drew = false;
  return {
    onEpoch(r, total) {
      if (tty) {
        write(`\r\x1B[2K${progressBar(r.epoch, total)}  ${epochSummary(r)}`);
        drew = true;
      } else {
        write(`epoch ${r.epoch}/${total}: ${epochSummary(r)}
`);
      }
    },
    end() {
      if (drew) write("\n");
    }
  };
}

// src/train/train.ts
import { spawn } from "node:child_process";
import { constants as osConstants } from "node:os";
import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, mkdir, stat as stat2 } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve as resolve2 } from "node:path";

// src/train/data.ts
import { realpath, stat } from "node:fs/promises";
import { resolve } from "node:path";
var NUMERIC_TYPES = /* @__PURE__ */ new Set(["number", "integer"]);
async function expandConfigured(pattern, key, config) {
  if (!pattern) throw new InputError(`${key} is not set: name the data file(s) to use`, { file: config.configPath ?? void 0, key });
  const files = (await expandDataPaths(pattern, config.configDir).catch((error) => {
    throw missingAtConfigLine(error, pattern, key, config);
  })).map((f) => resolve(config.configDir, f));
  if (files.length === 0) throw new InputError(`no data file matches '${pattern}'`, { file: config.configPath ?? void 0, key });
  return files;
}
async function trainingFiles(config) {
  if (config.data.test && isGlob(config.data.test) && !await stat(config.data.test).catch(() => null)) {
    throw new InputError("the test set is one file, not a pattern: concatenate the shards into one golden file (globs are for data.train and drift data)", configLocation(config, "data.test"));
  }
  const files = await expandConfigured(config.data.train, "data.train", config);
  const test = config.data.test ? await realpath(resolve(config.configDir, config.data.test)).catch(() => null) : null;
  if (test === null) return { files, heldOut: null, sameAsTest: false };
  const real = await Promise.all(files.map((f) => realpath(f).catch(() => f)));
  const index = real.indexOf(test);
  if (index < 0) return { files, heldOut: null, sameAsTest: false };
  if (files.length === 1) return { files, heldOut: null, sameAsTest: true };
  return { files: files.filter((_, i) => i !== index), heldOut: files[index], sameAsTest: false };
}
function testOverlapMessage(found, config) {
  const show = (path) => displayPath(path, config.configDir);
  if (found.heldOut) return `data.train '${show(config.data.train)}' also matches data.test: ${show(found.heldOut)} is left out of training, so evaluate scores rows the model never saw`;
  if (found.sameAsTest) return `warning: data.train is data.test (${show(config.data.test)}): evaluate will score rows the model was trained on, and every gate judge an inflated number; set data.test to a held-out golden set`;
  return null;
}
function missingAtConfigLine(error, path, key, config) {
  if (!(error instanceof InputError) || error.location.line !== void 0 || !/not found|no file matches/.test(error.detail)) return error;
  return new InputError(`${error.detail}: ${displayPath(path, config.configDir)}`, configLocation(config, key), { cause: error });
}
async function loadConfiguredSchema(config) {
  const path = config.data.schema;
  if (!path) return null;
  if (!await stat(path).catch(() => null)) throw missingAtConfigLine(new InputError("schema file not found", { file: path }), path, "data.schema", config);
  return loadSchema(path);
}
function schemaFeatures(schema, label) {
  return schema?.fields.filter((f) => f.role === "feature" && f.name !== label).map((f) => f.name) ?? [];
}
var NOT_FEATURE_ROLES = /* @__PURE__ */ new Set(["label", "id", "timestamp", "ignore"]);
function resolveFeatures(config, schema, label, header) {
  if (config.data.features) return config.data.features;
  const fromSchema = schemaFeatures(schema, label);
  if (fromSchema.length > 0) return fromSchema;
  return header.filter((n) => n !== label && !schema?.fields.some((f) => f.name === n && f.role && NOT_FEATURE_ROLES.has(f.role)));
}
function checkLabelNotFeature(config, label) {
  const index = config.data.features?.indexOf(label) ?? -1;
  if (index >= 0) {
    throw new InputError(`the label '${label}' cannot also be a feature (remove it from data.features)`, configLocation(config, `data.features[${index}]`));
  }
}
function configuredLabel(config, schema) {
  if (config.data.label !== null) return config.data.label;
  const labels = (schema?.fields ?? []).flatMap((f, i) => f.role === "label" ? [{ name: f.name, index: i }] : []);
  if (labels.length > 1) {
    throw new InputError(
      `${labels.length === 2 ? "two" : labels.length} fields have role: label (${labels.map((l) => `'${l.name}'`).join(", ")}): keep one, or choose with data.label in mlops.yaml`,
      { file: config.data.schema ?? void 0, key: `fields[${labels[1].index}].role` }
    );
  }
  return labels[0]?.name;
}
function checkLabelPresent(config, schema, label, fieldNames, file) {
  if (fieldNames.includes(label)) return;
  const where = config.data.label === null && schema && config.data.schema ? { file: config.data.schema, key: `fields[${schema.fields.findIndex((f) => f.name === label)}].role` } : configLocation(config, "data.label");
  throw new InputError(`label column '${label}' not found in ${file}${didYouMean(label, fieldNames)} (columns: ${fieldNames.join(", ")})`, where);
}
function checkFeaturesPresent(config, features, fieldNames, file) {
  for (const [i, f] of features.entries()) {
    if (!fieldNames.includes(f)) {
      const where = config.data.features ? configLocation(config, `data.features[${i}]`) : { file: config.data.schema ?? void 0, key: f };
      throw new InputError(`feature column '${f}' not found in ${file}${didYouMean(f, fieldNames)} (columns: ${fieldNames.join(", ")})`, where);
    }
  }
}
async function readTrainingData(config) {
  const found = await trainingFiles(config);
  const { files } = found;
  const schema = await loadConfiguredSchema(config);
  const readOptions = schema ? dataReadOptions(schema) : {};
  const first = await openTable(files[0], readOptions);
  const label = configuredLabel(config, schema);
  if (!label) throw new InputError("no label: set data.label or mark a schema field with role: label", configLocation(config, "data.label"));
  checkLabelPresent(config, schema, label, first.fieldNames, files[0]);
  checkLabelNotFeature(config, label);
  const features = resolveFeatures(config, schema, label, first.fieldNames);
  if (features.length === 0) throw new InputError("no feature columns: set data.features", configLocation(config, "data.features"));
  checkFeaturesPresent(config, features, first.fieldNames, files[0]);
  const kinds = {};
  for (const field of schema?.fields ?? []) {
    if (features.includes(field.name)) kinds[field.name] = NUMERIC_TYPES.has(field.type) ? "numeric" : "categorical";
  }
  const columns = [...features, label];
  const batches = [];
  for (const file of files) {
    const source = await openTable(file, { ...readOptions, columns });
    for await (const batch of source.batches()) batches.push(batch);
  }
  let table2 = concatBatches(files.length === 1 ? files[0] : config.data.train, columns, batches);
  const detectedForms = {};
  if (!schema) {
    for (const col of table2.columns) {
      if (col.kind !== "string") continue;
      const form = detectNumberForm(col.dictionary);
      if (form) detectedForms[col.name] = form;
    }
    if (Object.keys(detectedForms).length > 0) {
      const converted = applyNumberForms({ length: table2.length, rowOffset: 0, lines: table2.lines, columns: table2.columns }, detectedForms);
      table2 = { ...table2, columns: converted.columns };
      readOptions.numberForms = detectedForms;
      for (const name of Object.keys(detectedForms)) if (features.includes(name)) kinds[name] = "numeric";
    }
  }
  return { table: table2, files, schema, label, features, kinds, readOptions, detectedForms, testOverlap: testOverlapMessage(found, config) };
}

// src/train/metrics.ts
function validationMetrics(prediction, y, classes) {
  const n = y.length;
  if (n === 0) return {};
  if (prediction.task === "regression") {
    const v = prediction.values;
    let se = 0;
    let ae = 0;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      se += (v[i] - y[i]) ** 2;
      ae += Math.abs(v[i] - y[i]);
      ss += (y[i] - mean) ** 2;
    }
    return { rmse: Math.sqrt(se / n), mae: ae / n, r2: ss > 0 ? 1 - se / ss : 0 };
  }
  const k = classes.length;
  const p = prediction.probabilities;
  let correct = 0;
  let logLoss = 0;
  const tp = new Float64Array(k);
  const fp = new Float64Array(k);
  const fn = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const truth = y[i];
    let best = 0;
    for (let c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
    if (best === truth) {
      correct++;
      tp[truth]++;
    } else {
      fp[best]++;
      fn[truth]++;
    }
    logLoss -= Math.log(Math.min(1 - 1e-15, Math.max(1e-15, p[i * k + truth])));
  }
  let f1 = 0;
  for (let c = 0; c < k; c++) {
    const denom = 2 * tp[c] + fp[c] + fn[c];
    f1 += denom > 0 ? 2 * tp[c] / denom : 0;
  }
  return { accuracy: correct / n, log_loss: logLoss / n, f1_macro: f1 / k };
}

// src/train/model.ts
var seededRandom = mulberry32;
function shuffleInPlace(values, random) {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
  return values;
}
function buildModel(tf, shape, model, train, classWeights = null) {
  const net = tf.sequential();
  const regularizer = model.l2 > 0 ? tf.regularizers.l2({ l2: model.l2 }) : void 0;
  const hidden = model.type === "mlp" ? model.hidden : [];
  let layer = 0;
  const init = () => tf.initializers.glorotUniform({ seed: train.seed * 1e3 + layer++ });
  hidden.forEach((units2, i) => {
    net.add(tf.layers.dense({
      units: units2,
      activation: model.activation,
      kernelInitializer: init(),
      biasInitializer: "zeros",
      ...regularizer ? { kernelRegularizer: regularizer } : {},
      ...i === 0 ? { inputShape: [shape.inputs] } : {},
      name: `hidden_${i + 1}`
    }));
    if (model.dropout > 0) net.add(tf.layers.dropout({ rate: model.dropout, seed: train.seed + i, name: `dropout_${i + 1}` }));
  });
  const units = shape.task === "multiclass" ? shape.classes : 1;
  const activation = shape.task === "multiclass" ? "softmax" : shape.task === "binary" ? "sigmoid" : "linear";
  net.add(tf.layers.dense({
    units,
    activation,
    kernelInitializer: init(),
    biasInitializer: "zeros",
    ...regularizer ? { kernelRegularizer: regularizer } : {},
    ...hidden.length === 0 ? { inputShape: [shape.inputs] } : {},
    name: "output"
  }));
  const loss = classWeights && shape.task !== "regression" ? weightedLoss(tf, shape.task, classWeights) : lossFor(shape.task);
  net.compile({ optimizer: tf.train.adam(train.learningRate), loss });
  return net;
}
function weightedLoss(tf, task, weights) {
  const EPS = 1e-7;
  return (yTrue, yPred) => tf.tidy(() => {
    if (task === "binary") {
      const rowWeights2 = tf.add(tf.mul(yTrue, weights[1] - weights[0]), weights[0]);
      return tf.losses.logLoss(yTrue, yPred, rowWeights2, EPS);
    }
    const rowWeights = tf.sum(tf.mul(yTrue, tf.tensor1d([...weights])), 1);
    const crossEntropy = tf.neg(tf.sum(tf.mul(yTrue, tf.log(tf.clipByValue(yPred, EPS, 1 - EPS))), 1));
    return tf.losses.computeWeightedLoss(crossEntropy, rowWeights);
  });
}
function lossFor(task) {
  return task === "multiclass" ? "sparseCategoricalCrossentropy" : task === "binary" ? "binaryCrossentropy" : "meanSquaredError";
}
function reseedDropout(model, seed) {
  for (const layer of model.layers) {
    if (layer.getClassName() === "Dropout") layer.seed = seed;
  }
}
async function fitModel(tf, model, data, task, train, onEpoch, labelStd = 1, oneHotTargets = 0) {
  const random = seededRandom(train.seed ^ 1540483477);
  const order = new Int32Array(data.n);
  for (let i = 0; i < data.n; i++) order[i] = i;
  const xs = new Float32Array(data.x.length);
  const ys = new Float32Array(data.n);
  const history = [];
  const patience = train.earlyStopping.patience;
  let best = Number.POSITIVE_INFINITY;
  let bestEpoch = 0;
  let bestWeights = null;
  let waited = 0;
  let stoppedEarly = false;
  let divergedAt = null;
  let batchCounter = 0;
  let fitMs = 0;
  const validation = data.validation && data.validation.n > 0 ? data.validation : void 0;
  const valX = validation ? tf.tensor2d(validation.x, [validation.n, data.width]) : null;
  try {
    for (let epoch = 1; epoch <= train.epochs; epoch++) {
      shuffleInPlace(order, random);
      for (let r = 0; r < data.n; r++) {
        const src = order[r];
        xs.set(data.x.subarray(src * data.width, (src + 1) * data.width), r * data.width);
        ys[r] = data.y[src];
      }
      const t0 = performance.now();
      let lossSum = 0;
      for (let s = 0; s < data.n; s += train.batchSize) {
        const m = Math.min(train.batchSize, data.n - s);
        reseedDropout(model, train.seed * 7919 + batchCounter++ >>> 0);
        const xt = tf.tensor2d(xs.subarray(s * data.width, (s + m) * data.width), [m, data.width]);
        const yt = oneHotTargets > 0 ? tf.tidy(() => tf.cast(tf.oneHot(tf.cast(tf.tensor1d(ys.subarray(s, s + m)), "int32"), oneHotTargets), "float32")) : tf.tensor2d(ys.subarray(s, s + m), [m, 1]);
        try {
          const batchLoss = await model.trainOnBatch(xt, yt);
          lossSum += (Array.isArray(batchLoss) ? batchLoss[0] : batchLoss) * m;
        } finally {
          tf.dispose([xt, yt]);
        }
      }
      const loss = lossSum / data.n;
      const ms = performance.now() - t0;
      fitMs += ms;
      const record = { epoch, loss, durationMs: Math.round(ms), samplesPerSecond: Math.round(data.n / (ms / 1e3)) };
      if (valX && validation) {
        const { valLoss, valAccuracy, valRmse } = validate(tf, model, valX, validation, task, labelStd);
        record.val_loss = valLoss;
        if (valAccuracy !== void 0) record.val_accuracy = valAccuracy;
        if (valRmse !== void 0) record.val_rmse = valRmse;
      }
      history.push(record);
      onEpoch?.(record, train.epochs);
      if (!Number.isFinite(loss)) {
        divergedAt = epoch;
        break;
      }
      const monitored = record.val_loss ?? record.loss;
      if (monitored < best - train.earlyStopping.minDelta) {
        best = monitored;
        bestEpoch = epoch;
        waited = 0;
        if (patience > 0 && train.earlyStopping.restoreBest) {
          tf.dispose(bestWeights ?? []);
          bestWeights = model.getWeights().map((w) => w.clone());
        }
      } else if (patience > 0 && ++waited >= patience) {
        stoppedEarly = true;
        break;
      }
    }
    if (bestWeights && divergedAt === null && bestEpoch < history.length) model.setWeights(bestWeights);
  } finally {
    tf.dispose([...bestWeights ?? [], ...valX ? [valX] : []]);
  }
  const samples = history.length * data.n;
  return {
    history,
    epochsRun: history.length,
    bestEpoch: bestEpoch || history.length,
    stoppedEarly,
    fitMs: Math.round(fitMs),
    samplesPerSecond: fitMs > 0 ? Math.round(samples / (fitMs / 1e3)) : 0,
    divergedAt
  };
}
function validate(tf, model, valX, validation, task, labelStd) {
  const out = tf.tidy(() => model.predict(valX).dataSync());
  const n = validation.n;
  const y = validation.y;
  let loss = 0;
  if (task === "regression") {
    for (let i = 0; i < n; i++) loss += (out[i] - y[i]) ** 2;
    loss /= n;
    return { valLoss: loss, valRmse: Math.sqrt(loss) * labelStd };
  }
  const eps = 1e-7;
  let correct = 0;
  if (task === "binary") {
    for (let i = 0; i < n; i++) {
      const p = Math.min(1 - eps, Math.max(eps, out[i]));
      loss -= y[i] === 1 ? Math.log(p) : Math.log(1 - p);
      if ((p >= 0.5 ? 1 : 0) === y[i]) correct++;
    }
  } else {
    const k = out.length / n;
    for (let i = 0; i < n; i++) {
      let bestC = 0;
      for (let c = 1; c < k; c++) if (out[i * k + c] > out[i * k + bestC]) bestC = c;
      if (bestC === y[i]) correct++;
      loss -= Math.log(Math.min(1 - eps, Math.max(eps, out[i * k + y[i]])));
    }
  }
  return { valLoss: loss / n, valAccuracy: correct / n };
}

// src/train/train.ts
var RUN_FORMAT = "mlops-run";
var MLOPS_VERSION = "0.1.0";
function protectedPaths(config, cwd) {
  return [cwd, ...config.configPath ? [config.configPath] : []];
}
async function checkNativeDirEnv(options) {
  const dir = options.nativeDir === void 0 ? (options.env ?? process.env).MLOPS_NATIVE_DIR : void 0;
  if (!dir) return;
  const info = await stat2(resolve2(options.cwd ?? process.cwd(), dir)).catch(() => null);
  if (!info?.isDirectory()) {
    throw new InputError(`MLOPS_NATIVE_DIR '${dir}' is not a directory (it should hold node_modules/@tensorflow/tfjs-node or -gpu): fix or unset it`);
  }
}
function defaultModelDir(config, cwd) {
  return resolve2(cwd, ".mlops", "models", config.name);
}
async function makeStaging(out, setting = CLI_OUT) {
  const staging = join(dirname(out), `.${basename(out)}.staging-${process.pid}-${Date.now().toString(36)}`);
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
  } catch (error) {
    const code = error.code;
    if (!code) throw error;
    throw new InputError(`cannot create the model directory there (${code}): choose another ${setting.phrase}`, { file: out, key: setting.key }, { cause: error });
  }
  return staging;
}
var CLI_OUT = { key: "--out", phrase: "--out" };
async function checkOutputDir(out, protect = [], setting = CLI_OUT) {
  const where = { file: out, key: setting.key };
  const another = `choose another ${setting.phrase}`;
  for (const path of protect) {
    const rel = relative(out, path);
    if (rel === "" || !rel.startsWith("..") && !isAbsolute(rel)) {
      throw new InputError(`the model directory would replace ${path}, which holds the project: ${another}`, where);
    }
  }
  let info;
  try {
    info = await stat2(out);
  } catch (error) {
    if (error.code === "ENOTDIR") throw new InputError(`${await fileAbove(out)} is a file, not a directory: ${another}`, where);
    return;
  }
  if (!info.isDirectory()) throw new InputError(`the output path is a file, not a model directory: refusing to replace it (${another})`, where);
  const entries = await readdir(out);
  if (entries.length === 0) return;
  let record = null;
  try {
    record = JSON.parse(await readFile(join(out, MODEL_FILES.run), "utf8"));
  } catch {
  }
  if (record === null || typeof record !== "object" || record.format !== RUN_FORMAT) {
    throw new InputError(`the output directory is not empty and is not a model directory (no run.json of a training run): refusing to replace its ${entries.length} entr${entries.length === 1 ? "y" : "ies"} (${another}, or remove it first)`, where);
  }
}
async function fileAbove(path) {
  let at = dirname(path);
  while (dirname(at) !== at && !await stat2(at).catch(() => null)) at = dirname(at);
  return at;
}
async function publish(staging, out, protect, setting) {
  await checkOutputDir(out, protect, setting);
  const previous = `${staging}.previous`;
  let moved = false;
  try {
    await rename(out, previous);
    moved = true;
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
  }
  try {
    await rename(staging, out);
  } catch (error) {
    if (moved) await rename(previous, out).catch(() => {
    });
    throw error;
  }
  if (moved) await rm(previous, { recursive: true, force: true });
}
async function trainingProfile(files, readOptions) {
  const profiles = [];
  for (const f of files) profiles.push(await profileFile(f, readOptions));
  return profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
}
async function commonRecordParts(config, cwd, trainFiles) {
  const testFiles = config.data.test ? await expandConfigured(config.data.test, "data.test", config).catch(() => []) : [];
  return {
    git: await gitInfo(config.configDir),
    data: {
      train: await dataFileRecords(trainFiles, cwd),
      test: await dataFileRecords(testFiles, cwd),
      schema: config.data.schema ? (await dataFileRecords([config.data.schema], cwd))[0] : null
    },
    config: { path: config.configPath ? displayPath(config.configPath, cwd) : null, sha256: config.configPath ? (await sha256File(config.configPath)).sha256 : null }
  };
}
function packages(backend) {
  return { mlops: MLOPS_VERSION, node: process.versions.node, ...backend?.versions ?? {} };
}
async function trainModel(config, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const out = resolve2(cwd, options.out ?? defaultModelDir(config, cwd));
  await checkOutputDir(out, protectedPaths(config, cwd), options.outSetting);
  if (config.train.command) {
    if (options.backend !== void 0 && options.backend !== "auto") {
      throw new InputError(`${options.backendKey ? `input '${options.backendKey}'` : "--backend"} ${options.backend} applies to mlops's own TensorFlow.js trainer, and train.command runs an external one: leave it out (the command chooses its device)`, { key: options.backendKey ?? "--backend" });
    }
    if (config.train.backend !== "auto") {
      throw locateConfigError(config, new InputError(`train.backend: ${config.train.backend} applies to mlops's own TensorFlow.js trainer, and train.command runs an external one: remove train.backend (the command chooses its device)`, { file: config.configPath ?? void 0, key: "train.backend" }));
    }
    return runExternalTrainer(config, out, options);
  }
  await checkNativeDirEnv(options);
  const log = options.log ?? (() => {
  });
  const started = /* @__PURE__ */ new Date();
  const t0 = performance.now();
  const backend = await loadBackend(options.backend ?? config.train.backend, {
    ...options.resolver ? { resolver: options.resolver } : {},
    ...options.nativeDir ? { nativeDir: options.nativeDir } : {},
    cwd,
    env: options.env ?? process.env
  }).catch((error) => {
    if (!(error instanceof InputError)) throw error;
    if (options.backend !== void 0) throw new InputError(error.detail, { key: options.backendKey ?? "--backend" }, { cause: error });
    throw locateConfigError(config, error);
  });
  log(`backend: ${backend.backend} (${backend.package}) on ${backend.device}`);
  const tRead = performance.now();
  const data = await readTrainingData(config);
  const { table: table2 } = data;
  if (data.testOverlap) log(data.testOverlap);
  const readMs = performance.now() - tRead;
  const t1 = performance.now();
  const order = shuffleInPlace(Int32Array.from({ length: table2.length }, (_, i) => i), seededRandom(config.train.seed));
  const nVal = Math.floor(table2.length * config.train.validationSplit);
  const valRows = order.slice(0, nVal).sort();
  const trainRows = order.slice(nVal).sort();
  for (const [name, form] of Object.entries(data.detectedForms)) {
    log(`read '${name}' as numbers written with ${form.decimalChar === "," ? `a decimal comma${form.groupChar ? ` and '${form.groupChar}' groups` : ""}` : `'${form.groupChar}' thousands separators`} (no schema declares it; 'mlops schema infer' writes one that does)`);
  }
  const spec = fitPreprocessing(table2, {
    label: data.label,
    features: data.features,
    task: config.model.task,
    maxCategories: config.model.maxCategories,
    kinds: data.kinds,
    rows: trainRows,
    numberForms: data.readOptions.numberForms,
    missingValues: data.readOptions.missingValues,
    fieldMissingValues: data.readOptions.fieldMissingValues,
    ...config.data.label !== null ? { labelLocation: configLocation(config, "data.label") } : {},
    skipEmptyFeatures: config.data.features === null,
    ...config.data.features ? { featureLocations: Object.fromEntries(config.data.features.map((f, i) => [f, configLocation(config, `data.features[${i}]`)])) } : {},
    taskLocation: configLocation(config, "model.task")
  });
  const features = spec.features.map((f) => f.name);
  const empty = data.features.filter((f) => !features.includes(f));
  if (empty.length > 0) {
    log(`left out ${empty.map((f) => `'${f}'`).join(", ")}: null in every training row (an empty column; data.features lists the features when you want to choose them)`);
  }
  const x = applyPreprocessing(spec, table2);
  const labels = encodeLabels(spec, table2);
  const width = spec.outputs.length;
  const gather = (rows) => {
    const keep = rows.filter((i) => labels.valid[i] === 1);
    const gx = new Float32Array(keep.length * width);
    const gy = new Float32Array(keep.length);
    keep.forEach((i, r) => {
      gx.set(x.subarray(i * width, (i + 1) * width), r * width);
      gy[r] = labels.y[i];
    });
    return { x: gx, y: gy, n: keep.length };
  };
  const trainSet = gather(trainRows);
  const valSet = gather(valRows);
  const unseen = unseenClassRows(spec, table2, valRows, labels.valid);
  const droppedNullLabel = table2.length - trainSet.n - valSet.n - unseen.rows.length;
  const preprocessMs = performance.now() - t1;
  const { tf } = backend;
  log(`training ${config.model.type} for ${spec.label.task} on ${trainSet.n} rows \xD7 ${width} inputs (validation ${valSet.n + unseen.rows.length}${droppedNullLabel > 0 ? `; ${droppedNullLabel} ${droppedNullLabel === 1 ? "row" : "rows"} without a label left out` : ""})`);
  if (unseen.rows.length > 0) {
    const n = unseen.rows.length;
    log(`${n} validation ${n === 1 ? "row is" : "rows are"} of ${unseen.classes.length === 1 ? "a class" : "classes"} no training row has (${unseen.classes.map((c) => `'${c}'`).join(", ")}): the model cannot predict ${unseen.classes.length === 1 ? "it" : "them"}, so the validation metrics count ${n === 1 ? "it as a wrong prediction" : "them as wrong predictions"} (the per-epoch val_* figures leave ${n === 1 ? "it" : "them"} out)`);
  }
  const batchSize = resolveBatchSize(config.train.batchSize, trainSet.n);
  const trainSettings = { ...config.train, batchSize };
  if (config.train.batchSize === "auto") log(`batch size ${batchSize} (train.batchSize auto, for ${trainSet.n} training rows)`);
  else if (trainSet.n < batchSize) log(`train.batchSize ${batchSize} exceeds the ${trainSet.n} training rows: each epoch is one batch of ${trainSet.n} rows, one gradient step (set a smaller train.batchSize, or auto, for more steps)`);
  const counts = spec.label.task === "regression" ? /* @__PURE__ */ new Map() : classCounts(spec.label, trainSet.y);
  const rare = config.train.classWeight === "none" ? rareClass(counts) : null;
  if (rare) log(`'${rare.name}' is ${(100 * rare.share).toFixed(1)}% of the training rows: accuracy can look high while the model ignores it (set train.classWeight: balanced, and gate on balanced_accuracy or its recall with evaluate.positiveClass)`);
  const classWeights = atConfigLine(config, () => resolveClassWeights(config.train.classWeight, spec.label, counts, config.configPath ?? void 0));
  if (classWeights) log(`class weights (train.classWeight ${typeof config.train.classWeight === "string" ? config.train.classWeight : "mapping"}): ${spec.label.classes.map((c, i) => `${c} ${Number(classWeights[i].toPrecision(4))}`).join(", ")}`);
  const model = buildModel(tf, { task: spec.label.task, inputs: width, classes: spec.label.classes.length }, config.model, config.train, classWeights);
  let fit;
  let weights;
  let metrics = {};
  const staging = await makeStaging(out, options.outSetting);
  let saveMs = 0;
  let profileMs = 0;
  try {
    const oneHotTargets = classWeights && spec.label.task === "multiclass" ? spec.label.classes.length : 0;
    fit = await fitModel(tf, model, { ...trainSet, width, validation: valSet }, spec.label.task, trainSettings, options.onEpoch, spec.label.std ?? 1, oneHotTargets);
    if (fit.divergedAt !== null) {
      const loss = fit.history[fit.history.length - 1].loss;
      throw new InputError(
        `training diverged: the loss of epoch ${fit.divergedAt} is ${Number.isNaN(loss) ? "not a number (NaN)" : "infinite"}, so the weights overflowed and no model was written: lower train.learningRate (${config.train.learningRate}), or look for extreme values in the features`,
        configLocation(config, "train.learningRate")
      );
    }
    if (valSet.n + unseen.rows.length > 0) {
      const scored = unseen.rows.length > 0 ? withUnseenRows(valSet, unseen, x, width) : valSet;
      const raw = tf.tidy(() => model.predict(tf.tensor2d(scored.x, [scored.n, width])).dataSync());
      const prediction = widenPrediction(toPrediction(spec, Float64Array.from(raw), scored.n), spec.label.classes.length, unseen.classes.length);
      const truth = spec.label.task === "regression" ? Array.from(scored.y, (v) => v * spec.label.std + spec.label.mean) : scored.y;
      metrics = validationMetrics(prediction, truth, [...spec.label.classes, ...unseen.classes]);
    }
    const t2 = performance.now();
    weights = await saveLayersModel(tf, model, staging);
    await savePreprocessing(staging, spec);
    saveMs = performance.now() - t2;
    const t3 = performance.now();
    await writeProfile(join(staging, MODEL_FILES.profile), await trainingProfile(data.files, data.readOptions));
    profileMs = performance.now() - t3;
    const common = await commonRecordParts(config, cwd, data.files);
    const run = {
      format: RUN_FORMAT,
      version: 1,
      name: config.name,
      trainer: "tfjs",
      task: spec.label.task,
      label: spec.label.name,
      classes: spec.label.classes,
      features,
      params: {
        model: config.model,
        train: { ...trainSettings, backend: options.backend ?? config.train.backend },
        inputs: width,
        ...classWeights ? { classWeights: Object.fromEntries(spec.label.classes.map((c, i) => [c, classWeights[i]])) } : {}
      },
      history: fit.history,
      metrics,
      epochsRun: fit.epochsRun,
      bestEpoch: fit.bestEpoch,
      stoppedEarly: fit.stoppedEarly,
      backend: {
        name: backend.backend,
        package: backend.package,
        device: backend.device,
        gpu: backend.gpu,
        ...backend.features ? { features: backend.features } : {},
        skipped: backend.skipped
      },
      durations: {
        totalMs: Math.round(performance.now() - t0),
        readMs: Math.round(readMs),
        preprocessMs: Math.round(preprocessMs),
        fitMs: fit.fitMs,
        saveMs: Math.round(saveMs),
        profileMs: Math.round(profileMs)
      },
      samplesPerSecond: fit.samplesPerSecond,
      rows: {
        read: table2.length,
        train: trainSet.n,
        validation: valSet.n + unseen.rows.length,
        droppedNullLabel,
        ...unseen.rows.length > 0 ? { unseenClass: unseen.rows.length } : {}
      },
      ...common,
      weights: { sha256: createHash("sha256").update(weights).digest("hex"), bytes: weights.byteLength },
      command: null,
      exitCode: 0,
      packages: packages(backend),
      startedAt: started.toISOString(),
      finishedAt: (/* @__PURE__ */ new Date()).toISOString()
    };
    await writeJsonAtomic(join(staging, MODEL_FILES.run), run);
    await publish(staging, out, protectedPaths(config, cwd), options.outSetting);
    return { modelDir: out, run, exitCode: 0, backend };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    model.dispose();
  }
}
function unseenClassRows(spec, table2, valRows, valid) {
  if (spec.label.task === "regression") return { rows: [], classes: [], truth: [] };
  const texts = labelTexts(spec, table2);
  const rows = Array.from(valRows).filter((i) => valid[i] === 0 && texts[i] !== null);
  const classes = sortClasses([...new Set(rows.map((i) => texts[i]))]);
  const k = spec.label.classes.length;
  return { rows, classes, truth: rows.map((i) => k + classes.indexOf(texts[i])) };
}
function withUnseenRows(valSet, unseen, x, width) {
  const n = valSet.n + unseen.rows.length;
  const gx = new Float32Array(n * width);
  const gy = new Float32Array(n);
  gx.set(valSet.x);
  gy.set(valSet.y);
  unseen.rows.forEach((i, r) => {
    gx.set(x.subarray(i * width, (i + 1) * width), (valSet.n + r) * width);
    gy[valSet.n + r] = unseen.truth[r];
  });
  return { x: gx, y: gy, n };
}
function widenPrediction(prediction, k, extra) {
  if (extra === 0 || !prediction.probabilities) return prediction;
  const p = prediction.probabilities;
  const n = p.length / k;
  const wide = new Float64Array(n * (k + extra));
  for (let i = 0; i < n; i++) wide.set(p.subarray(i * k, (i + 1) * k), i * (k + extra));
  return { ...prediction, probabilities: wide };
}
var NON_FINITE = { "\0NaN": Number.NaN, "\0Infinity": Infinity, "\0-Infinity": -Infinity };
function parseJsonAllowingNaN(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    let marked = "";
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        marked += c;
        if (c === "\\") marked += text[++i] ?? "";
        else if (c === '"') inString = false;
        continue;
      }
      const token = ["NaN", "Infinity", "-Infinity"].find((t) => text.startsWith(t, i));
      if (token) {
        marked += `"\\u0000${token}"`;
        i += token.length - 1;
        continue;
      }
      if (c === '"') inString = true;
      marked += c;
    }
    if (marked === text) throw error;
    try {
      return JSON.parse(marked, (_, v) => typeof v === "string" && Object.hasOwn(NON_FINITE, v) ? NON_FINITE[v] : v);
    } catch {
      throw error;
    }
  }
}
function parseMetrics(text, file, log) {
  let value;
  try {
    value = parseJsonAllowingNaN(text);
  } catch (error) {
    throw new InputError(`metrics.json is not valid JSON (${error.message})`, { file });
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new InputError("metrics.json must hold a JSON object of metric values", { file });
  const flat = value;
  if (!Object.values(flat.metrics && typeof flat.metrics === "object" ? flat.metrics : flat).some((v) => Number.isFinite(v))) {
    throw new InputError('metrics.json holds no numeric metric (expected e.g. { "accuracy": 0.93 } or { "metrics": { ... } })', { file });
  }
  const obj = value;
  const source = obj.metrics && typeof obj.metrics === "object" ? obj.metrics : obj;
  const metrics = {};
  const nonFinite = [];
  for (const [k, v] of Object.entries(source)) {
    if (typeof v === "number" && Number.isFinite(v)) metrics[k] = v;
    else if (typeof v === "number") nonFinite.push(`${k} (${v})`);
  }
  if (nonFinite.length > 0) {
    const names = nonFinite.length === 1 ? nonFinite[0] : `${nonFinite.slice(0, -1).join(", ")} and ${nonFinite.at(-1)}`;
    log(`metrics.json: ${names} ${nonFinite.length === 1 ? "is not a finite number" : "are not finite numbers"}: left out`);
  }
  const history = Array.isArray(obj.history) ? externalHistory(obj.history) : [];
  const device = typeof obj.device === "string" && obj.device.trim() ? obj.device.trim().slice(0, 200) : null;
  return { metrics, history, device };
}
function externalHistory(entries) {
  const history = [];
  entries.forEach((entry2, index) => {
    if (entry2 === null || typeof entry2 !== "object" || Array.isArray(entry2)) return;
    const record = {};
    for (const [key, value] of Object.entries(entry2)) if (typeof value === "number" && Number.isFinite(value)) record[key] = value;
    record.epoch ??= index + 1;
    history.push(record);
  });
  return history;
}
function externalParams(config) {
  const { command, predictCommand, seed, epochs, batchSize, learningRate, classWeight } = config.train;
  return { command, predictCommand, seed, epochs, batchSize: resolveBatchSize(batchSize), learningRate, classWeight };
}
function externalFailure(result) {
  if (result.interrupted) return `stopped by ${result.signal}: the external trainer was stopped with it (exit status ${result.exitCode})`;
  if (!result.signal) return `the external trainer exited with status ${result.exitCode}`;
  const oom = result.signal === "SIGKILL" ? "; the out-of-memory killer sends SIGKILL, so check the memory the trainer used" : "";
  return `the external trainer was killed by ${result.signal} (exit status ${result.exitCode}${oom})`;
}
function isAcceleratorDevice(device) {
  return device !== null && /\b(cuda|gpu|mps|rocm|hip|xla|tpu)\b/i.test(device.replace(/[:_\d]+/g, " "));
}
var MAX_LINE = 64 * 1024;
function lineSplitter(log) {
  let pending = "";
  let afterCR = false;
  let ended = false;
  return {
    push(chunk) {
      let text = chunk;
      if (afterCR && text.startsWith("\n")) text = text.slice(1);
      afterCR = text.endsWith("\r");
      pending += text;
      const parts = pending.split(/\r\n|\r|\n/);
      pending = parts.pop();
      if (parts.length > 0) log(parts.join("\n"));
      while (pending.length > MAX_LINE) {
        log(pending.slice(0, MAX_LINE));
        pending = pending.slice(MAX_LINE);
      }
    },
    end() {
      if (!ended && pending) log(pending);
      ended = true;
      pending = "";
    }
  };
}
var FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
var TRAINER_OUTPUT_GRACE_MS = 500;
async function runExternalTrainer(config, out, options) {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? (() => {
  });
  const stdoutLines = options.commandOutput ? null : lineSplitter(log);
  const stderrLines = options.commandOutput ? null : lineSplitter(log);
  let openLine = false;
  const raw = (chunk) => {
    if (chunk === "") return;
    openLine = !chunk.endsWith("\n");
    options.commandOutput(chunk);
  };
  const started = /* @__PURE__ */ new Date();
  const t0 = performance.now();
  const found = await trainingFiles(config);
  const trainFiles = found.files;
  const overlap = testOverlapMessage(found, config);
  if (overlap) log(overlap);
  const testFiles = config.data.test ? await expandConfigured(config.data.test, "data.test", config) : [];
  const schema = await loadConfiguredSchema(config);
  const label = configuredLabel(config, schema) ?? "";
  if (label) checkLabelNotFeature(config, label);
  const header = (await openTable(trainFiles[0], schema ? dataReadOptions(schema) : {})).fieldNames;
  const features = resolveFeatures(config, schema, label, header);
  if (label) checkLabelPresent(config, schema, label, header, trainFiles[0]);
  checkFeaturesPresent(config, features, header, trainFiles[0]);
  const staging = await makeStaging(out, options.outSetting);
  const given = externalParams(config);
  const env = {};
  for (const [k, v] of Object.entries(options.env ?? process.env)) if (v !== void 0) env[k] = v;
  Object.assign(env, {
    MLOPS_TRAIN_DATA: trainFiles[0],
    MLOPS_TRAIN_FILES: JSON.stringify(trainFiles),
    MLOPS_TEST_DATA: testFiles[0] ?? "",
    MLOPS_SCHEMA: config.data.schema ?? "",
    MLOPS_LABEL: label,
    MLOPS_FEATURES: JSON.stringify(features),
    MLOPS_OUTPUT_DIR: staging,
    MLOPS_CONFIG: config.configPath ?? "",
    MLOPS_SEED: String(given.seed),
    MLOPS_EPOCHS: String(given.epochs),
    MLOPS_BATCH_SIZE: String(given.batchSize),
    MLOPS_LEARNING_RATE: String(given.learningRate),
    // JSON: "none", "balanced" or {"class": weight} — what scikit-learn's class_weight takes.
    MLOPS_CLASS_WEIGHT: JSON.stringify(given.classWeight)
  });
  log(`running external trainer: ${config.train.command}`);
  let interrupted = null;
  const ended = await new Promise((resolveEnded, fail) => {
    const child = spawn(config.train.command, {
      shell: true,
      cwd: config.configDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: process.platform !== "win32"
    });
    const forward = (signal2) => {
      const sent = interrupted === null ? signal2 : "SIGKILL";
      interrupted ??= signal2;
      try {
        process.kill(-child.pid, sent);
      } catch {
        child.kill(sent);
      }
    };
    for (const s of FORWARDED_SIGNALS) process.on(s, forward);
    const done = (result) => {
      for (const s of FORWARDED_SIGNALS) process.off(s, forward);
      stdoutLines?.end();
      stderrLines?.end();
      if (openLine) raw("\n");
      resolveEnded(result);
    };
    child.stdout.setEncoding("utf8").on("data", stdoutLines?.push ?? raw);
    child.stderr.setEncoding("utf8").on("data", stderrLines?.push ?? raw);
    child.on("error", (error) => {
      for (const s of FORWARDED_SIGNALS) process.off(s, forward);
      fail(error);
    });
    let grace;
    child.on("close", (code, signal2) => {
      clearTimeout(grace);
      done({ code, signal: signal2 });
    });
    child.on("exit", (code, signal2) => {
      grace = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        done({ code, signal: signal2 });
      }, TRAINER_OUTPUT_GRACE_MS).unref();
    });
  });
  const signal = interrupted ?? ended.signal;
  const exitCode = interrupted ? 128 + (osConstants.signals[interrupted] ?? 15) : ended.code ?? (ended.signal ? 128 + (osConstants.signals[ended.signal] ?? 15) : 1);
  const fitMs = performance.now() - t0;
  try {
    if (exitCode !== 0) {
      await rm(staging, { recursive: true, force: true });
      const run2 = { format: RUN_FORMAT, command: config.train.command, exitCode };
      return { modelDir: out, run: run2, exitCode, backend: null, ...signal ? { signal } : {}, ...interrupted ? { interrupted: true } : {} };
    }
    const metricsFile = join(staging, MODEL_FILES.metrics);
    let text;
    try {
      text = await readFile(metricsFile, "utf8");
    } catch {
      throw new InputError(
        `the external trainer exited 0 but wrote no ${MODEL_FILES.metrics} in MLOPS_OUTPUT_DIR (command: ${config.train.command})`,
        { file: join(out, MODEL_FILES.metrics), key: "train.command" }
      );
    }
    const { metrics, history, device } = parseMetrics(text, join(out, MODEL_FILES.metrics), log);
    const produced = (await readdir(staging)).filter((f) => f !== MODEL_FILES.metrics).sort();
    if (produced.length === 0) {
      throw new InputError("the external trainer wrote metrics.json but no model file or directory in MLOPS_OUTPUT_DIR", { file: out, key: "train.command" });
    }
    const t3 = performance.now();
    const readOptions = schema ? dataReadOptions(schema) : {};
    const profile = await trainingProfile(trainFiles, readOptions);
    await writeProfile(join(staging, MODEL_FILES.profile), profile);
    const profileMs = performance.now() - t3;
    const entries = [];
    for (const path of await listModelFiles(staging)) {
      if (path !== MODEL_FILES.metrics && path !== MODEL_FILES.profile) entries.push({ path, ...await sha256File(join(staging, ...path.split("/"))) });
    }
    const weights = entries.length === 0 ? null : { sha256: digestFileList(entries), bytes: entries.reduce((sum, e) => sum + e.bytes, 0) };
    const common = await commonRecordParts(config, cwd, trainFiles);
    const run = {
      format: RUN_FORMAT,
      version: 1,
      name: config.name,
      trainer: "external",
      task: config.model.task === "auto" ? null : config.model.task,
      label: label || null,
      classes: [],
      features,
      // Only what the command was given: the model block, validationSplit, earlyStopping and
      // backend configure mlops's own trainer, and would describe a model that never ran.
      params: { train: externalParams(config), inputs: null },
      history,
      metrics,
      epochsRun: history.length,
      bestEpoch: null,
      stoppedEarly: false,
      backend: { name: "external", package: null, device: device ?? "external command", gpu: isAcceleratorDevice(device), skipped: [] },
      durations: { totalMs: Math.round(performance.now() - t0), readMs: 0, preprocessMs: 0, fitMs: Math.round(fitMs), saveMs: 0, profileMs: Math.round(profileMs) },
      samplesPerSecond: null,
      // The external trainer splits on its own; mlops knows only how many rows it was given.
      rows: { read: profile.rows, train: 0, validation: 0, droppedNullLabel: 0 },
      ...common,
      weights,
      command: config.train.command,
      predictCommand: config.train.predictCommand,
      exitCode: 0,
      packages: packages(null),
      startedAt: started.toISOString(),
      finishedAt: (/* @__PURE__ */ new Date()).toISOString()
    };
    await writeJsonAtomic(join(staging, MODEL_FILES.run), run);
    await publish(staging, out, protectedPaths(config, cwd), options.outSetting);
    return { modelDir: out, run, exitCode: 0, backend: null };
  } catch (error) {
    if (exitCode === 0 && error instanceof InputError) {
      throw new InputError(`${error.detail}; what the trainer wrote is kept, unpublished, in ${staging}`, error.location, { cause: error });
    }
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

// src/actions/train.ts
var trainInputs = {
  // Read by action.yml's setup step; declared here so a value that is no boolean ('no') fails clearly.
  "setup-node": { type: "boolean", default: true, description: "install Node.js with actions/setup-node" },
  config: { type: "path", default: "mlops.yaml", description: "the mlops.yaml to train" },
  backend: { type: "enum", values: ["auto", "tensorflow", "wasm", "cpu"], description: "TensorFlow.js backend (default: train.backend of mlops.yaml)" },
  out: { type: "path", description: "model directory (default: $RUNNER_TEMP/mlops-model/<name>)" },
  "native-dir": { type: "path", description: "directory holding node_modules/@tensorflow/tfjs-node(-gpu) (set by the YAML)" },
  // Consumed by the YAML steps; read here to validate them and to warn when the GPU was not used.
  "install-native": { type: "enum", values: ["none", "cpu", "gpu"], default: "none", description: "native package installed by the YAML" },
  "native-version": { type: "string", default: "4.22.0", pattern: /^\d+\.\d+\.\d+$/, description: "native package version" },
  upload: { type: "boolean", default: true, description: "upload the model directory as an artifact" },
  "artifact-name": { type: "string", default: "mlops-model", description: "artifact name" },
  "retention-days": { type: "integer", default: 0, min: 0, max: 90, description: "artifact retention" }
};
var CHART_POINTS = 60;
function trainingMarkdown(run, modelDir) {
  const parts = [`### Training: \`${run.name}\``, ""];
  const how = run.trainer === "external" ? `external command \`${run.command}\`` : `${run.params.model?.type ?? "model"} on **${run.backend.name}** (${run.backend.package}, ${run.backend.device})`;
  const stop = run.stoppedEarly ? `, stopped early (best epoch ${run.bestEpoch})` : "";
  parts.push(alert("NOTE", `Trained ${how}: ${run.epochsRun} epoch(s)${stop} in ${formatDuration(run.durations.totalMs)}${run.samplesPerSecond ? `, ${formatNumber(run.samplesPerSecond, 3)} samples/s` : ""}. Model directory: \`${modelDir}\`.`));
  const metrics = Object.entries(run.metrics);
  if (metrics.length > 0) {
    parts.push("", table([
      [run.trainer === "external" ? "metric (metrics.json)" : "metric (validation split)", "value"],
      ...metrics.map(([k, v]) => [k, formatNumber(v, 4)])
    ], ["l", "r"]));
  }
  const history = run.history.filter((h) => Number.isFinite(h.loss));
  if (history.length > 1) {
    const step = Math.max(1, Math.ceil(history.length / CHART_POINTS));
    const shown = history.filter((_, i) => i % step === 0 || i === history.length - 1);
    const series = [{ name: "training loss", kind: "line", values: shown.map((h) => h.loss) }];
    if (shown.every((h) => h.val_loss !== void 0)) series.push({ name: "validation loss", kind: "line", values: shown.map((h) => h.val_loss) });
    parts.push("", xyChart({ title: "Loss per epoch", xLabels: shown.map((h) => h.epoch), yLabel: "loss", series }));
    parts.push("", details("Per-epoch history", table([["epoch", "summary"], ...history.map((h) => [h.epoch, epochSummary(h)])], ["r", "l"])));
  }
  const rows = [
    ["task", run.task ?? "\u2013"],
    ["label", run.label ?? "\u2013"],
    ["classes", run.classes.join(", ") || "\u2013"],
    // An external trainer splits the rows itself: mlops knows only how many it was given.
    run.trainer === "external" ? ["rows given to the trainer", `${run.rows.read} (the trainer splits them)`] : ["rows (train / validation)", `${run.rows.train} / ${run.rows.validation}`],
    ["commit", run.git.commit ? `${run.git.commit.slice(0, 12)}${run.git.dirty ? " (dirty)" : ""}` : "\u2013"],
    ...run.data.train.map((f) => [`data ${f.path}`, `sha256 ${f.sha256.slice(0, 16)}\u2026, md5 ${f.md5}`])
  ];
  parts.push("", details("Provenance", table([["", ""], ...rows], ["l", "l"])));
  return `${parts.join("\n")}
`;
}
async function trainWithRuntime(runtime, io, opts) {
  const config = await loadConfig(opts.config);
  const result = await runtime.group(`Training ${config.name}`, () => trainModel(config, {
    ...opts.out ? { out: opts.out } : {},
    ...opts.backend ? { backend: opts.backend } : {},
    ...opts.nativeDir ? { nativeDir: opts.nativeDir } : {},
    ...opts.outSetting ? { outSetting: opts.outSetting } : {},
    ...opts.backendKey ? { backendKey: opts.backendKey } : {},
    cwd: io.cwd,
    env: io.env,
    log: (line) => runtime.info(line),
    // The repository's own trainer: its output is passed on as is, its workflow commands included.
    commandOutput: (chunk) => runtime.output(chunk),
    onEpoch: (r, total) => runtime.info(`epoch ${r.epoch}/${total}: ${epochSummary(r)}`)
  }));
  if (result.exitCode !== 0) {
    runtime.annotate(
      "error",
      `${externalFailure(result)}; no model directory was written (its output is in the log group 'Training ${config.name}')`,
      { title: "mlops train: the external trainer failed" }
    );
    return { exitCode: result.exitCode, run: result.run, modelDir: result.modelDir, ...result.signal ? { signal: result.signal } : {} };
  }
  runtime.setOutput("model-dir", result.modelDir);
  runtime.setOutput("run", resolve3(result.modelDir, "run.json"));
  runtime.setOutput("backend", result.run.backend.name);
  runtime.appendSummary(trainingMarkdown(result.run, result.modelDir));
  return { exitCode: 0, run: result.run, modelDir: result.modelDir };
}
var entry = {
  name: "train",
  async run(io) {
    const inputs = parseInputs(trainInputs, io.env);
    if (inputs.upload && /[":<>|*?\r\n\\/]/.test(inputs["artifact-name"])) {
      throw new ActionInputError(
        "artifact-name",
        inputs["artifact-name"],
        `input 'artifact-name' cannot hold " : < > | * ? \\ / or a line break (actions/upload-artifact refuses them), got ${JSON.stringify(inputs["artifact-name"])}`
      );
    }
    const runtime = createActionsRuntime(io);
    const cwd = io.env.GITHUB_WORKSPACE ?? io.cwd;
    const at = (p) => resolve3(cwd, p);
    const config = at(inputs.config);
    const out = inputs.out ? at(inputs.out) : void 0;
    const result = await trainWithRuntime(runtime, runtime.io, {
      config,
      backend: inputs.backend,
      ...out ? { out } : io.env.RUNNER_TEMP ? { out: resolve3(io.env.RUNNER_TEMP, "mlops-model", (await loadConfig(config)).name) } : {},
      ...inputs["native-dir"] ? { nativeDir: at(inputs["native-dir"]) } : {},
      // A refused output directory is named as the workflow set it.
      outSetting: { key: "out", phrase: "'out' input" },
      backendKey: "backend"
    });
    if (result.exitCode === 0 && inputs["install-native"] === "gpu" && result.run.trainer === "tfjs" && !result.run.backend.gpu) {
      runtime.annotate("warning", `install-native is gpu but training ran on ${result.run.backend.name} (${result.run.backend.device}): ${result.run.backend.skipped.join("; ") || "the GPU package did not load"}`, { title: "mlops train: GPU not used" });
    }
    runtime.finish();
    return result.exitCode;
  }
};
var train_default = entry;

export {
  epochReporter,
  trainModel,
  externalFailure,
  trainInputs,
  trainingMarkdown,
  trainWithRuntime,
  train_default
};
