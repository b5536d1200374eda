import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  normalSf,
  studentQuantileUpper
} from "./chunk-ENN463DG.mjs";
import {
  isModelRef,
  referenceStores,
  resolveModelRef
} from "./chunk-3IUHIRSR.mjs";
import {
  createOctokit,
  markStickyComment,
  resolveRunContext,
  upsertStickyComment
} from "./chunk-BIZBUEHE.mjs";
import {
  encodeLabels,
  loadModel,
  readRunRecord,
  sortClasses
} from "./chunk-TOBO2QGH.mjs";
import {
  loadBackend
} from "./chunk-VXDFF6NO.mjs";
import {
  formatDelta,
  formatDuration,
  formatInterval,
  formatNumber
} from "./chunk-FGDYCVTY.mjs";
import {
  alert,
  details,
  inlineCode,
  plainText,
  table,
  xyChart
} from "./chunk-P5IS7C6Z.mjs";
import {
  truncateMarkdown
} from "./chunk-SNU2JPT2.mjs";
import {
  parseNumberText
} from "./chunk-SXSB5XTO.mjs";
import {
  atConfigLine,
  configLocation,
  defaultConfig,
  loadConfig
} from "./chunk-D3J2R3HR.mjs";
import {
  didYouMean
} from "./chunk-6H53F6EY.mjs";
import {
  isGlob,
  readTable
} from "./chunk-VFQYOCDE.mjs";
import {
  cellText
} from "./chunk-HTMWGR7O.mjs";
import {
  exists,
  writeFileAtomic
} from "./chunk-HY2LPEBQ.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/app/evaluate.ts
import { readFile, stat } from "node:fs/promises";
import { basename, isAbsolute, join as join2, relative, resolve as resolve2, sep } from "node:path";

// src/evaluate/random.ts
function createRandom(seed) {
  let s = seed >>> 0;
  const splitmix = () => {
    s = s + 2654435769 >>> 0;
    let z = s;
    z = Math.imul(z ^ z >>> 16, 2246822507) >>> 0;
    z = Math.imul(z ^ z >>> 13, 3266489909) >>> 0;
    return (z ^ z >>> 16) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next32 = () => {
    const t = (a + b >>> 0) + d >>> 0;
    d = d + 1 >>> 0;
    a = b ^ b >>> 9;
    b = c + (c << 3) >>> 0;
    c = c << 21 | c >>> 11;
    c = c + t >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next32();
  const next = () => next32() / 4294967296;
  return { next, int: (n) => Math.floor(next() * n) };
}

// src/evaluate/bootstrap.ts
function quantileSorted(sorted, q) {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function resampleCounts(random, counts) {
  counts.fill(0);
  const n = counts.length;
  for (let i = 0; i < n; i++) counts[random.int(n)] += 1;
  return counts;
}
function expandedTail(confidence, units) {
  const alpha = (1 - confidence) / 2;
  if (units === void 0 || !(units >= 2) || !(alpha > 0 && alpha < 0.5)) return alpha;
  const nu = Math.floor(units) - 1;
  return normalSf(Math.sqrt((nu + 1) / nu) * studentQuantileUpper(alpha, nu));
}
function minPairedUnits(confidence) {
  const alpha = (1 - confidence) / 2;
  if (!(alpha > 0 && alpha < 0.5)) return 1;
  return Math.max(1, Math.ceil(Math.log2(1 / alpha) - 1e-9));
}
function percentileInterval(value, replicates, confidence, units) {
  const clean = Float64Array.from(Array.from(replicates).filter((v) => !Number.isNaN(v)));
  clean.sort();
  const alpha = expandedTail(confidence, units);
  return {
    value,
    low: quantileSorted(clean, alpha),
    high: quantileSorted(clean, 1 - alpha),
    undefinedShare: replicates.length === 0 ? 0 : 1 - clean.length / replicates.length
  };
}
function pairedBootstrap(n, candidate, baseline, names, options) {
  const random = createRandom(options.seed);
  const pointC = candidate();
  const pointB = baseline?.();
  const repC = names.map(() => new Float64Array(options.resamples));
  const repB = names.map(() => new Float64Array(options.resamples));
  const repD = names.map(() => new Float64Array(options.resamples));
  const counts = new Float64Array(n);
  for (let r = 0; r < options.resamples; r++) {
    resampleCounts(random, counts);
    const c = candidate(counts);
    const b = baseline?.(counts);
    names.forEach((name, j) => {
      repC[j][r] = c[name];
      if (b) {
        repB[j][r] = b[name];
        repD[j][r] = c[name] - b[name];
      }
    });
  }
  const pack = (point, reps) => Object.fromEntries(names.map((name, j) => [name, percentileInterval(point[name], reps[j], options.confidence, n)]));
  const result = { candidate: pack(pointC, repC), resamples: options.resamples };
  if (pointB) {
    result.baseline = pack(pointB, repB);
    const pointD = Object.fromEntries(names.map((name) => [name, pointC[name] - pointB[name]]));
    result.deltas = pack(pointD, repD);
  }
  return result;
}

// src/evaluate/metrics/definitions.ts
var C = ["binary", "multiclass"];
var B = ["binary"];
var R = ["regression"];
var ALL = ["binary", "multiclass", "regression"];
var METRICS = [
  { name: "accuracy", tasks: C, direction: "higher", description: "share of rows whose arg-max class is the true class" },
  { name: "balanced_accuracy", tasks: C, direction: "higher", description: "mean recall over the classes present in the truth" },
  { name: "precision", tasks: B, direction: "higher", description: "precision of the positive class (the second class)" },
  { name: "recall", tasks: B, direction: "higher", description: "recall of the positive class" },
  { name: "f1", tasks: B, direction: "higher", description: "F1 of the positive class" },
  { name: "precision_micro", tasks: C, direction: "higher", description: "micro-averaged precision" },
  { name: "precision_macro", tasks: C, direction: "higher", description: "macro-averaged precision" },
  { name: "precision_weighted", tasks: C, direction: "higher", description: "support-weighted precision" },
  { name: "recall_micro", tasks: C, direction: "higher", description: "micro-averaged recall" },
  { name: "recall_macro", tasks: C, direction: "higher", description: "macro-averaged recall" },
  { name: "recall_weighted", tasks: C, direction: "higher", description: "support-weighted recall" },
  { name: "f1_micro", tasks: C, direction: "higher", description: "micro-averaged F1" },
  { name: "f1_macro", tasks: C, direction: "higher", description: "macro-averaged F1" },
  { name: "f1_weighted", tasks: C, direction: "higher", description: "support-weighted F1" },
  { name: "roc_auc", tasks: C, direction: "higher", description: "ROC AUC (multiclass: one-vs-rest, macro)" },
  { name: "pr_auc", tasks: C, direction: "higher", description: "average precision (multiclass: one-vs-rest, macro)" },
  { name: "log_loss", tasks: C, direction: "lower", description: "cross-entropy of the predicted probabilities" },
  { name: "brier", tasks: C, direction: "lower", description: "Brier score (multiclass: mean sum of squares over classes)" },
  { name: "ece", tasks: C, direction: "lower", description: "expected calibration error, 10 equal-width bins on the max probability" },
  { name: "mae", tasks: R, direction: "lower", description: "mean absolute error" },
  { name: "mse", tasks: R, direction: "lower", description: "mean squared error" },
  { name: "rmse", tasks: R, direction: "lower", description: "root mean squared error" },
  { name: "r2", tasks: R, direction: "higher", description: "coefficient of determination" },
  { name: "mape", tasks: R, direction: "lower", description: "mean absolute percentage error (fraction; |y| floored at float64 epsilon)" },
  { name: "median_ae", tasks: R, direction: "lower", description: "median absolute error" },
  { name: "cost", tasks: ALL, direction: "lower", description: "expected business cost per prediction (evaluate.cost)" }
];
var BY_NAME = new Map(METRICS.map((m) => [m.name, m]));
var ALIASES = {
  average_precision: "pr_auc",
  auc: "roc_auc",
  brier_score: "brier",
  logloss: "log_loss",
  cross_entropy: "log_loss",
  median_absolute_error: "median_ae",
  mean_absolute_error: "mae",
  mean_squared_error: "mse",
  root_mean_squared_error: "rmse",
  expected_calibration_error: "ece",
  expected_cost: "cost"
};
function metricDefinition(name) {
  return BY_NAME.get(ALIASES[name] ?? name);
}
function canonicalMetricName(name) {
  return ALIASES[name] ?? name;
}
function metricsForTask(task) {
  return METRICS.filter((m) => m.tasks.includes(task) && m.name !== "cost").map((m) => m.name);
}

// src/evaluate/gates.ts
var fmt = (x) => Number.isFinite(x) ? Math.abs(x) >= 1e3 || Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(3) : x.toFixed(4).replace(/\.?0+$/, "") || "0" : String(x);
var fmtInterval = (i) => `[${fmt(i.low)}, ${fmt(i.high)}]`;
function ciLabel(confidence = 0.95) {
  return `${Number((confidence * 100).toFixed(4))}% CI`;
}
function gateName(gate) {
  if (gate.kind === "latency") {
    const size = gate.batchSize !== void 0 ? ` @${gate.batchSize}` : "";
    if (gate.maxMs !== void 0 && gate.maxRatio !== void 0) return `latency ${gate.latency}${size} \u2264 ${gate.maxMs} ms, ratio \u2264 ${gate.maxRatio}`;
    return gate.maxMs !== void 0 ? `latency ${gate.latency}${size} \u2264 ${gate.maxMs} ms` : `latency ${gate.latency}${size} ratio \u2264 ${gate.maxRatio}`;
  }
  const parts = [];
  if (gate.min !== void 0) parts.push(`\u2265 ${gate.min}`);
  if (gate.max !== void 0) parts.push(`\u2264 ${gate.max}`);
  if (gate.maxDrop !== void 0) parts.push(`drop \u2264 ${gate.maxDrop}`);
  if (gate.maxIncrease !== void 0) parts.push(`increase \u2264 ${gate.maxIncrease}`);
  return `${gate.metric}${gate.slice ? ` [${gate.slice}]` : ""} ${parts.join(", ")}`;
}
function checkGateConfig(gates, task, configFile, hasCost) {
  gates.forEach((gate, index) => {
    if (gate.kind !== "metric") return;
    const key = `evaluate.gates[${index}].metric`;
    const def = metricDefinition(gate.metric);
    if (!def) throw new InputError(`unknown metric '${gate.metric}' in a gate (known: ${knownNames(task)})`, { file: configFile, key });
    if (!def.tasks.includes(task)) throw new InputError(`metric '${gate.metric}' does not apply to a ${task} model (use one of: ${knownNames(task)})`, { file: configFile, key });
    if (def.name === "cost" && hasCost === false) throw new InputError(`metric '${gate.metric}' needs evaluate.cost (${task === "regression" ? "perUnitError" : "a cost matrix"})`, { file: configFile, key });
    if (gate.maxIncrease !== void 0 && def.direction === "higher") {
      throw new InputError(`'${def.name}' is higher-is-better: an increase is an improvement; use maxDrop`, { file: configFile, key: `evaluate.gates[${index}].maxIncrease` });
    }
  });
}
function knownNames(task) {
  return ["cost", ...task === "regression" ? ["mae", "mse", "rmse", "r2", "mape", "median_ae"] : ["accuracy", "balanced_accuracy", "f1_macro", "roc_auc", "pr_auc", "log_loss", "brier", "ece", "\u2026"]].join(", ");
}
function worsening(direction, delta) {
  return direction === "higher" ? { value: -delta.value, low: -delta.high, high: -delta.low } : delta;
}
function evaluateGates(gates, inputs) {
  const out = [];
  for (const gate of gates) {
    if (gate.kind === "latency") out.push(...latencyGate(gate, inputs));
    else out.push(...metricGate(gate, inputs));
  }
  return out;
}
function metricGate(gate, inputs) {
  const metric = canonicalMetricName(gate.metric);
  const def = metricDefinition(metric);
  const scope = gate.slice ? inputs.slices.get(gate.slice) : inputs.overall;
  const results = [];
  const base = { metric, ...gate.slice ? { slice: gate.slice } : {} };
  const where = gate.slice ? ` on slice ${gate.slice}` : "";
  const ci = ciLabel(inputs.confidence);
  const minUnits = minPairedUnits(inputs.confidence ?? 0.95);
  const push = (kind, threshold, r) => results.push({ name: gateName({ ...gate, ...onlyKind(kind, threshold) }), passed: r.status !== "failed", kind, threshold, ...base, ...r });
  const thresholds = ["min", "max", "maxDrop", "maxIncrease"].filter((k) => gate[k] !== void 0);
  for (const kind of thresholds) {
    const threshold = gate[kind];
    if (!scope) {
      push(kind, threshold, { status: "skipped", detail: `slice ${gate.slice} is not in the test data` });
      continue;
    }
    if (scope.small) {
      push(kind, threshold, { status: "skipped", detail: `slice ${gate.slice} has ${scope.n} rows < minSliceSize ${inputs.minSliceSize}: shown, never gated` });
      continue;
    }
    const c = scope.candidate[metric];
    if (kind === "min" || kind === "max") {
      if (!c || Number.isNaN(c.value)) {
        push(kind, threshold, { status: "skipped", detail: `${metric} is undefined${where} (e.g. one class only)` });
        continue;
      }
      const why = scope.undefinedMetrics?.[metric];
      if (why !== void 0) {
        push(kind, threshold, { status: "skipped", value: c.value, detail: `${metric} is undefined${where}: ${why} (scikit-learn reports ${fmt(c.value)})` });
        continue;
      }
      const ok = kind === "min" ? c.value >= threshold : c.value <= threshold;
      const op = kind === "min" ? ok ? "\u2265" : "<" : ok ? "\u2264" : ">";
      push(kind, threshold, {
        status: ok ? "passed" : "failed",
        value: c.value,
        interval: { low: c.low, high: c.high },
        detail: `${metric}${where} = ${fmt(c.value)} (${ci} ${fmtInterval(c)}) ${op} ${kind} ${threshold}`
      });
      continue;
    }
    if (!inputs.hasBaseline || !scope.deltas) {
      push(kind, threshold, { status: "skipped", detail: "no baseline: relative gates are skipped" });
      continue;
    }
    const d = scope.deltas[metric];
    if (!d || Number.isNaN(d.value) || Number.isNaN(d.low)) {
      push(kind, threshold, { status: "skipped", detail: `\u0394${metric}${where} is undefined` });
      continue;
    }
    const worse = worsening(def.direction, d);
    const word = kind === "maxDrop" ? "drop" : "increase";
    if (scope.n < minUnits) {
      const beyond = worse.value > threshold;
      push(kind, threshold, {
        status: "skipped",
        value: d.value,
        interval: { low: d.low, high: d.high },
        ...beyond ? { inconclusive: true } : {},
        detail: `${metric}${where} ${beyond ? `${word} ${fmt(worse.value)} exceeds ${threshold}, but` : `\u0394 ${fmt(d.value)}:`} ${scope.n} row${scope.n === 1 ? " is" : "s are"} too few to judge a difference at ${ci} (at least ${minUnits} needed): not judged`
      });
      continue;
    }
    const failed = worse.low > threshold;
    const inconclusive = !failed && worse.value > threshold;
    const detail = failed ? `${metric}${where} is worse by ${fmt(worse.value)} (${ci} of the ${word} ${fmtInterval(worse)}): confidently more than ${kind} ${threshold}` : inconclusive ? `${metric}${where} ${word} ${fmt(worse.value)} exceeds ${threshold}, but the ${ci} ${fmtInterval(worse)} reaches below it: inconclusive, not failed` : `${metric}${where} \u0394 ${fmt(d.value)} (${ci} ${fmtInterval(d)}); ${word} \u2264 ${threshold} is plausible`;
    push(kind, threshold, { status: failed ? "failed" : "passed", value: d.value, interval: { low: d.low, high: d.high }, detail, ...inconclusive ? { inconclusive } : {} });
  }
  return results;
}
function onlyKind(kind, threshold) {
  return { min: void 0, max: void 0, maxDrop: void 0, maxIncrease: void 0, [kind]: threshold };
}
function latencyGate(gate, inputs) {
  const results = [];
  const p = gate.latency;
  const lat = inputs.latency;
  const size = lat ? gate.batchSize !== void 0 ? lat.sizes.find((s) => s.batchSize === gate.batchSize) : lat.sizes[0] : void 0;
  const batchSize = size?.batchSize ?? gate.batchSize;
  const common = { latency: p, ...batchSize !== void 0 ? { batchSize } : {} };
  const ci = ciLabel(inputs.confidence);
  const nameOf = (kind, t) => gateName({ ...gate, maxMs: kind === "maxMs" ? t : void 0, maxRatio: kind === "maxRatio" ? t : void 0, batchSize });
  if (gate.maxMs !== void 0) {
    const t = gate.maxMs;
    if (!size) {
      results.push({ name: nameOf("maxMs", t), passed: true, status: "skipped", kind: "maxMs", threshold: t, ...common, detail: lat ? `batch size ${gate.batchSize} was not benchmarked` : "latency was not measured" });
    } else {
      const v = size.candidate[p];
      const ok = v <= t;
      results.push({
        name: nameOf("maxMs", t),
        passed: ok,
        status: ok ? "passed" : "failed",
        kind: "maxMs",
        threshold: t,
        value: v,
        ...common,
        detail: `candidate ${p} = ${fmt(v)} ms at ${size.rowsPerCall} row(s)/call over ${size.candidate.calls} calls ${ok ? "\u2264" : ">"} ${t} ms`
      });
    }
  }
  if (gate.maxRatio !== void 0) {
    const t = gate.maxRatio;
    if (!size) {
      results.push({ name: nameOf("maxRatio", t), passed: true, status: "skipped", kind: "maxRatio", threshold: t, ...common, detail: lat ? `batch size ${gate.batchSize} was not benchmarked` : "latency was not measured" });
    } else if (!size.ratio) {
      results.push({ name: nameOf("maxRatio", t), passed: true, status: "skipped", kind: "maxRatio", threshold: t, ...common, detail: "no baseline: the latency ratio gate is skipped" });
    } else if (!Number.isFinite(size.ratio[p].value)) {
      results.push({
        name: nameOf("maxRatio", t),
        passed: true,
        status: "skipped",
        kind: "maxRatio",
        threshold: t,
        ...common,
        inconclusive: true,
        detail: `candidate/baseline ${p} is undefined (the baseline's ${p} is ${fmt(size.baseline?.[p] ?? 0)} ms: the clock did not resolve its calls): not judged`
      });
    } else if (lat.rounds < minPairedUnits(inputs.confidence ?? 0.95)) {
      const r = size.ratio[p];
      const beyond = r.value > t;
      results.push({
        name: nameOf("maxRatio", t),
        passed: true,
        status: "skipped",
        kind: "maxRatio",
        threshold: t,
        value: r.value,
        interval: { low: r.low, high: r.high },
        ...common,
        ...beyond ? { inconclusive: true } : {},
        detail: `candidate/baseline ${p} = ${fmt(r.value)}\xD7${beyond ? ` exceeds ${t}\xD7, but` : ":"} ${lat.rounds} rounds are too few to judge a ratio at ${ci} (at least ${minPairedUnits(inputs.confidence ?? 0.95)} needed): not judged`
      });
    } else {
      const r = size.ratio[p];
      const failed = r.low > t;
      const inconclusive = !failed && r.value > t;
      results.push({
        name: nameOf("maxRatio", t),
        passed: !failed,
        status: failed ? "failed" : "passed",
        kind: "maxRatio",
        threshold: t,
        value: r.value,
        interval: { low: r.low, high: r.high },
        ...common,
        ...inconclusive ? { inconclusive } : {},
        detail: failed ? `candidate/baseline ${p} = ${fmt(r.value)}\xD7 (${ci} ${fmtInterval(r)}): confidently slower than ${t}\xD7` : inconclusive ? `candidate/baseline ${p} = ${fmt(r.value)}\xD7 exceeds ${t}\xD7 but the ${ci} ${fmtInterval(r)} reaches below it: inconclusive, not failed` : `candidate/baseline ${p} = ${fmt(r.value)}\xD7 (${ci} ${fmtInterval(r)}) within ${t}\xD7`
      });
    }
  }
  return results;
}

// src/evaluate/report.ts
var COMMENT_LIMIT = 65536;
var MARKER_HEADROOM = 200;
var num = (x) => x === void 0 || x === null ? "\u2014" : formatNumber(x, 4);
var short = (sha) => sha ? sha.slice(0, 7) : void 0;
function modelLabel(info) {
  if (!info) return "\u2014";
  if (info.ref) return inlineCode(info.ref);
  if (info.name && info.version) return inlineCode(`${info.name}@${info.version}`);
  return inlineCode(info.dir);
}
function gateCell(metric, gates) {
  const mine = gates.filter((g) => g.metric === metric && !g.slice);
  if (mine.length === 0) return "";
  if (mine.some((g) => g.status === "failed")) return "\u274C fail";
  if (mine.some((g) => g.inconclusive)) return "\u26A0\uFE0F inconclusive";
  if (mine.every((g) => g.status === "skipped")) return "\u23ED skipped";
  return "\u2705 pass";
}
function gateText(text) {
  return text.replace(/<(?=[A-Za-z/!?])|&(?=[#A-Za-z])|[`*~\\]|\](?=[([:])|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|@/gu, (c) => c === "@" ? "@\u2060" : `&#${c.charCodeAt(0)};`);
}
function verdict(report) {
  const failed = report.gates.filter((g) => g.status === "failed");
  const skipped = report.gates.filter((g) => g.status === "skipped");
  const inconclusive = report.gates.filter((g) => g.inconclusive);
  const vs = report.baseline ? `against baseline ${modelLabel(report.baseline.model)}` : `with no baseline (${report.noBaseline !== void 0 ? plainText(report.noBaseline) : "first model"}: baseline-relative gates are skipped)`;
  const lines = [];
  if (failed.length > 0) {
    lines.push(`**${failed.length} of ${report.gates.length} gate${report.gates.length === 1 ? "" : "s"} failed** \u2014 candidate evaluated ${vs}.`, "");
    for (const g of failed.slice(0, 10)) lines.push(`- **${gateText(g.name)}**: ${gateText(g.detail)}`);
    return alert("CAUTION", lines.join("\n"));
  }
  if (report.gates.length === 0) lines.push(`**No gates configured** \u2014 candidate evaluated ${vs}.`);
  else if (skipped.length === report.gates.length) lines.push(`**No gate could be judged** (${skipped.length} skipped) \u2014 candidate evaluated ${vs}.`);
  else lines.push(`**All ${report.gates.length - skipped.length} gate${report.gates.length - skipped.length === 1 ? "" : "s"} passed**${skipped.length ? ` (${skipped.length} skipped)` : ""} \u2014 candidate evaluated ${vs}.`);
  const same = sameWeights(report);
  if (same) lines.push("", `The candidate's weights are byte-identical to the baseline's (sha256 ${inlineCode(same.slice(0, 12))}): the metric deltas are zero by construction, and a latency difference is measurement noise.`);
  if (inconclusive.length > 0) {
    lines.push("", "Inconclusive (point estimate beyond the threshold, but the interval reaches back or the rows are too few to judge \u2014 not a failure):");
    for (const g of inconclusive.slice(0, 10)) lines.push(`- ${gateText(g.name)}: ${gateText(g.detail)}`);
    return alert("WARNING", lines.join("\n"));
  }
  return alert(report.gates.length === 0 || !report.baseline ? "NOTE" : "TIP", lines.join("\n"));
}
function sameWeights(report) {
  const a = report.candidate.model.weightsSha256;
  if (a === void 0 || a !== report.baseline?.model.weightsSha256) return null;
  return Object.values(report.deltas).every((d) => d.value === 0 || Number.isNaN(d.value)) ? a : null;
}
function metricsTable(report) {
  const hasBase = Boolean(report.baseline);
  const ci = ciLabel(report.bootstrap.confidence);
  const header = hasBase ? ["Metric", "Baseline", "Candidate", "\u0394", `${ci} of \u0394`, "Gate"] : ["Metric", "Candidate", ci, "Gate"];
  const rows = [header];
  for (const name of report.shownMetrics) {
    const def = metricDefinition(name);
    const arrow = def?.direction === "lower" ? " \u2193" : " \u2191";
    const c = report.candidate.intervals[name];
    if (hasBase) {
      const b = report.baseline.intervals[name];
      const d = report.deltas[name];
      const mark = d && d.improved !== null && d.low !== void 0 && (d.low > 0 || d.high < 0) ? d.improved ? " \u{1F7E2}" : " \u{1F534}" : "";
      rows.push([`${name}${arrow}`, num(b?.value), num(c?.value), d ? `${formatDelta(d.value, 3)}${mark}` : "\u2014", d ? formatInterval(d.low, d.high) : "\u2014", gateCell(name, report.gates)]);
    } else {
      rows.push([`${name}${arrow}`, num(c?.value), c ? formatInterval(c.low, c.high) : "\u2014", gateCell(name, report.gates)]);
    }
  }
  return `${table(rows, hasBase ? ["l", "r", "r", "r", "r", "l"] : ["l", "r", "r", "l"])}${positiveClassNote(report)}`;
}
var POSITIVE_CLASS_METRICS = /* @__PURE__ */ new Set(["precision", "recall", "f1", "pr_auc"]);
function positiveClassNote(report) {
  if (report.task !== "binary" || !report.classes || report.classes.length - (report.unseenClasses?.length ?? 0) !== 2) return "";
  if (!report.shownMetrics.some((m) => POSITIVE_CLASS_METRICS.has(m))) return "";
  return `
<sub>precision, recall, f1 and pr_auc are about the positive class ${inlineCode(report.classes[1])} (evaluate.positiveClass).</sub>
`;
}
function sloCell(report, p, batchSize, first) {
  const gates = report.gates.filter((g) => g.latency === p && (g.batchSize === batchSize || g.batchSize === void 0 && first));
  return gates.map((g) => `${g.status === "failed" ? "\u274C" : g.status === "skipped" ? "\u23ED" : g.inconclusive ? "\u26A0\uFE0F" : "\u2705"} ${g.kind === "maxMs" ? `\u2264 ${g.threshold} ms` : `ratio \u2264 ${g.threshold}`}`).join("<br>");
}
function latencySection(report) {
  const lat = report.latency;
  if (!lat) return "_Latency not measured (`--no-latency`)._\n";
  const parts = [];
  const hasBase = Boolean(lat.baseline);
  for (const [index, size] of lat.bySize.entries()) {
    const rows = [hasBase ? ["", "Baseline", "Candidate", `Ratio [${ciLabel(report.bootstrap.confidence)}]`, "SLO"] : ["", "Candidate", "SLO"]];
    for (const p of ["p50", "p95", "p99"]) {
      const r = size.ratio?.[p];
      rows.push(hasBase ? [p, formatDuration(size.baseline[p]), formatDuration(size.candidate[p]), r ? `${formatNumber(r.value, 3)}\xD7 ${formatInterval(r.low, r.high)}` : "\u2014", sloCell(report, p, size.batchSize, index === 0)] : [p, formatDuration(size.candidate[p]), sloCell(report, p, size.batchSize, index === 0)]);
    }
    const t = size.ratio?.throughput;
    rows.push(hasBase ? ["throughput", `${formatNumber(size.baseline.throughput, 3)} rows/s`, `${formatNumber(size.candidate.throughput, 3)} rows/s`, t ? `${formatNumber(t.value, 3)}\xD7 ${formatInterval(t.low, t.high)}` : "\u2014", ""] : ["throughput", `${formatNumber(size.candidate.throughput, 3)} rows/s`, ""]);
    const clamp = size.rowsPerCall !== size.batchSize ? ` (clamped to the ${size.rowsPerCall} test rows)` : "";
    parts.push(`**Batch size ${size.batchSize}**${clamp} \u2014 ${size.candidate.calls} timed calls per model

${table(rows, hasBase ? ["l", "r", "r", "r", "l"] : ["l", "r", "l"])}`);
  }
  const clock = lat.clock === "cpu" ? "Times are CPU time of the process per call (`--latency-clock cpu`; wall-clock figures are in the JSON)." : "Times are wall-clock per call.";
  parts.push(`<sub>${clock} Both models in one process, ${lat.warmup} warm-up calls, ${lat.rounds} rounds \xD7 ${lat.samplesPerRound} calls interleaved A/B on the same rows (first mover alternating by round); preprocessing included. Ratio = candidate / baseline; interval: bootstrap over rounds.</sub>
`);
  return parts.join("\n");
}
function chart(report) {
  const lat = report.latency;
  if (lat && lat.baseline) {
    const size = lat.bySize[0];
    return xyChart({
      title: `Latency per call at batch size ${size.batchSize} (ms)`,
      xLabels: ["p50", "p95", "p99"],
      yLabel: "ms",
      series: [
        { name: "baseline", kind: "bar", values: [size.baseline.p50, size.baseline.p95, size.baseline.p99] },
        { name: "candidate", kind: "line", values: [size.candidate.p50, size.candidate.p95, size.candidate.p99] }
      ]
    });
  }
  const bounded = report.shownMetrics.filter((m) => ["accuracy", "balanced_accuracy", "precision", "recall", "f1", "f1_macro", "f1_weighted", "precision_macro", "recall_macro", "roc_auc", "pr_auc", "r2"].includes(m));
  if (bounded.length === 0) return "";
  const series = [{ name: "candidate", kind: "bar", values: bounded.map((m) => report.candidate.metrics[m]) }];
  if (report.baseline) series.unshift({ name: "baseline", kind: "bar", values: bounded.map((m) => report.baseline.metrics[m]) });
  return xyChart({ title: "Metrics", xLabels: bounded, yRange: [0, 1], series });
}
function slicesSection(report, maxRows) {
  if (report.slices.length === 0) return "";
  const gateMetric = report.gates.find((g) => g.metric && g.slice)?.metric;
  const metrics = [...new Set([gateMetric, ...report.shownMetrics].filter((m) => Boolean(m)))].slice(0, 2);
  const hasBase = Boolean(report.baseline);
  const ci = ciLabel(report.bootstrap.confidence);
  const columns = [...new Set(report.slices.map((s) => s.column))];
  const parts = [];
  for (const column of columns) {
    const slices = report.slices.filter((s) => s.column === column);
    const header = ["Value", "n"];
    for (const m of metrics) header.push(...hasBase ? [`${m} baseline`, `${m} candidate`, `\u0394 [${ci}]`] : [`${m}`, ci]);
    const rows = [header];
    for (const s of slices.slice(0, maxRows)) {
      const row = [plainText(s.value), s.small ? `${s.n} \u26A0\uFE0F small` : String(s.n)];
      for (const m of metrics) {
        const c = s.candidate[m];
        if (hasBase) {
          const d = s.deltas?.[m];
          row.push(num(s.baseline?.[m]?.value), num(c?.value), d ? `${formatDelta(d.value)}${s.small ? "" : ` ${formatInterval(d.low, d.high)}`}` : "\u2014");
        } else {
          row.push(num(c?.value), s.small ? "\u2014" : formatInterval(c.low, c.high));
        }
      }
      rows.push(row);
    }
    const more = slices.length > maxRows ? `
_${slices.length - maxRows} more values of ${inlineCode(column)} in the JSON output._
` : "";
    parts.push(`**${plainText(column)}**

${table(rows)}${more}`);
  }
  const small = report.slices.filter((s) => s.small).length;
  parts.push(`<sub>\u26A0\uFE0F small: fewer than ${report.minSliceSize} rows (minSliceSize) \u2014 shown, never gated, no interval.</sub>`);
  return details(`Slices (${report.slices.length} slice${report.slices.length === 1 ? "" : "s"}${small ? `, ${small} small` : ""})`, parts.join("\n"));
}
function confusionSection(report) {
  if (!report.classes || !report.candidate.confusion) return "";
  const unseen = new Set(report.unseenClasses ?? []);
  const name = (c) => unseen.has(c) ? `${plainText(c)} (unseen)` : plainText(c);
  const render = (title, m) => {
    const rows = [["true \u2193 / predicted \u2192", ...report.classes.map(name)]];
    m.forEach((row, i) => rows.push([name(report.classes[i]), ...row.map(String)]));
    return `**${title}**

${table(rows, ["l", ...report.classes.map(() => "r")])}`;
  };
  const parts = [render("Candidate", report.candidate.confusion)];
  if (unseen.size > 0) {
    parts.push(`<sub>(unseen): a class of the test data the model never saw in training. It cannot predict it, so every such row counts as a wrong prediction in every metric.</sub>
`);
  }
  if (report.baseline?.confusion) parts.push(render("Baseline", report.baseline.confusion));
  const perClass = report.candidate.perClass;
  if (perClass) {
    const rows = [["Class", "support", "precision", "recall", "F1", ...report.baseline ? ["F1 baseline"] : []]];
    for (const [cls, s] of Object.entries(perClass)) {
      rows.push([name(cls), String(s.support), num(s.precision), num(s.recall), num(s.f1), ...report.baseline ? [num(report.baseline.perClass?.[cls]?.f1)] : []]);
    }
    parts.push(`**Per class (candidate)**

${table(rows)}`);
  }
  return details("Confusion matrix and per-class scores", parts.join("\n"));
}
function calibrationSection(report) {
  const cal = report.candidate.calibration;
  if (!cal) return "";
  const base = report.baseline?.calibration;
  const rows = [["Confidence bin", "n", "mean confidence", "accuracy", ...base ? ["n (baseline)", "accuracy (baseline)"] : []]];
  cal.forEach((b, i) => {
    if (b.count === 0 && !(base && base[i].count > 0)) return;
    rows.push([`${b.low.toFixed(1)}\u2013${b.high.toFixed(1)}`, String(b.count), num(b.meanConfidence), num(b.accuracy), ...base ? [String(base[i].count), num(base[i].accuracy)] : []]);
  });
  const ece = `ECE candidate ${num(report.candidate.metrics.ece)}${report.baseline ? `, baseline ${num(report.baseline.metrics.ece)}` : ""}`;
  return details(`Calibration (${ece})`, `${table(rows)}
<sub>10 equal-width bins on the predicted class's probability; a calibrated model has accuracy \u2248 mean confidence in every bin.</sub>`);
}
function costSection(report) {
  if (!report.cost) return "";
  const c = report.candidate.intervals.cost;
  const b = report.baseline?.intervals.cost;
  const d = report.deltas.cost;
  const how = report.cost.kind === "matrix" ? "cost matrix (rows: true class, columns: predicted class)" : `${report.cost.perUnitError} per unit of absolute error`;
  const line = `**Expected cost per prediction**: candidate ${num(c?.value)} ${c ? formatInterval(c.low, c.high) : ""}${b ? `, baseline ${num(b.value)}, \u0394 ${formatDelta(d.value)} ${formatInterval(d.low, d.high)}` : ""} \u2014 from the ${how}.`;
  return `${line}
`;
}
function validationSection(ctx) {
  const v = ctx.validation;
  if (!v) return "";
  if (v.json) {
    const ok = v.json.valid;
    return `**Data validation** (${v.path}): ${ok ? "\u2705 valid" : "\u274C invalid"}${v.json.rows !== void 0 ? ` \u2014 ${v.json.rows} rows` : ""}${v.json.errorCount ? `, ${v.json.errorCount} errors` : ""}
`;
  }
  const body = truncateMarkdown(v.markdown ?? "", 8e3, `_Validation report cut to 8000 characters: the whole one is in ${inlineCode(v.path)}._
`);
  return details(`Data validation (${v.path})`, body);
}
function footer(report, ctx) {
  const describe = (label, info) => {
    const bits2 = [modelLabel(info)];
    if (info.commit) bits2.push(`commit ${short(info.commit)}`);
    if (info.trainedAt) bits2.push(`trained ${info.trainedAt}`);
    return `${label} ${bits2.join(", ")}`;
  };
  const bits = [describe("Candidate", report.candidate.model)];
  if (report.baseline) bits.push(describe("Baseline", report.baseline.model));
  const unseen = report.data.unseenClassRows && report.unseenClasses?.length ? `, ${report.data.unseenClassRows} of ${report.unseenClasses.map((c) => inlineCode(c)).join(", ")} (never seen in training) scored as wrong predictions` : "";
  bits.push(`test data ${inlineCode(report.data.path)} (${report.data.evaluatedRows} rows${unseen}${report.data.excludedRows ? `, ${report.data.excludedRows} without a usable label excluded` : ""})`);
  bits.push(`${report.bootstrap.resamples} ${report.bootstrap.paired ? "paired " : ""}bootstrap resamples, seed ${report.bootstrap.seed}`);
  bits.push(`backend ${report.environment.backend}`);
  if (ctx.commit) bits.push(`commit ${short(ctx.commit)}`);
  if (ctx.runUrl) bits.push(`[workflow run](${ctx.runUrl})`);
  return `<sub>${bits.join(" \xB7 ")}</sub>
`;
}
function renderEvaluationReport(report, ctx = {}) {
  const markdown = renderFullEvaluationReport(report, ctx);
  const where = ctx.fullReportAt ?? (ctx.runUrl ? `the [job summary](${ctx.runUrl}) and \`--json\`` : "the job summary and `mlops evaluate --json`");
  return truncateMarkdown(markdown, COMMENT_LIMIT - MARKER_HEADROOM, `> [!NOTE]
> Report cut to fit a comment; the full results are in ${where}.
`);
}
function renderFullEvaluationReport(report, ctx = {}) {
  const title = `## Evaluation of ${inlineCode(report.name)} (${report.task})
`;
  const sections = [
    title,
    verdict(report),
    `### Metrics

${metricsTable(report)}`,
    costSection(report),
    report.featureChanges ? `Features added: ${report.featureChanges.added.map((f) => inlineCode(f)).join(", ") || "\u2014"}; removed: ${report.featureChanges.removed.map((f) => inlineCode(f)).join(", ") || "\u2014"}.
` : "",
    `### Latency

${latencySection(report)}`,
    chart(report),
    gatesSection(report),
    slicesSection(report, ctx.maxSliceRows ?? 40),
    confusionSection(report),
    calibrationSection(report),
    validationSection(ctx),
    footer(report, ctx)
  ].filter((s) => s !== "");
  return sections.join("\n");
}
function gatesSection(report) {
  if (report.gates.length === 0) return "";
  const rows = [["Gate", "Result", "Detail"]];
  for (const g of report.gates) {
    const result = g.status === "failed" ? "\u274C failed" : g.status === "skipped" ? "\u23ED skipped" : g.inconclusive ? "\u26A0\uFE0F passed (inconclusive)" : "\u2705 passed";
    rows.push([gateText(g.name), result, gateText(g.detail)]);
  }
  return details(`Gates (${report.gates.filter((g) => g.status === "failed").length} failed of ${report.gates.length})`, `${table(rows)}
<sub>Relative gates fail only when the whole ${ciLabel(report.bootstrap.confidence).replace(" CI", "")} interval is beyond the threshold (confidently worse); absolute ones compare the point estimate. See docs/evaluation.md.</sub>`, { open: report.gates.some((g) => g.status === "failed") });
}

// src/evaluate/run.ts
import { existsSync } from "node:fs";

// src/evaluate/external.ts
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
var TASKS = /* @__PURE__ */ new Set(["binary", "multiclass", "regression"]);
var NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
function cellValue(text) {
  if (text === null) return null;
  return NUMBER_TEXT.test(text) ? Number(text) : text;
}
async function startExternalModel(dir, command, options) {
  const where = { file: resolve(dir, "run.json"), key: "predictCommand" };
  const child = spawn(command, { shell: true, cwd: options.cwd, env: { ...options.env ?? process.env, MLOPS_MODEL_DIR: resolve(dir) }, stdio: ["pipe", "pipe", "pipe"] });
  const stderrTail = [];
  createInterface({ input: child.stderr }).on("line", (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    options.log?.(line);
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let exited = null;
  const exit = new Promise((done) => child.on("close", (code, signal) => {
    exited = signal ? `was killed by ${signal}` : `exited with status ${code}`;
    done();
  }));
  child.on("error", (error) => {
    exited = `could not start (${error.message})`;
  });
  child.stdin.on("error", () => {
  });
  const failure = (what) => new InputError(
    `the model's predictCommand ${JSON.stringify(command)} ${what}${stderrTail.length ? `; its last output:
  ${stderrTail.join("\n  ")}` : ""}`,
    where
  );
  const nextLine = async (timeoutMs, waitingFor, skipBanners = false) => {
    let timer;
    const deadline = new Promise((done) => {
      timer = setTimeout(() => done("timeout"), timeoutMs);
    });
    let next;
    for (; ; ) {
      next = await Promise.race([lines.next(), exit.then(() => "exit"), deadline]);
      if (skipBanners && next !== "timeout" && next !== "exit" && !next.done && !next.value.trimStart().startsWith("{")) {
        options.log?.(next.value);
        continue;
      }
      break;
    }
    clearTimeout(timer);
    if (next === "timeout") throw failure(`sent no ${waitingFor} within ${Math.round(timeoutMs / 1e3)} s`);
    if (next === "exit" || next.done) {
      await exit;
      throw failure(`${exited ?? "closed its output"} before sending the ${waitingFor}`);
    }
    try {
      const value = JSON.parse(next.value);
      if (value !== null && typeof value === "object" && !Array.isArray(value)) return value;
    } catch {
    }
    throw failure(`sent a line that is not a JSON object where the ${waitingFor} was expected: ${next.value.slice(0, 200)}`);
  };
  let model;
  try {
    const ready = await nextLine(options.readyTimeoutMs ?? 12e4, "ready line", true);
    const task = ready.task;
    const classes = Array.isArray(ready.classes) ? ready.classes.map(String) : [];
    const features = Array.isArray(ready.features) ? ready.features.map(String) : [];
    if (ready.ready !== true || !TASKS.has(task) || typeof ready.label !== "string" || features.length === 0) {
      throw failure(`sent a ready line without ready: true, task (binary | multiclass | regression), label and features: ${JSON.stringify(ready).slice(0, 200)}`);
    }
    if (task !== "regression" && classes.length < 2) throw failure(`declared a ${task} task with ${classes.length} class(es); the ready line must list the classes`);
    const repeated = classes.filter((c, i) => classes.indexOf(c) !== i);
    if (repeated.length > 0) throw failure(`listed the class(es) ${[...new Set(repeated)].map((c) => `'${c}'`).join(", ")} more than once in its ready line: classes must be distinct, one per probability column`);
    const ordered = task === "regression" ? [] : sortClasses(classes);
    const column = ordered.map((c) => classes.indexOf(c));
    const label = ready.label;
    const preprocessing = {
      format: "mlops-preprocessing",
      version: 1,
      label: { name: label, task, classes: ordered, mean: 0, std: 1 },
      // The process does its own preprocessing: mlops only reads the columns (as text).
      features: features.map((name) => ({ name, kind: "categorical", vocabulary: [], missingIndicator: false })),
      outputs: [],
      fittedRows: 0
    };
    let nextId = 1;
    const predict = async (table2, start = 0, count = table2.length - start) => {
      const n = Math.max(0, Math.min(count, table2.length - start));
      const columns = features.map((name) => {
        const index = table2.fieldNames.indexOf(name);
        if (index < 0) throw new InputError(`the test data lacks feature column '${name}' needed by the model in ${dir}`, { file: table2.path, key: name });
        return table2.columns[index];
      });
      const rows = new Array(n);
      for (let r = 0; r < n; r++) {
        const row = {};
        features.forEach((name, k2) => {
          row[name] = cellValue(cellText(columns[k2], start + r));
        });
        rows[r] = row;
      }
      const id = nextId++;
      child.stdin.write(`${JSON.stringify({ id, rows })}
`);
      const answer = await nextLine(6e5, `answer to request ${id}`);
      if (answer.id !== id) throw failure(`answered request ${JSON.stringify(answer.id)} where ${id} was expected`);
      if (typeof answer.error === "string") throw failure(`could not predict: ${answer.error}`);
      if (task === "regression") {
        const values = answer.values;
        if (!Array.isArray(values) || values.length !== n || !values.every((v) => typeof v === "number" && Number.isFinite(v))) throw failure(`must answer "values": ${n} finite numbers (request ${id})`);
        return { task, values: Float64Array.from(values) };
      }
      const probabilities = answer.probabilities;
      const k = classes.length;
      if (!Array.isArray(probabilities) || probabilities.length !== n) throw failure(`must answer "probabilities": ${n} rows of ${k} numbers (request ${id})`);
      const flat = new Float64Array(n * k);
      const labels = new Array(n);
      probabilities.forEach((row, r) => {
        if (!Array.isArray(row) || row.length !== k || !row.every((p) => typeof p === "number" && p >= 0 && p <= 1)) {
          throw failure(`row ${r + 1} of request ${id} must be ${k} probabilities in [0, 1], one per class (${classes.join(", ")})`);
        }
        let best = 0;
        for (let c = 0; c < k; c++) {
          flat[r * k + c] = row[column[c]];
          if (flat[r * k + c] > flat[r * k + best]) best = c;
        }
        labels[r] = ordered[best];
      });
      return { task, probabilities: flat, labels };
    };
    model = {
      task,
      classes: ordered,
      labelName: label,
      featureNames: features,
      preprocessing,
      predict,
      dispose: () => {
        child.stdin.end();
        child.unref();
        const stop = () => {
          if (exited === null) child.kill();
        };
        setTimeout(stop, 5e3).unref();
        process.once("exit", stop);
      }
    };
  } catch (error) {
    child.kill();
    throw error;
  }
  return model;
}

// src/evaluate/run.ts
import { join } from "node:path";

// src/evaluate/metrics/classification.ts
var ECE_BINS = 10;
function prepareClassification(data) {
  const K = data.classes.length;
  const n = data.y.length;
  if (data.proba.length !== n * K) throw new Error(`probabilities have ${data.proba.length} values, expected ${n}\xD7${K}`);
  const { y, proba } = data;
  const predicted = new Int32Array(n);
  const logLossTerm = new Float64Array(n);
  const brierTerm = new Float64Array(n);
  const confidence = new Float64Array(n);
  const bin = new Int32Array(n);
  const eps = Number.EPSILON;
  for (let i = 0; i < n; i++) {
    const base = i * K;
    let best = 0;
    let clippedSum = 0;
    let brier = 0;
    for (let k = 0; k < K; k++) {
      const p = proba[base + k];
      if (p > proba[base + best]) best = k;
      clippedSum += Math.min(Math.max(p, eps), 1 - eps);
      const target = y[i] === k ? 1 : 0;
      brier += (p - target) * (p - target);
    }
    predicted[i] = best;
    const pTrue = Math.min(Math.max(proba[base + y[i]], eps), 1 - eps) / clippedSum;
    logLossTerm[i] = -Math.log(pTrue);
    brierTerm[i] = data.task === "binary" ? (proba[base + 1] - (y[i] === 1 ? 1 : 0)) ** 2 : brier;
    const conf = proba[base + best];
    confidence[i] = conf;
    bin[i] = Math.min(Math.floor(conf * ECE_BINS), ECE_BINS - 1);
  }
  const curveClasses = data.task === "binary" ? [1] : Array.from({ length: K }, (_, k) => k);
  const orders = curveClasses.map((k) => {
    const order = Int32Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => proba[b * K + k] - proba[a * K + k]);
    const groupEnd = new Uint8Array(n);
    for (let j = 0; j < n; j++) groupEnd[j] = j === n - 1 || proba[order[j] * K + k] !== proba[order[j + 1] * K + k] ? 1 : 0;
    return { k, order, groupEnd };
  });
  const weightOf = (weights, i) => weights ? weights[i] : 1;
  function confusionFlat(weights) {
    const c = new Float64Array(K * K);
    for (let i = 0; i < n; i++) c[y[i] * K + predicted[i]] += weightOf(weights, i);
    return c;
  }
  function classScores(c) {
    const out = [];
    for (let k = 0; k < K; k++) {
      let support = 0;
      let predictedCount = 0;
      for (let j = 0; j < K; j++) {
        support += c[k * K + j];
        predictedCount += c[j * K + k];
      }
      const tp = c[k * K + k];
      const precision = predictedCount > 0 ? tp / predictedCount : 0;
      const recall = support > 0 ? tp / support : 0;
      const f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
      out.push({ precision, recall, f1, support, predicted: predictedCount });
    }
    return out;
  }
  function curveScores(curve, positives, total, weights) {
    const { k, order, groupEnd } = curve;
    const negatives = total - positives;
    if (positives === 0) return { auc: Number.NaN, ap: Number.NaN };
    let tp = 0;
    let fp = 0;
    let prevTp = 0;
    let prevFp = 0;
    let area = 0;
    let ap = 0;
    for (let j = 0; j < n; j++) {
      const row = order[j];
      const w = weights ? weights[row] : 1;
      if (w !== 0) {
        if (y[row] === k) tp += w;
        else fp += w;
      }
      if (!groupEnd[j]) continue;
      area += (fp - prevFp) * (tp + prevTp) / 2;
      if (tp + fp > 0 && tp > prevTp) ap += (tp - prevTp) / positives * (tp / (tp + fp));
      prevTp = tp;
      prevFp = fp;
    }
    return { auc: negatives > 0 ? area / (positives * negatives) : Number.NaN, ap };
  }
  function calibration(weights) {
    const count = new Float64Array(ECE_BINS);
    const conf = new Float64Array(ECE_BINS);
    const correct = new Float64Array(ECE_BINS);
    for (let i = 0; i < n; i++) {
      const w = weightOf(weights, i);
      if (w === 0) continue;
      const b = bin[i];
      count[b] += w;
      conf[b] += w * confidence[i];
      if (predicted[i] === y[i]) correct[b] += w;
    }
    return Array.from({ length: ECE_BINS }, (_, b) => ({
      low: b / ECE_BINS,
      high: (b + 1) / ECE_BINS,
      count: count[b],
      meanConfidence: count[b] > 0 ? conf[b] / count[b] : Number.NaN,
      accuracy: count[b] > 0 ? correct[b] / count[b] : Number.NaN
    }));
  }
  function compute(weights) {
    let total = 0;
    let logLoss = 0;
    let brier = 0;
    const c = new Float64Array(K * K);
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      if (w === 0) continue;
      total += w;
      logLoss += w * logLossTerm[i];
      brier += w * brierTerm[i];
      c[y[i] * K + predicted[i]] += w;
    }
    const scores = classScores(c);
    let correct = 0;
    for (let k = 0; k < K; k++) correct += c[k * K + k];
    const accuracy = total > 0 ? correct / total : Number.NaN;
    const present = scores.filter((s) => s.support > 0 || s.predicted > 0);
    const mean = (f) => present.reduce((a, s) => a + f(s), 0) / present.length;
    const weighted = (f) => present.reduce((a, s) => a + f(s) * s.support, 0) / total;
    const withTruth = scores.filter((s) => s.support > 0);
    const microF1 = accuracy;
    const out = {
      accuracy,
      balanced_accuracy: withTruth.reduce((a, s) => a + s.recall, 0) / withTruth.length,
      precision_micro: accuracy,
      recall_micro: accuracy,
      f1_micro: microF1,
      precision_macro: mean((s) => s.precision),
      recall_macro: mean((s) => s.recall),
      f1_macro: mean((s) => s.f1),
      precision_weighted: weighted((s) => s.precision),
      recall_weighted: weighted((s) => s.recall),
      f1_weighted: weighted((s) => s.f1)
    };
    if (data.task === "binary") {
      out.precision = scores[1].precision;
      out.recall = scores[1].recall;
      out.f1 = scores[1].f1;
    }
    let aucSum = 0;
    let aucCount = 0;
    let apSum = 0;
    let apCount = 0;
    for (const curve of orders) {
      const { auc, ap } = curveScores(curve, scores[curve.k].support, total, weights);
      if (!Number.isNaN(auc)) {
        aucSum += auc;
        aucCount++;
      }
      if (!Number.isNaN(ap)) {
        apSum += ap;
        apCount++;
      }
    }
    out.roc_auc = aucCount > 0 ? aucSum / aucCount : Number.NaN;
    out.pr_auc = apCount > 0 ? apSum / apCount : Number.NaN;
    out.log_loss = logLoss / total;
    out.brier = brier / total;
    let ece = 0;
    for (const b of calibration(weights)) if (b.count > 0) ece += b.count / total * Math.abs(b.accuracy - b.meanConfidence);
    out.ece = ece;
    return out;
  }
  return {
    data,
    n,
    predicted,
    compute,
    confusion(weights) {
      const c = confusionFlat(weights);
      return Array.from({ length: K }, (_, t) => Array.from(c.subarray(t * K, t * K + K)));
    },
    perClass(weights) {
      const scores = classScores(confusionFlat(weights));
      return Object.fromEntries(data.classes.map((name, k) => [name, scores[k]]));
    },
    calibration
  };
}

// src/evaluate/metrics/regression.ts
function prepareRegression(data) {
  const { y, yhat } = data;
  const n = y.length;
  if (yhat.length !== n) throw new Error(`${yhat.length} predictions for ${n} targets`);
  const absError = new Float64Array(n);
  const ape = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    absError[i] = Math.abs(y[i] - yhat[i]);
    ape[i] = absError[i] / Math.max(Math.abs(y[i]), Number.EPSILON);
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => absError[a] - absError[b]);
  function weightedMedian(weights) {
    const total = weights ? weights.reduce((a, b) => a + b, 0) : n;
    if (total <= 0) return Number.NaN;
    const lowRank = Math.floor((total - 1) / 2);
    const highRank = Math.floor(total / 2);
    let seen = 0;
    let low = Number.NaN;
    for (let j = 0; j < n; j++) {
      const row = order[j];
      const w = weights ? weights[row] : 1;
      if (w === 0) continue;
      const next = seen + w;
      if (Number.isNaN(low) && lowRank < next) low = absError[row];
      if (highRank < next) return (low + absError[row]) / 2;
      seen = next;
    }
    return low;
  }
  function compute(weights) {
    let total = 0;
    let sumY = 0;
    let sumAbs = 0;
    let sumSq = 0;
    let sumApe = 0;
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      if (w === 0) continue;
      total += w;
      sumY += w * y[i];
      sumAbs += w * absError[i];
      sumSq += w * absError[i] * absError[i];
      sumApe += w * ape[i];
    }
    const mean = sumY / total;
    let ssTot = 0;
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      if (w !== 0) ssTot += w * (y[i] - mean) ** 2;
    }
    const r2 = ssTot === 0 ? sumSq === 0 ? 1 : 0 : 1 - sumSq / ssTot;
    const mse = sumSq / total;
    return {
      mae: sumAbs / total,
      mse,
      rmse: Math.sqrt(mse),
      r2,
      mape: sumApe / total,
      median_ae: weightedMedian(weights)
    };
  }
  return { data, n, compute };
}

// src/evaluate/compare.ts
var DEFAULT_SHOWN = {
  binary: ["accuracy", "balanced_accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc", "log_loss", "brier", "ece"],
  multiclass: ["accuracy", "balanced_accuracy", "precision_macro", "recall_macro", "f1_macro", "f1_weighted", "roc_auc", "pr_auc", "log_loss", "brier", "ece"],
  regression: ["mae", "rmse", "r2", "mape", "median_ae"]
};
function shownMetrics(task, configured, hasCost, configFile) {
  const list = configured ?? DEFAULT_SHOWN[task];
  const out = [];
  list.forEach((name, index) => {
    const def = metricDefinition(name);
    const key = `evaluate.metrics[${index}]`;
    if (!def) throw new InputError(`unknown metric '${name}' (known for ${task}: ${metricsForTask(task).join(", ")}, cost)`, { file: configFile, key });
    if (!def.tasks.includes(task)) throw new InputError(`metric '${name}' does not apply to a ${task} model`, { file: configFile, key });
    if (def.name === "cost" && !hasCost) throw new InputError("metric 'cost' needs evaluate.cost (a cost matrix or perUnitError)", { file: configFile, key });
    if (!out.includes(def.name)) out.push(def.name);
  });
  if (hasCost && !out.includes("cost")) out.push("cost");
  return out;
}
function prepare(input, outputs, rows, which) {
  const pick = (a, width = 1) => {
    if (!rows) return a;
    const out = new a.constructor(rows.length * width);
    for (let j = 0; j < rows.length; j++) for (let k = 0; k < width; k++) out[j * width + k] = a[rows[j] * width + k];
    return out;
  };
  const cost = input.cost;
  if (input.task === "regression") {
    if (!outputs.values) throw new Error(`${which}: regression outputs need values`);
    const y = pick(input.truth);
    const yhat = pick(outputs.values);
    const evaluator2 = prepareRegression({ task: "regression", y, yhat });
    const unit = cost?.perUnitError;
    return {
      metrics: (w) => {
        const m = evaluator2.compute(w);
        if (unit !== void 0) m.cost = unit * m.mae;
        return m;
      }
    };
  }
  const classes = input.classes;
  const K = classes.length;
  if (!outputs.proba) throw new Error(`${which}: classification outputs need probabilities`);
  const evaluator = prepareClassification({ task: input.task, classes, y: pick(input.truth), proba: pick(outputs.proba, K) });
  const matrix = cost?.matrix;
  let rowCost;
  if (matrix) {
    rowCost = new Float64Array(evaluator.n);
    for (let i = 0; i < evaluator.n; i++) rowCost[i] = matrix[evaluator.data.y[i]][evaluator.predicted[i]];
  }
  return {
    classification: evaluator,
    metrics: (w) => {
      const m = evaluator.compute(w);
      if (rowCost) {
        let total = 0;
        let sum = 0;
        for (let i = 0; i < rowCost.length; i++) {
          const weight = w ? w[i] : 1;
          total += weight;
          sum += weight * rowCost[i];
        }
        m.cost = sum / total;
      }
      return m;
    }
  };
}
function undefinedRatios(input, prepared) {
  const evaluator = prepared.classification;
  if (input.task !== "binary" || !evaluator) return void 0;
  let positives = 0;
  let flagged = 0;
  for (let i = 0; i < evaluator.n; i++) {
    if (evaluator.data.y[i] === 1) positives++;
    if (evaluator.predicted[i] === 1) flagged++;
  }
  if (positives > 0) return void 0;
  const positive = `'${evaluator.data.classes[1]}'`;
  const none = `no row is of the positive class ${positive}`;
  return flagged > 0 ? { recall: none } : { recall: none, precision: `${none} and none is predicted as it`, f1: `${none} and none is predicted as it` };
}
function allMetricNames(task, hasCost) {
  return [...metricsForTask(task), ...hasCost ? ["cost"] : []];
}
function modelMetrics(prepared, intervals) {
  const point = prepared.metrics();
  const out = { metrics: Object.fromEntries(Object.keys(intervals).map((k) => [k, point[k]])), intervals };
  if (prepared.classification) {
    out.perClass = prepared.classification.perClass();
    out.confusion = prepared.classification.confusion();
    out.calibration = prepared.classification.calibration();
  }
  return out;
}
function compareModels(input) {
  const n = input.truth.length;
  if (n === 0) throw new InputError("the test set is empty: nothing to evaluate");
  const hasCost = Boolean(input.cost && (input.cost.matrix || input.cost.perUnitError !== void 0));
  if (input.cost?.matrix && input.classes && input.cost.matrix.length !== input.classes.length) {
    throw new InputError(`evaluate.cost.matrix is ${input.cost.matrix.length}\xD7${input.cost.matrix.length} but the model has ${input.classes.length} classes (${input.classes.join(", ")})`, { key: "evaluate.cost.matrix" });
  }
  const shown = shownMetrics(input.task, input.metrics, hasCost);
  const names = allMetricNames(input.task, hasCost);
  const cand = prepare(input, input.candidate, null, "candidate");
  const base = input.baseline ? prepare(input, input.baseline, null, "baseline") : void 0;
  const boot = pairedBootstrap(n, cand.metrics, base?.metrics, names, input.bootstrap);
  const sliceMetrics = [...shown, ...(input.sliceMetrics ?? []).map(canonicalMetricName).filter((m) => !shown.includes(m) && names.includes(m))];
  const slices = computeSlices(input, [...new Set(sliceMetrics)]);
  const undefinedMetrics = undefinedRatios(input, cand);
  return {
    task: input.task,
    ...input.classes ? { classes: input.classes } : {},
    n,
    shown,
    candidate: modelMetrics(cand, boot.candidate),
    baseline: base && boot.baseline ? modelMetrics(base, boot.baseline) : null,
    deltas: boot.deltas ?? {},
    slices,
    cost: hasCost ? input.cost.matrix ? { kind: "matrix", matrix: input.cost.matrix } : { kind: "perUnitError", perUnitError: input.cost.perUnitError } : null,
    ...undefinedMetrics ? { undefinedMetrics } : {}
  };
}
function computeSlices(input, metrics) {
  const out = [];
  const maxValues = input.maxSliceValues ?? 50;
  for (const [columnIndex, column] of (input.slices ?? []).entries()) {
    const groups = /* @__PURE__ */ new Map();
    column.values.forEach((v, i) => {
      const key = v ?? "(missing)";
      let g = groups.get(key);
      if (!g) groups.set(key, g = []);
      g.push(i);
    });
    let entries = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    if (entries.length > maxValues) {
      const rest = entries.slice(maxValues - 1).flatMap(([, rows]) => rows).sort((a, b) => a - b);
      entries = [...entries.slice(0, maxValues - 1), ["(other)", rest]];
    }
    for (const [valueIndex, [value, rowList]] of entries.entries()) {
      const rows = Int32Array.from(rowList);
      const cand = prepare(input, input.candidate, rows, "candidate");
      const base = input.baseline ? prepare(input, input.baseline, rows, "baseline") : void 0;
      const small = rows.length < input.minSliceSize;
      const boot = pairedBootstrap(rows.length, cand.metrics, base?.metrics, metrics, {
        ...input.bootstrap,
        resamples: small ? 0 : input.bootstrap.resamples,
        seed: input.bootstrap.seed + 7919 * (columnIndex + 1) + 104729 * (valueIndex + 1) >>> 0
      });
      const undefinedMetrics = undefinedRatios(input, cand);
      out.push({
        column: column.name,
        value,
        n: rows.length,
        small,
        candidate: boot.candidate,
        ...boot.baseline ? { baseline: boot.baseline } : {},
        ...boot.deltas ? { deltas: boot.deltas } : {},
        ...undefinedMetrics ? { undefinedMetrics } : {}
      });
    }
  }
  return out;
}

// src/evaluate/latency.ts
var LATENCY_PERCENTILES = ["p50", "p95", "p99"];
var Q = { p50: 0.5, p95: 0.95, p99: 0.99 };
function stats(sortedMs, rowsPerCall) {
  let sum = 0;
  for (const v of sortedMs) sum += v;
  const mean = sum / sortedMs.length;
  return {
    p50: quantileSorted(sortedMs, 0.5),
    p95: quantileSorted(sortedMs, 0.95),
    p99: quantileSorted(sortedMs, 0.99),
    mean,
    throughput: mean > 0 ? rowsPerCall * 1e3 / mean : Number.POSITIVE_INFINITY,
    calls: sortedMs.length
  };
}
async function timeCall(predictor, start, count, now, clock) {
  const c0 = clock === "cpu" ? process.cpuUsage() : void 0;
  const t0 = now();
  const result = predictor.predict(start, count);
  if (result && typeof result.then === "function") await result;
  const wall = now() - t0;
  if (!c0) return [wall, wall];
  const cpu = process.cpuUsage(c0);
  return [(cpu.user + cpu.system) / 1e3, wall];
}
async function benchmarkLatency(candidate, baseline, options) {
  const now = options.now ?? (() => performance.now());
  const clock = options.clock ?? "wall";
  const random = createRandom(options.seed);
  const sizes = [];
  for (const batchSize of options.batchSizes) {
    const rowsPerCall = Math.max(1, Math.min(batchSize, options.rows));
    const pickStart = () => random.int(options.rows - rowsPerCall + 1);
    for (let w = 0; w < options.warmup; w++) {
      const start = pickStart();
      await timeCall(candidate, start, rowsPerCall, now, clock);
      if (baseline) await timeCall(baseline, start, rowsPerCall, now, clock);
    }
    const k = options.samplesPerRound;
    const timesC = new Float64Array(options.rounds * k);
    const timesB = new Float64Array(baseline ? options.rounds * k : 0);
    const wallC = new Float64Array(timesC.length);
    const wallB = new Float64Array(timesB.length);
    const record = async (which, index, start) => {
      const [t, wall] = await timeCall(which === "C" ? candidate : baseline, start, rowsPerCall, now, clock);
      (which === "C" ? timesC : timesB)[index] = t;
      (which === "C" ? wallC : wallB)[index] = wall;
    };
    for (let r = 0; r < options.rounds; r++) {
      const candidateFirst = r % 2 === 0;
      for (let j = 0; j < k; j++) {
        const start = pickStart();
        if (!baseline) {
          await record("C", r * k + j, start);
        } else if (candidateFirst) {
          await record("C", r * k + j, start);
          await record("B", r * k + j, start);
        } else {
          await record("B", r * k + j, start);
          await record("C", r * k + j, start);
        }
      }
    }
    const result = {
      batchSize,
      rowsPerCall,
      candidate: stats(Float64Array.from(timesC).sort(), rowsPerCall)
    };
    if (baseline) {
      result.baseline = stats(Float64Array.from(timesB).sort(), rowsPerCall);
      result.ratio = ratioIntervals(timesC, timesB, options.rounds, k, result.candidate, result.baseline, options);
    }
    if (clock === "cpu") {
      result.wall = { candidate: stats(wallC.sort(), rowsPerCall), ...baseline ? { baseline: stats(wallB.sort(), rowsPerCall) } : {} };
    }
    sizes.push(result);
  }
  return {
    clock,
    sizes,
    rounds: options.rounds,
    samplesPerRound: options.samplesPerRound,
    warmup: options.warmup,
    resamples: options.resamples,
    confidence: options.confidence
  };
}
function ratioIntervals(timesC, timesB, rounds, perRound, pointC, pointB, options) {
  const random = createRandom(options.seed ^ 1540483477);
  const reps = { p50: new Float64Array(options.resamples), p95: new Float64Array(options.resamples), p99: new Float64Array(options.resamples), throughput: new Float64Array(options.resamples) };
  const c = new Float64Array(rounds * perRound);
  const b = new Float64Array(rounds * perRound);
  for (let s = 0; s < options.resamples; s++) {
    let sumC = 0;
    let sumB = 0;
    for (let r = 0; r < rounds; r++) {
      const pick = random.int(rounds);
      for (let j = 0; j < perRound; j++) {
        c[r * perRound + j] = timesC[pick * perRound + j];
        b[r * perRound + j] = timesB[pick * perRound + j];
        sumC += timesC[pick * perRound + j];
        sumB += timesB[pick * perRound + j];
      }
    }
    c.sort();
    b.sort();
    for (const p of LATENCY_PERCENTILES) reps[p][s] = quantileSorted(c, Q[p]) / quantileSorted(b, Q[p]);
    reps.throughput[s] = sumB / sumC;
  }
  const out = {};
  for (const p of LATENCY_PERCENTILES) {
    const { value, low, high } = percentileInterval(pointC[p] / pointB[p], reps[p], options.confidence, rounds);
    out[p] = { value, low, high };
  }
  const t = percentileInterval(pointC.throughput / pointB.throughput, reps.throughput, options.confidence, rounds);
  out.throughput = { value: t.value, low: t.low, high: t.high };
  return out;
}

// src/evaluate/result.ts
function buildReport(parts) {
  const { compare, latency, gates, featureChanges } = parts;
  const deltas = {};
  for (const [name, d] of Object.entries(compare.deltas)) {
    const direction = metricDefinition(name).direction;
    const improved = d.value === 0 || Number.isNaN(d.value) ? null : direction === "higher" ? d.value > 0 : d.value < 0;
    deltas[name] = { value: d.value, low: d.low, high: d.high, direction, improved };
  }
  const section = (m, info) => ({ ...m, model: info });
  const first = latency?.sizes[0];
  return {
    passed: gates.every((g) => g.passed),
    name: parts.name,
    task: compare.task,
    ...compare.classes ? { classes: compare.classes } : {},
    ...parts.unseenClasses?.length ? { unseenClasses: parts.unseenClasses } : {},
    candidate: section(compare.candidate, parts.candidateInfo),
    baseline: compare.baseline && parts.baselineInfo ? section(compare.baseline, parts.baselineInfo) : null,
    deltas,
    latency: latency && first ? {
      clock: latency.clock,
      batchSize: first.batchSize,
      rowsPerCall: first.rowsPerCall,
      candidate: first.candidate,
      baseline: first.baseline ?? null,
      ratio: first.ratio ?? null,
      bySize: latency.sizes,
      rounds: latency.rounds,
      samplesPerRound: latency.samplesPerRound,
      warmup: latency.warmup,
      method: "same process, interleaved A/B calls on the same rows, first mover alternating per round; ratio interval: bootstrap over rounds"
    } : null,
    gates,
    slices: compare.slices,
    minSliceSize: parts.minSliceSize,
    cost: compare.cost,
    shownMetrics: compare.shown,
    data: parts.data,
    bootstrap: { ...parts.bootstrap, unit: "rows", paired: Boolean(compare.baseline), interval: "expanded-percentile", minRows: minPairedUnits(parts.bootstrap.confidence) },
    ...featureChanges && (featureChanges.added.length || featureChanges.removed.length) ? { featureChanges } : {},
    environment: parts.environment
  };
}

// src/evaluate/run.ts
async function loadEvaluatedModel(dir, tf, options) {
  if (await exists(join(dir, "model.json"))) return loadModel(dir, await tf());
  const run = await readRunRecord(dir);
  if (run?.trainer === "external") {
    const command = run.predictCommand;
    if (typeof command === "string" && command !== "") return startExternalModel(dir, command, options);
    throw new InputError(`this model was trained by an external command and run.json names no predictCommand, so mlops cannot run it: set train.predictCommand in mlops.yaml and train again (docs/evaluation.md, "Models trained by an external command")`, { file: join(dir, "run.json"), key: "predictCommand" });
  }
  return loadModel(dir, await tf());
}
async function modelInfo(dir, model, extra = {}) {
  const run = await readRunRecord(dir);
  const str = (v) => typeof v === "string" && v !== "" ? v : void 0;
  const git = run?.git ?? {};
  const backendField = run?.backend;
  const info = { dir, featureNames: model.featureNames };
  const commit = str(git.commit) ?? str(run?.commit);
  const trainedAt = str(run?.finishedAt) ?? str(run?.startedAt);
  const backend = typeof backendField === "string" ? backendField : str(backendField?.name);
  const weights = str(run?.weights?.sha256);
  if (commit) info.commit = commit;
  if (trainedAt) info.trainedAt = trainedAt;
  if (backend) info.backend = backend;
  if (weights) info.weightsSha256 = weights;
  return { ...info, ...extra };
}
function checkCompatible(candidate, baseline, candidateDir, baselineDir) {
  const spec = join(baselineDir, "preprocessing.json");
  const where = { file: existsSync(spec) ? spec : join(baselineDir, "run.json") };
  if (candidate.task !== baseline.task) {
    throw new InputError(`incompatible models: the candidate (${candidateDir}) is ${candidate.task}, the baseline is ${baseline.task}`, { ...where, key: "label.task" });
  }
  if (candidate.labelName !== baseline.labelName) {
    throw new InputError(`incompatible models: the candidate predicts '${candidate.labelName}', the baseline '${baseline.labelName}'`, { ...where, key: "label.name" });
  }
  if (candidate.classes.join("\0") !== baseline.classes.join("\0")) {
    const onlyC = candidate.classes.filter((c) => !baseline.classes.includes(c));
    const onlyB = baseline.classes.filter((c) => !candidate.classes.includes(c));
    throw new InputError(
      `incompatible models: different classes (candidate only: ${onlyC.join(", ") || "\u2014"}; baseline only: ${onlyB.join(", ") || "\u2014"})`,
      { ...where, key: "label.classes" }
    );
  }
  return {
    added: candidate.featureNames.filter((f) => !baseline.featureNames.includes(f)),
    removed: baseline.featureNames.filter((f) => !candidate.featureNames.includes(f))
  };
}
function readOptionsFor(models) {
  const decoding = {};
  const numberForms = {};
  for (const model of models) {
    for (const f of model.preprocessing.features) {
      const want = f.kind === "numeric" ? "number" : "string";
      decoding[f.name] = decoding[f.name] && decoding[f.name] !== want ? "string" : want;
      if (f.kind === "numeric" && f.numberForm) numberForms[f.name] = f.numberForm;
    }
    decoding[model.labelName] = model.task === "regression" ? "number" : "string";
    if (model.preprocessing.label.numberForm) numberForms[model.labelName] = model.preprocessing.label.numberForm;
  }
  const options = { decoding };
  if (Object.keys(numberForms).length > 0) options.numberForms = numberForms;
  const markers = [...new Set(models.flatMap((m) => m.preprocessing.missingValues ?? [""]))];
  if (!(markers.length === 1 && markers[0] === "")) options.missingValues = markers;
  const own = {};
  for (const m of models) {
    for (const [name, texts] of Object.entries(m.preprocessing.fieldMissingValues ?? {})) own[name] = [.../* @__PURE__ */ new Set([...own[name] ?? [], ...texts])];
  }
  if (Object.keys(own).length > 0) options.fieldMissingValues = own;
  return options;
}
function checkColumns(table2, model, which, dataPath) {
  const missing = model.featureNames.filter((f) => !table2.fieldNames.includes(f));
  if (missing.length > 0) {
    throw new InputError(`the test data lacks feature column(s) ${missing.map((m) => `'${m}'${didYouMean(m, table2.fieldNames)}`).join(", ")} needed by the ${which}`, { file: dataPath, key: missing[0] });
  }
  if (!table2.fieldNames.includes(model.labelName)) {
    throw new InputError(`the test data has no label column '${model.labelName}'${didYouMean(model.labelName, table2.fieldNames)}`, { file: dataPath, key: model.labelName });
  }
}
function positiveFirst(positiveClass, task, classes, config) {
  if (positiveClass === null) return false;
  const where = configLocation(config, "evaluate.positiveClass");
  if (task !== "binary") throw new InputError(`evaluate.positiveClass applies to binary classification; this model's task is ${task}`, where);
  if (!classes.includes(positiveClass)) throw new InputError(`evaluate.positiveClass '${positiveClass}' is not a class of the model (classes: ${classes.join(", ")})`, where);
  return positiveClass === classes[0];
}
function swapColumns(outputs) {
  const p = outputs.proba;
  for (let i = 0; i < p.length; i += 2) {
    const t = p[i];
    p[i] = p[i + 1];
    p[i + 1] = t;
  }
}
function widenColumns(outputs, width, extra) {
  if (extra === 0 || !outputs.proba) return;
  const p = outputs.proba;
  const n = p.length / width;
  const out = new Float64Array(n * (width + extra));
  for (let i = 0; i < n; i++) out.set(p.subarray(i * width, (i + 1) * width), i * (width + extra));
  outputs.proba = out;
}
async function outputsOf(model, table2, keep, which) {
  const prediction = await model.predict(table2);
  const pick = (a, width) => {
    if (!keep) return a;
    const out = new Float64Array(keep.length * width);
    for (let j = 0; j < keep.length; j++) for (let k = 0; k < width; k++) out[j * width + k] = a[keep[j] * width + k];
    return out;
  };
  const outputs = model.task === "regression" ? { values: pick(prediction.values, 1) } : { proba: pick(prediction.probabilities, model.classes.length) };
  checkFinite(outputs, model.task === "regression" ? 1 : model.classes.length, table2, keep, which);
  return outputs;
}
function checkFinite(outputs, width, table2, keep, which) {
  const values = outputs.values ?? outputs.proba;
  const rows = values.length / width;
  let bad = 0;
  let first = -1;
  for (let j = 0; j < rows; j++) {
    for (let k = 0; k < width; k++) {
      if (Number.isFinite(values[j * width + k])) continue;
      if (first < 0) first = j;
      bad++;
      break;
    }
  }
  if (bad === 0) return;
  const row = keep ? keep[first] : first;
  const line = table2.lines[row];
  const value = values.subarray(first * width, (first + 1) * width).find((v) => !Number.isFinite(v));
  throw new InputError(
    `the ${which} predicts ${value} for this row${bad > 1 ? ` and ${bad - 1} more of the ${rows} test rows` : ""}: a prediction that is not a number cannot be scored (weights that diverged in training, or a feature value out of range)`,
    { file: table2.path, ...line !== void 0 && line > 0 ? { line } : { key: `row ${row + 1}` } }
  );
}
function modelPredictor(model, table2) {
  return { predict: (start, count) => model.predict(table2, start, count) };
}
async function runEvaluation(options) {
  const { config } = options;
  const log = options.log ?? (() => {
  });
  const settings = config.evaluate;
  const dataPath = options.dataPath ?? config.data.test;
  if (!dataPath) throw new InputError("no test data: pass --data <file> or set data.test in mlops.yaml", configLocation(config, "data.test"));
  if (isGlob(dataPath) && !await exists(dataPath)) {
    throw new InputError("the test set is one file, not a pattern: concatenate the shards into one golden file (globs are for data.train and drift data)", { file: dataPath, key: options.dataPath ? void 0 : "data.test" });
  }
  let backend = options.loadedBackend;
  const tf = async () => {
    if (!backend) {
      backend = await loadBackend(options.backend ?? config.train.backend);
      log(`backend: ${backend.backend} (${backend.device})`);
    }
    return backend.tf;
  };
  const load = (dir) => loadEvaluatedModel(dir, tf, { cwd: config.configPath ? config.configDir : options.cwd ?? config.configDir, log, ...options.env ? { env: options.env } : {} });
  const candidate = await load(options.candidateDir);
  let baseline;
  try {
    baseline = options.baseline ? await load(options.baseline.dir) : void 0;
  } catch (error) {
    candidate.dispose();
    throw error;
  }
  try {
    const task = candidate.task;
    atConfigLine(config, () => {
      checkGateConfig(settings.gates, task, config.configPath ?? void 0, Boolean(settings.cost));
      shownMetrics(task, settings.metrics, Boolean(settings.cost), config.configPath ?? void 0);
    });
    for (const [index, gate] of settings.gates.entries()) {
      if (gate.kind === "latency" && gate.batchSize !== void 0 && !settings.latency.batchSizes.includes(gate.batchSize)) {
        throw new InputError(`latency gate batch size ${gate.batchSize} is not in evaluate.latency.batchSizes (${settings.latency.batchSizes.join(", ")})`, configLocation(config, `evaluate.gates[${index}].batchSize`));
      }
    }
    if (task === "regression" && settings.cost?.matrix) {
      throw new InputError("evaluate.cost.matrix is for classifiers; a regression model's cost is perUnitError (cost per unit of absolute error)", configLocation(config, "evaluate.cost.matrix"));
    }
    if (task !== "regression" && settings.cost?.perUnitError !== void 0) {
      throw new InputError(`evaluate.cost.perUnitError is for regression; a ${task} model's cost is a matrix (rows = true class, columns = predicted class: ${candidate.classes.join(", ")})`, configLocation(config, "evaluate.cost.perUnitError"));
    }
    if (task !== "regression" && settings.cost?.matrix && settings.cost.matrix.length !== candidate.classes.length) {
      throw new InputError(`evaluate.cost.matrix is ${settings.cost.matrix.length}\xD7${settings.cost.matrix.length} but the model has ${candidate.classes.length} classes (${candidate.classes.join(", ")})`, configLocation(config, "evaluate.cost.matrix"));
    }
    const featureChanges = baseline ? checkCompatible(candidate, baseline, options.candidateDir, options.baseline.dir) : void 0;
    const models = baseline ? [candidate, baseline] : [candidate];
    const sliceKeys = /* @__PURE__ */ new Map();
    settings.slices.forEach((column, i) => sliceKeys.set(column, `evaluate.slices[${i}]`));
    settings.gates.forEach((g, i) => {
      if (g.kind === "metric" && g.slice) {
        const column = g.slice.slice(0, g.slice.indexOf("="));
        if (!sliceKeys.has(column)) sliceKeys.set(column, `evaluate.gates[${i}].slice`);
      }
    });
    const sliceColumns = [...sliceKeys.keys()];
    const table2 = await readTable(dataPath, readOptionsFor(models));
    if (table2.length === 0) throw new InputError("the test set is empty: nothing to evaluate", { file: dataPath });
    checkColumns(table2, candidate, "candidate", dataPath);
    if (baseline) checkColumns(table2, baseline, "baseline", dataPath);
    for (const column of sliceColumns) {
      if (!table2.fieldNames.includes(column)) {
        const key = sliceKeys.get(column);
        throw new InputError(`slice column '${column}' is not in the test data${didYouMean(column, table2.fieldNames)} (columns: ${table2.fieldNames.join(", ")})`, config.configPath ? configLocation(config, key) : { file: dataPath, key });
      }
    }
    const labelColumn = table2.columns[table2.fieldNames.indexOf(candidate.labelName)];
    const truthRows = scoredRows(candidate, table2, labelColumn);
    const { keepList, unseenClasses, unseenRows } = truthRows;
    if (keepList.length === 0) throw new InputError(`no test row has a usable '${candidate.labelName}' label`, { file: dataPath, key: candidate.labelName });
    const excluded = table2.length - keepList.length;
    if (excluded > 0) log(`warning: ${excluded} test row(s) have ${task === "regression" ? "a missing or non-numeric" : "no"} '${candidate.labelName}' label and are not scored`);
    if (unseenRows > 0) {
      log(`warning: ${unseenRows} test row(s) are of ${unseenClasses.length === 1 ? "a class" : "classes"} the model never saw in training (${unseenClasses.map((c) => `'${c}'`).join(", ")}): it cannot predict ${unseenClasses.length === 1 ? "it" : "them"}, so they count as wrong predictions`);
    }
    const keep = excluded > 0 ? Int32Array.from(keepList) : null;
    let truth;
    if (task === "regression") {
      truth = Float64Array.from(keepList, (i) => Number(cellText(labelColumn, i)));
    } else {
      truth = truthRows.truth;
    }
    log(`predicting ${keepList.length} rows`);
    const candidateOut = await outputsOf(candidate, table2, keep, `candidate (${options.candidateDir})`);
    const baselineOut = baseline ? await outputsOf(baseline, table2, keep, `baseline (${options.baseline.dir})`) : void 0;
    const slices = sliceColumns.map((name) => {
      const column = table2.columns[table2.fieldNames.indexOf(name)];
      const texts = keepList.map((i) => cellText(column, i));
      return { name, values: sliceValues(texts) };
    });
    const positive = positiveFirst(settings.positiveClass, task, candidate.classes, config);
    const modelClasses = positive ? [...candidate.classes].reverse() : candidate.classes;
    if (positive) {
      truth = Int32Array.from(truth, (t) => t < 2 ? 1 - t : t);
      swapColumns(candidateOut);
      if (baselineOut) swapColumns(baselineOut);
    }
    const classes = [...modelClasses, ...unseenClasses];
    widenColumns(candidateOut, modelClasses.length, unseenClasses.length);
    if (baselineOut) widenColumns(baselineOut, modelClasses.length, unseenClasses.length);
    const ordered = positive && settings.cost?.matrix ? { ...settings.cost, matrix: settings.cost.matrix.map((row) => [...row].reverse()).reverse() } : settings.cost;
    const cost = ordered?.matrix && unseenClasses.length > 0 ? { ...ordered, matrix: withUnseenRows(ordered.matrix, unseenClasses.length) } : ordered;
    const compare = atConfigLine(config, () => compareModels({
      task,
      ...task === "regression" ? {} : { classes },
      truth,
      candidate: candidateOut,
      baseline: baselineOut,
      cost,
      slices,
      minSliceSize: settings.minSliceSize,
      metrics: settings.metrics,
      sliceMetrics: settings.gates.flatMap((g) => g.kind === "metric" && g.slice ? [g.metric] : []),
      bootstrap: settings.bootstrap
    }));
    for (const [index, gate] of settings.gates.entries()) {
      if (gate.kind === "metric" && gate.slice && !compare.slices.some((s) => `${s.column}=${s.value}` === gate.slice)) {
        throw new InputError(`gate slice '${gate.slice}' matches no test row`, configLocation(config, `evaluate.gates[${index}].slice`));
      }
    }
    let latency = null;
    if (options.latency !== false) {
      log(`latency (${options.latencyClock ?? "wall"} clock): ${settings.latency.rounds} interleaved rounds \xD7 ${settings.latency.samplesPerRound} calls per batch size ${settings.latency.batchSizes.join(", ")}`);
      const clock = options.latencyClock ?? "wall";
      latency = await benchmarkLatency(modelPredictor(candidate, table2), baseline ? modelPredictor(baseline, table2) : void 0, {
        rows: table2.length,
        clock,
        ...settings.latency,
        resamples: settings.bootstrap.resamples,
        confidence: settings.bootstrap.confidence,
        seed: settings.bootstrap.seed
      });
    }
    const overall = {
      n: compare.n,
      candidate: compare.candidate.intervals,
      ...compare.baseline ? { baseline: compare.baseline.intervals, deltas: compare.deltas } : {},
      ...compare.undefinedMetrics ? { undefinedMetrics: compare.undefinedMetrics } : {}
    };
    const sliceScopes = new Map(compare.slices.map((s) => [`${s.column}=${s.value}`, { n: s.n, small: s.small, candidate: s.candidate, baseline: s.baseline, deltas: s.deltas, undefinedMetrics: s.undefinedMetrics }]));
    const gates = evaluateGates(settings.gates, { task, overall, slices: sliceScopes, latency, hasBaseline: Boolean(baseline), minSliceSize: settings.minSliceSize, confidence: settings.bootstrap.confidence });
    const candidateInfo = await modelInfo(options.candidateDir, candidate);
    const baselineInfo = baseline ? await modelInfo(options.baseline.dir, baseline, dropUndefined({ ref: options.baseline.ref, name: options.baseline.name, version: options.baseline.version })) : void 0;
    return buildReport({
      name: config.name,
      compare,
      latency,
      gates,
      candidateInfo,
      baselineInfo,
      minSliceSize: settings.minSliceSize,
      data: {
        path: dataPath,
        rows: table2.length,
        evaluatedRows: keepList.length,
        excludedRows: excluded,
        ...excluded ? { excludedReason: `${task === "regression" ? "missing or non-numeric" : "missing"} '${candidate.labelName}' label` } : {},
        ...unseenRows ? { unseenClassRows: unseenRows } : {}
      },
      unseenClasses,
      bootstrap: settings.bootstrap,
      featureChanges,
      environment: backend ? { backend: backend.backend, device: backend.device, versions: backend.versions } : { backend: "external (predictCommand)", device: "the serving processes", versions: {} }
    });
  } finally {
    candidate.dispose();
    baseline?.dispose();
  }
}
function scoredRows(model, table2, labelColumn) {
  const { y, valid } = encodeLabels(model.preprocessing, table2);
  const K = model.classes.length;
  const numericClasses = model.task !== "regression" && model.classes.every((c) => Number.isFinite(parseNumberText(c)));
  const unseenOf = /* @__PURE__ */ new Map();
  const keepList = [];
  for (let i = 0; i < table2.length; i++) {
    if (valid[i]) {
      keepList.push(i);
      continue;
    }
    if (model.task === "regression") continue;
    const text = cellText(labelColumn, i);
    if (text === null || text.trim() === "") continue;
    const number = parseNumberText(text);
    unseenOf.set(i, numericClasses && Number.isFinite(number) ? String(number) : text);
    keepList.push(i);
  }
  const unseenClasses = sortClasses([...new Set(unseenOf.values())]);
  const index = new Map(unseenClasses.map((c, k) => [c, K + k]));
  const truth = Int32Array.from(keepList, (i) => valid[i] ? y[i] : index.get(unseenOf.get(i)));
  return { keepList, truth, unseenClasses, unseenRows: unseenOf.size };
}
function withUnseenRows(matrix, extra) {
  const K = matrix.length;
  const worst = Array.from({ length: K }, (_, k) => Math.max(0, ...matrix.flatMap((row, t) => t === k ? [] : [row[k]])));
  return [
    ...matrix.map((row) => [...row, ...new Array(extra).fill(0)]),
    ...Array.from({ length: extra }, () => [...worst, ...new Array(extra).fill(0)])
  ];
}
var MAX_NUMERIC_SLICE_VALUES = 12;
function sliceValues(texts) {
  const numbers = texts.map((t) => t === null || t.trim() === "" ? Number.NaN : Number(t));
  const finite = numbers.filter((v) => Number.isFinite(v));
  const distinct = new Set(finite);
  if (finite.length < texts.filter((t) => t !== null).length || distinct.size <= MAX_NUMERIC_SLICE_VALUES) return texts;
  const sorted = Float64Array.from(finite).sort();
  const edges = [0.25, 0.5, 0.75].map((q) => sorted[Math.floor(q * (sorted.length - 1))]);
  const bounds = [.../* @__PURE__ */ new Set([sorted[0], ...edges, sorted[sorted.length - 1]])];
  const fmt2 = boundFormat(bounds);
  return numbers.map((v, i) => {
    if (!Number.isFinite(v)) return texts[i];
    let b = 0;
    while (b < bounds.length - 2 && v >= bounds[b + 1]) b++;
    const last = b === bounds.length - 2;
    return `[${fmt2(bounds[b])}, ${fmt2(bounds[b + 1])}${last ? "]" : ")"}`;
  });
}
function boundFormat(bounds) {
  const short2 = (x) => String(Number(x.toPrecision(4)));
  return new Set(bounds.map(short2)).size === bounds.length ? short2 : String;
}
function dropUndefined(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}

// src/app/evaluate.ts
function displayPath(path, base) {
  const rel = relative(base, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : basename(path);
}
function atCwd(io, path) {
  return isAbsolute(path) ? path : resolve2(io.cwd, path);
}
async function isDirectory(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
async function configFor(io, path) {
  if (path !== void 0) return loadConfig(atCwd(io, path));
  const implicit = join2(io.cwd, "mlops.yaml");
  try {
    await stat(implicit);
    return await loadConfig(implicit);
  } catch (error) {
    if (error instanceof InputError) throw error;
    return defaultConfig(io.cwd);
  }
}
async function resolveBaseline(io, value, stores) {
  const asPath = atCwd(io, value);
  if (await isDirectory(asPath)) return { dir: asPath };
  if (isModelRef(value)) {
    const resolved = await resolveModelRef(value, { cwd: io.cwd, env: io.env, ...referenceStores(io.env, stores) });
    return { dir: resolved.dir, ref: value, name: resolved.name, version: resolved.version };
  }
  throw new InputError(`baseline '${value}' is neither a model directory nor a registry reference (name@vX.Y.Z or name#stage)`, { key: "--baseline" });
}
async function readValidationReport(path, shownAs) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new InputError("validation report not found", { file: path, key: "--validation-report" });
  }
  try {
    const json = JSON.parse(text);
    return { path: shownAs, json: { valid: json.valid, rows: json.rows, errorCount: json.errorCount } };
  } catch {
    return { path: shownAs, markdown: text };
  }
}
function commentTarget(io) {
  const env = io.env;
  const token = env.INPUT_TOKEN || env.GITHUB_TOKEN;
  if (!token) return { why: "no GITHUB_TOKEN" };
  const context = env.GITHUB_REPOSITORY ? resolveRunContext(env) : void 0;
  if (context?.prNumber === void 0) return { why: "no pull request in this run" };
  return { token, context };
}
function stickyComment(io, target, name, identity) {
  const { token, context } = target;
  return {
    octokit: createOctokit({ token, env: io.env, log: { warn: (m) => io.stderr(`warning: ${m}
`) } }),
    options: {
      owner: context.owner,
      repo: context.repo,
      issueNumber: context.prNumber,
      kind: "evaluate",
      name,
      summaryUrl: context.runUrl,
      ...identity.authorLogin ? { authorLogin: identity.authorLogin } : {},
      ...identity.defaultToken !== void 0 ? { defaultToken: identity.defaultToken } : {}
    }
  };
}
async function publishComment(io, name, body, identity = {}) {
  const target = commentTarget(io);
  if ("why" in target) {
    const file = join2(io.cwd, ".mlops", "outbox", `evaluate-${name}.md`);
    await writeFileAtomic(file, body);
    return { message: `${target.why}: comment written to ${file}` };
  }
  const { octokit, options } = stickyComment(io, target, name, identity);
  const result = await upsertStickyComment(octokit, { ...options, body });
  const url = "url" in result ? result.url : void 0;
  return { message: `evaluate comment ${result.operation} on pull request #${target.context.prNumber}${url ? `: ${url}` : ""}`, ...url ? { url } : {} };
}
function outdatedNotice(reason, headSha) {
  const at = headSha ? ` at \`${headSha.slice(0, 7)}\`` : "";
  return `> [!WARNING]
> **Not evaluated${at}:** ${plainText(reason.replace(/\s+/g, " ").trim())}. The report below is of an earlier commit of this pull request; it is replaced when the pull request is evaluated again.`;
}
async function markCommentOutdated(io, name, reason, identity = {}) {
  const target = commentTarget(io);
  if ("why" in target) return { message: `${target.why}: no evaluation comment to mark` };
  const { octokit, options } = stickyComment(io, target, name, identity);
  const result = await markStickyComment(octokit, { ...options, notice: outdatedNotice(reason, target.context.sha) });
  if (result.operation === "skipped") return { message: `evaluation comment not marked: ${result.reason}` };
  return { message: `evaluation comment marked outdated (${result.operation}) on pull request #${target.context.prNumber}${result.url ? `: ${result.url}` : ""}`, ...result.url ? { url: result.url } : {} };
}
async function evaluateAndRender(io, options) {
  const config = options.config;
  if (options.resamples !== void 0) config.evaluate.bootstrap.resamples = options.resamples;
  if (options.seed !== void 0) config.evaluate.bootstrap.seed = options.seed;
  const candidateDir = atCwd(io, options.candidate);
  if (!await isDirectory(candidateDir)) throw new InputError("candidate model directory not found", { file: candidateDir, key: "--candidate" });
  const baseline = options.baseline !== void 0 ? await resolveBaseline(io, options.baseline, options.stores) : null;
  const validation = options.validationReport !== void 0 ? await readValidationReport(atCwd(io, options.validationReport), options.validationReport) : void 0;
  const report = await runEvaluation({
    config,
    candidateDir,
    baseline,
    ...options.data !== void 0 ? { dataPath: atCwd(io, options.data) } : {},
    latency: options.latency,
    ...options.latencyClock ? { latencyClock: options.latencyClock } : {},
    ...options.backend ? { backend: options.backend } : {},
    log: (m) => io.stderr(`${m}
`),
    env: io.env,
    cwd: io.cwd
  });
  const base = io.env.GITHUB_WORKSPACE ?? io.cwd;
  report.data.path = displayPath(report.data.path, base);
  report.candidate.model.dir = displayPath(report.candidate.model.dir, base);
  if (report.baseline) report.baseline.model.dir = displayPath(report.baseline.model.dir, base);
  let runUrl;
  let commit;
  if (io.env.GITHUB_REPOSITORY) {
    try {
      const ctx2 = resolveRunContext(io.env);
      runUrl = ctx2.runUrl;
      commit = ctx2.sha;
      report.run = { commit: ctx2.sha, ...ctx2.runUrl ? { runUrl: ctx2.runUrl } : {}, repository: `${ctx2.owner}/${ctx2.repo}`, ...ctx2.prNumber !== void 0 ? { pr: ctx2.prNumber } : {} };
    } catch {
    }
  }
  if (validation) report.validation = { path: validation.path, ...validation.json ? { valid: validation.json.valid } : {} };
  if (baseline === null && options.noBaseline !== void 0) report.noBaseline = options.noBaseline;
  const ctx = { ...runUrl ? { runUrl } : {}, ...commit ? { commit } : {}, ...validation ? { validation } : {} };
  const comment = renderEvaluationReport(report, { ...ctx, ...options.fullReportAt ? { fullReportAt: options.fullReportAt(runUrl) } : {} });
  return { report, markdown: renderFullEvaluationReport(report, ctx), comment };
}
function jsonSafe(_key, value) {
  return typeof value === "number" && !Number.isFinite(value) ? null : value;
}

export {
  atCwd,
  configFor,
  publishComment,
  markCommentOutdated,
  evaluateAndRender,
  jsonSafe
};
