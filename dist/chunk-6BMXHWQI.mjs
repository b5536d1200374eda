import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  displayPath
} from "./chunk-JE3GIHDP.mjs";
import {
  assertDistinctSources,
  categoricalCounts,
  readProfile
} from "./chunk-JQF754KU.mjs";
import {
  chiSquareSf,
  logBinomial,
  logGamma,
  normalSf
} from "./chunk-ENN463DG.mjs";
import {
  GitError,
  isModelRef,
  referenceStores,
  resolveModelRef,
  runGit
} from "./chunk-3IUHIRSR.mjs";
import {
  TITLE_LIMIT,
  cutText,
  dispatchWorkflow,
  fitTitle,
  oneLine,
  openOrUpdatePullRequest,
  withGitHubError
} from "./chunk-BIZBUEHE.mjs";
import {
  formatNumber,
  formatPercent
} from "./chunk-FGDYCVTY.mjs";
import {
  alert,
  details,
  inlineCode,
  table,
  xyChart
} from "./chunk-P5IS7C6Z.mjs";
import {
  DEFAULT_SAMPLE_SIZE,
  createProfiler,
  detectType,
  distinctEstimate,
  hashFileInPool,
  mergeProfiles,
  profileFile,
  sketchCdf,
  sketchEpsilon,
  sketchQuantile,
  sketchRank
} from "./chunk-KF6L3SPS.mjs";
import {
  configLocation,
  locateConfigError,
  productionRef
} from "./chunk-D3J2R3HR.mjs";
import {
  dataReadOptions,
  loadSchema,
  positionOf
} from "./chunk-EAMZTAYM.mjs";
import {
  detectFormat,
  expandDataPaths,
  openTable
} from "./chunk-VFQYOCDE.mjs";
import {
  plural
} from "./chunk-LVCVLYC2.mjs";
import {
  DEFAULT_THRESHOLDS,
  METHODS_FOR_KIND,
  MIN_CRAMERS_V,
  MIN_KS_STATISTIC,
  MIN_NULL_RATE_CHANGE,
  MIN_SAMPLE,
  NULL_RATE_ALPHA,
  P_VALUE_METHODS,
  TOP_CATEGORIES,
  defaultMethod,
  driftMethodNamed,
  exceeds,
  unknownDriftMethodMessage
} from "./chunk-C65ARSH5.mjs";
import {
  countLines,
  readHead
} from "./chunk-M6T65NKY.mjs";
import {
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-HY2LPEBQ.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/drift/report.ts
var METHOD_LABEL = {
  ks: "Kolmogorov\u2013Smirnov p",
  chisquare: "chi-square p",
  ztest: "two-proportion z p",
  wasserstein: "Wasserstein (norm.)",
  jensenshannon: "Jensen\u2013Shannon",
  psi: "PSI",
  hellinger: "Hellinger"
};
function verdictCell(c) {
  if (c.status === "insufficient data") return `insufficient data${c.insufficient ? ` (${c.insufficient})` : ""}`;
  if (!c.drifted) return "ok";
  return `**drift** (${c.reasons.join(", ")})${c.critical ? " \xB7 critical" : ""}`;
}
function scoreCell(c) {
  if (!Number.isFinite(c.score)) return "\u2014";
  const comparator = P_VALUE_METHODS.has(c.method) ? "<" : "\u2265";
  return `${formatNumber(c.score, 3)} (drift if ${comparator} ${formatNumber(c.threshold, 3)})`;
}
function nullCell(c) {
  const text = `${formatPercent(c.nulls.reference)} \u2192 ${formatPercent(c.nulls.current)}`;
  const cell = c.nulls.drifted ? `**${text}**` : text;
  const other = c.nonNumeric;
  if (!other || other.reference === 0 && other.current === 0) return cell;
  const shares = `not numbers ${formatPercent(other.reference)} \u2192 ${formatPercent(other.current)}`;
  return `${cell}; ${other.drifted ? `**${shares}**` : shares}`;
}
function renderDriftMarkdown(report, options = {}) {
  const parts = [];
  parts.push(`## ${options.title ?? "Data drift"}
`);
  const unjudged = insufficientColumns(report);
  const summary = `${report.driftedColumns} of ${report.evaluatedColumns} features drifted (share ${formatPercent(report.share)}; dataset drift at ${formatPercent(report.datasetShare)})${unjudged ? `; ${unjudged} with insufficient data` : ""}`;
  if (report.drifted) {
    const critical = report.criticalDrifted.length ? ` Critical features drifted: ${report.criticalDrifted.map((n) => inlineCode(n)).join(", ")}.` : "";
    parts.push(alert("WARNING", `**Dataset drift detected**: ${summary}.${critical} Retraining is recommended.`));
  } else if (nothingJudged(report)) {
    parts.push(alert("CAUTION", `**Insufficient data**: none of the ${unjudged} features could be compared (fewer than ${MIN_SAMPLE} values on a side, or profile samples too small). This is not a verdict of no drift: check that the current window holds data.`));
  } else {
    parts.push(alert("NOTE", `**No dataset drift**: ${summary}.`));
  }
  const missing = report.missingFeatures;
  if (missing.length) {
    const one = missing.length === 1;
    parts.push(alert("WARNING", `**Missing from the current data**: ${missing.map((n) => inlineCode(n)).join(", ")} ${one ? "is" : "are"} in the reference but not in the current data, so ${one ? "it was" : "they were"} not compared. If the model uses ${one ? "it" : "them"}, the data pipeline is broken.`));
  }
  parts.push(`Reference: ${options.referenceLabel ?? "reference"} (${plural(report.reference.rows, "row")}) \xB7 Current: ${options.currentLabel ?? "current"} (${plural(report.current.rows, "row")})
`);
  const rows = report.columns.map((c) => [
    inlineCode(c.name),
    c.type,
    METHOD_LABEL[c.method] ?? c.method,
    scoreCell(c),
    verdictCell(c),
    `${c.nRef} / ${c.nCur}`,
    nullCell(c),
    c.contributor === void 0 ? "" : c.type === "categorical" ? inlineCode(c.contributor) : c.contributor
  ]);
  parts.push(table([["Feature", "Type", "Method", "Score", "Verdict", "n ref / cur", "Nulls", "Most changed"], ...rows], ["l", "l", "l", "r", "l", "r", "r", "l"]));
  const charted = report.columns.filter((c) => c.drifted && c.type === "numeric" && c.bins.labels.length > 1).slice(0, 3);
  for (const c of charted) {
    parts.push(xyChart({
      title: `${c.name}: share per reference decile`,
      xLabels: c.bins.labels,
      yLabel: "share",
      series: [
        { name: "reference", kind: "bar", values: c.bins.reference },
        { name: "current", kind: "line", values: c.bins.current }
      ]
    }));
  }
  const categoryNotes = report.columns.filter((c) => c.newCategories?.length || c.vanishedCategories?.length).map((c) => {
    const bits = [];
    if (c.newCategories?.length) bits.push(`new: ${c.newCategories.map((v) => inlineCode(v)).join(", ")}`);
    if (c.vanishedCategories?.length) bits.push(`vanished: ${c.vanishedCategories.map((v) => inlineCode(v)).join(", ")}`);
    return `- ${inlineCode(c.name)}: ${bits.join("; ")}`;
  });
  if (categoryNotes.length) parts.push(details("Categories that appeared or vanished", categoryNotes.join("\n")));
  const evidence = report.columns.filter((c) => c.effect || c.pValue !== void 0).map((c) => `- ${inlineCode(c.name)}: ${c.method} statistic ${formatNumber(c.statistic ?? Number.NaN, 4)}, p = ${formatNumber(c.pValue ?? Number.NaN, 3)}` + (c.effect ? `, ${c.effect.name} = ${formatNumber(c.effect.value, 3)} (floor ${c.effect.floor})` : "") + `, PSI ${formatNumber(c.psi, 3)}`);
  if (evidence.length) parts.push(details("Test statistics and effect sizes", evidence.join("\n")));
  const approximate = report.columns.filter((c) => c.approximate).map((c) => `- ${inlineCode(c.name)}: ${c.method} ${formatNumber(c.score, 3)} ${c.approximate}`);
  if (approximate.length) parts.push(details("Scores computed from sketches", approximate.join("\n")));
  const skipped = [];
  const because = { timestamp: "dates/timestamps move with time", identifier: "identifier-like: almost every value distinct" };
  for (const reason of ["timestamp", "identifier"]) {
    const names = report.skippedColumns.filter((c) => c.reason === reason).map((c) => inlineCode(c.name));
    if (names.length) skipped.push(`- ${because[reason]}: ${names.join(", ")} (list them in \`features\` or give them a \`drift\` override to compare them)`);
  }
  if (report.onlyInReference.length) skipped.push(`- only in the reference: ${report.onlyInReference.map((n) => inlineCode(n)).join(", ")}`);
  if (report.onlyInCurrent.length) skipped.push(`- only in the current data: ${report.onlyInCurrent.map((n) => inlineCode(n)).join(", ")}`);
  if (skipped.length) parts.push(details("Columns not compared", skipped.join("\n")));
  parts.push(details("How drift is decided", [
    "Up to 1,000 rows in the smaller sample: Kolmogorov\u2013Smirnov (numeric) and chi-square / two-proportion z (categorical), drift when p < 0.05 and the effect size passes its floor (KS D \u2265 0.05, Cram\xE9r's V \u2265 0.05).",
    "Both samples larger: Wasserstein distance normalised by the reference standard deviation (numeric) and Jensen\u2013Shannon distance, natural log (categorical), drift when \u2265 0.1.",
    'A null-rate change of at least 5 points (p < 0.05, on 30 rows or more a side) is drift on its own, and so is such a change in the share of numeric cells that hold text instead of a number (`NA`, `-`, `NaN`). Fewer than 30 values on either side (or in the profiles\' samples, for the sample-based tests) is "insufficient data". Categoricals compare their top 20 values plus "other".'
  ].join("\n\n")));
  if (options.footer) parts.push(`
${options.footer}
`);
  return `${parts.join("\n")}`;
}
function insufficientColumns(report) {
  return report.columns.filter((c) => c.status === "insufficient data").length;
}
function nothingJudged(report) {
  return report.evaluatedColumns === 0 && report.columns.length > 0;
}
function driftHeadline(report) {
  const drifted = report.columns.filter((c) => c.drifted).map((c) => c.name);
  if (nothingJudged(report)) {
    return `insufficient data: none of ${insufficientColumns(report)} features could be compared (fewer than ${MIN_SAMPLE} values on a side); not a verdict of no drift`;
  }
  const missing = report.missingFeatures.length ? `; missing from the current data: ${report.missingFeatures.join(", ")}` : "";
  return report.drifted ? `dataset drift: ${report.driftedColumns}/${report.evaluatedColumns} features drifted (${drifted.join(", ")})${missing}` : `no dataset drift: ${report.driftedColumns}/${report.evaluatedColumns} features drifted${drifted.length ? ` (${drifted.join(", ")})` : ""}${missing}`;
}
function driftJson(report) {
  return {
    drifted: report.drifted,
    share: report.share,
    datasetShare: report.datasetShare,
    evaluatedColumns: report.evaluatedColumns,
    driftedColumns: report.driftedColumns,
    criticalDrifted: report.criticalDrifted,
    columns: report.columns.map((c) => ({
      name: c.name,
      type: c.type,
      method: c.method,
      score: Number.isFinite(c.score) ? c.score : null,
      threshold: c.threshold,
      drifted: c.drifted,
      ...c.pValue !== void 0 ? { pValue: c.pValue } : {},
      nRef: c.nRef,
      nCur: c.nCur,
      status: c.status,
      ...c.insufficient !== void 0 ? { insufficient: c.insufficient } : {},
      reasons: c.reasons,
      ...c.statistic !== void 0 ? { statistic: c.statistic } : {},
      ...c.effect ? { effect: c.effect } : {},
      psi: Number.isFinite(c.psi) ? c.psi : null,
      nulls: c.nulls,
      ...c.nonNumeric ? { nonNumeric: c.nonNumeric } : {},
      ...c.contributor !== void 0 ? { contributor: c.contributor } : {},
      ...c.approximate !== void 0 ? { approximate: c.approximate } : {},
      ...c.newCategories ? { newCategories: c.newCategories } : {},
      ...c.vanishedCategories ? { vanishedCategories: c.vanishedCategories } : {},
      critical: c.critical
    })),
    skippedColumns: report.skippedColumns,
    onlyInReference: report.onlyInReference,
    missingFeatures: report.missingFeatures,
    onlyInCurrent: report.onlyInCurrent,
    reference: report.reference,
    current: report.current
  };
}

// src/app/drift.ts
import { isAbsolute as isAbsolute3, join as join4, resolve as resolve3 } from "node:path";

// src/drift/check.ts
import { stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";

// src/drift/ks.ts
var MAX_EXACT_N = 1e4;
function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}
function sortedFinite(values) {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[n++] = values[i];
  return out.subarray(0, n).sort();
}
function ksStatistic(a, b) {
  let i = 0;
  let j = 0;
  let best = 0;
  let location = Number.NaN;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || i < a.length && a[i] <= b[j] ? a[i] : b[j];
    while (i < a.length && a[i] === v) i++;
    while (j < b.length && b[j] === v) j++;
    const diff = Math.abs(i / a.length - j / b.length);
    if (diff > best) {
      best = diff;
      location = v;
    }
  }
  return { statistic: best, location };
}
function exactEqualSizes(n, h) {
  let tail = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ratio * (n - k * h - j) / (n + k * h + j + 1);
    tail = ratio * (1 - tail);
  }
  return 2 * tail;
}
function exactUnequalSizes(m, n, g, h) {
  const bound = h * g;
  const inside = (x, y) => Math.abs(n * x - m * y) < bound;
  let row = new Float64Array(n + 1);
  let next = new Float64Array(n + 1);
  let outside = 0;
  row[0] = 1;
  for (let y = 1; y <= n; y++) {
    const step = row[y - 1] * (n - y + 1) / (m + n - y + 1);
    if (inside(0, y)) row[y] = step;
    else {
      outside += step;
      for (let rest = y; rest <= n; rest++) row[rest] = 0;
      break;
    }
  }
  let prevLow = 0;
  let prevHigh = n;
  for (let x = 1; x <= m; x++) {
    next.fill(0);
    for (let y = prevLow; y <= prevHigh; y++) {
      if (row[y] !== 0 && !inside(x, y)) outside += row[y] * (m - x + 1) / (m + n - x - y + 1);
    }
    const yLow = Math.max(0, Math.floor((n * x - bound) / m) + 1);
    const yHigh = Math.min(n, Math.ceil((n * x + bound) / m) - 1);
    for (let y = yLow; y <= yHigh; y++) {
      if (!inside(x, y)) continue;
      const remaining = m + n - x - y + 1;
      let p = row[y] * (m - x + 1) / remaining;
      if (y > 0) p += next[y - 1] * (n - y + 1) / remaining;
      next[y] = p;
    }
    if (yHigh >= yLow && yHigh < n && next[yHigh] !== 0 && !inside(x, yHigh + 1)) {
      outside += next[yHigh] * (n - yHigh) / (m + n - x - yHigh);
    }
    prevLow = yLow;
    prevHigh = yHigh;
    [row, next] = [next, row];
  }
  return outside;
}
function smirnovSf(n, x) {
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  const jMax = Math.floor(n * (1 - x));
  let sum = 0;
  for (let j = 0; j <= jMax; j++) {
    const a = 1 - x - j / n;
    const b = x + j / n;
    const logTerm = logBinomial(n, j) + (n - j) * Math.log(a) + (j - 1) * Math.log(b);
    if (a <= 0) continue;
    sum += Math.exp(logTerm);
  }
  return Math.min(1, Math.max(0, x * sum));
}
function kolmogorovCdfDurbin(n, d) {
  const nd = n * d;
  if (d >= 1) return 1;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const H = new Float64Array(m * m);
  const invFactorial = new Float64Array(m + 1);
  invFactorial[0] = 1;
  for (let i = 1; i <= m; i++) invFactorial[i] = invFactorial[i - 1] / i;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) if (i - j + 1 >= 0) H[i * m + j] = invFactorial[i - j + 1];
  }
  for (let i = 0; i < m; i++) {
    H[i * m] = (1 - h ** (i + 1)) * invFactorial[i + 1];
    H[(m - 1) * m + (m - 1 - i)] = (1 - h ** (i + 1)) * invFactorial[i + 1];
  }
  H[(m - 1) * m] = (1 - 2 * h ** m + Math.max(0, 2 * h - 1) ** m) * invFactorial[m];
  const multiply = (A, B) => {
    const C = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      for (let l = 0; l < m; l++) {
        const a = A[i * m + l];
        if (a === 0) continue;
        for (let j = 0; j < m; j++) C[i * m + j] += a * B[l * m + j];
      }
    }
    return C;
  };
  let power = new Float64Array(m * m);
  for (let i = 0; i < m; i++) power[i * m + i] = 1;
  let base = H;
  let powerExp = 0;
  let baseExp = 0;
  for (let e = n; e > 0; e = Math.floor(e / 2)) {
    if (e % 2) {
      power = multiply(power, base);
      powerExp += baseExp;
    }
    base = multiply(base, base);
    baseExp *= 2;
    const centre = Math.abs(base[(k - 1) * m + (k - 1)]);
    if (centre > 2 ** 128) {
      for (let i = 0; i < base.length; i++) base[i] /= 2 ** 128;
      baseExp += 128;
    }
  }
  let p = power[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = i * p / n;
    if (Math.abs(p) < 2 ** -128) {
      p *= 2 ** 128;
      powerExp -= 128;
    }
  }
  return p * 2 ** powerExp;
}
function kolmogorovCdfPelzGood(n, x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const pi2 = Math.PI ** 2;
  const pi4 = pi2 * pi2;
  const pi6 = pi4 * pi2;
  const logQ = -pi2 / 8 / z2;
  if (logQ < Math.log(Number.MIN_VALUE) + 1) return 0;
  const sqrt2pi = Math.sqrt(2 * Math.PI);
  const kMax = Math.ceil(16 * z / Math.PI);
  const terms = [0, 0, 0, 0];
  for (let k = 1; k <= kMax; k++) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const w = Math.exp(logQ * m2);
    terms[0] += w;
    terms[1] += w * (-z2 + pi2 / 4 * m2);
    terms[2] += w * (6 * z6 + 2 * z4 + (2 * z4 - 5 * z2) * pi2 * m2 / 4 + pi4 * (1 - 2 * z2) * m2 * m2 / 16);
    terms[3] += w * (-30 * z6 - 90 * z6 * z2 + pi2 * (135 * z4 - 96 * z6) * m2 / 4 + pi4 * (-60 * z2 + 212 * z4) * m2 * m2 / 16 + pi6 * (5 - 30 * z2) * m2 * m2 * m2 / 64);
  }
  const k0 = sqrt2pi * terms[0] / z;
  const k1 = sqrt2pi * terms[1] / (6 * z4);
  let k2 = sqrt2pi * terms[2] / (72 * z6 * z);
  let k3 = sqrt2pi * terms[3] / (6480 * z6 * z4);
  let s2 = 0;
  let s3 = 0;
  for (let k = 1; k <= kMax; k++) {
    const w = Math.exp(-pi2 / 2 / z2 * k * k);
    s2 += k * k * w;
    const a = Math.sqrt(3) * z;
    s3 += (a + Math.PI * k) * (a - Math.PI * k) * k * k * w;
  }
  k2 += s2 * pi2 * sqrt2pi / (-36 * z2 * z);
  k3 += s3 * pi2 * sqrt2pi / (216 * z6);
  return k0 + k1 / Math.sqrt(n) + k2 / n + k3 / (n * Math.sqrt(n));
}
function kolmogorovSf(n, x) {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    const logCdf = logGamma(n + 1) - n * Math.log(n) + n * Math.log(2 * t - 1);
    return clip(1 - Math.exp(logCdf));
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 4) return clip(1 - kolmogorovCdfDurbin(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  const cdf = n <= 1e5 && n * x ** 1.5 <= 1.4 ? kolmogorovCdfDurbin(n, x) : kolmogorovCdfPelzGood(n, x);
  return clip(1 - cdf);
}
function clip(p) {
  return Math.min(1, Math.max(0, p));
}
function ks2Samp(sample1, sample2) {
  const a = sortedFinite(sample1);
  const b = sortedFinite(sample2);
  if (a.length === 0 || b.length === 0) return { statistic: 0, pValue: 1, method: "exact", location: Number.NaN };
  const { statistic, location } = ksStatistic(a, b);
  const n1 = a.length;
  const n2 = b.length;
  if (Math.max(n1, n2) <= MAX_EXACT_N) {
    const g = gcd(n1, n2);
    const lcm = n1 / g * n2;
    const h = Math.round(statistic * lcm);
    if (h === 0) return { statistic: 0, pValue: 1, method: "exact", location };
    const p = n1 === n2 ? exactEqualSizes(n1, h) : exactUnequalSizes(Math.max(n1, n2), Math.min(n1, n2), g, h);
    if (Number.isFinite(p) && p >= -1e-12 && p <= 1 + 1e-12) return { statistic: h / lcm, pValue: clip(p), method: "exact", location };
  }
  const big = Math.max(n1, n2);
  const small = Math.min(n1, n2);
  const effective = Math.round(big * small / (big + small));
  return { statistic, pValue: kolmogorovSf(effective, statistic), method: "asymptotic", location };
}

// src/drift/tests.ts
function chiSquareHomogeneity(reference, current) {
  const keep = [];
  for (let i = 0; i < reference.length; i++) if (reference[i] + current[i] > 0) keep.push(i);
  const dof = keep.length - 1;
  const nRef = keep.reduce((s, i) => s + reference[i], 0);
  const nCur = keep.reduce((s, i) => s + current[i], 0);
  const total = nRef + nCur;
  if (dof < 1 || nRef === 0 || nCur === 0) return { statistic: 0, pValue: 1, dof: Math.max(dof, 0) };
  let statistic = 0;
  for (const i of keep) {
    const colTotal = reference[i] + current[i];
    for (const [observed, rowTotal] of [[reference[i], nRef], [current[i], nCur]]) {
      const expected = rowTotal * colTotal / total;
      let diff = Math.abs(observed - expected);
      if (dof === 1) diff = Math.max(0, diff - Math.min(0.5, diff));
      statistic += diff * diff / expected;
    }
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof };
}
var MIN_EXPECTED_COUNT = 5;
function poolSparseCategories(reference, current, minExpected = MIN_EXPECTED_COUNT) {
  const nRef = reference.reduce((a, b) => a + b, 0);
  const nCur = current.reduce((a, b) => a + b, 0);
  const total = nRef + nCur;
  if (nRef === 0 || nCur === 0) return { reference, current };
  const smallerSide = Math.min(nRef, nCur);
  const sparse = (columnTotal) => smallerSide * columnTotal / total < minExpected;
  const ref = [];
  const cur = [];
  let poolRef = 0;
  let poolCur = 0;
  for (let i = 0; i < reference.length; i++) {
    const t = reference[i] + current[i];
    if (t === 0) continue;
    if (sparse(t)) {
      poolRef += reference[i];
      poolCur += current[i];
    } else {
      ref.push(reference[i]);
      cur.push(current[i]);
    }
  }
  if (poolRef + poolCur > 0) {
    if (!sparse(poolRef + poolCur) || ref.length === 0) {
      ref.push(poolRef);
      cur.push(poolCur);
    } else {
      let smallest = 0;
      for (let j = 1; j < ref.length; j++) if (ref[j] + cur[j] < ref[smallest] + cur[smallest]) smallest = j;
      ref[smallest] += poolRef;
      cur[smallest] += poolCur;
    }
  }
  return { reference: ref, current: cur };
}
function twoProportionZ(hitsRef, nRef, hitsCur, nCur) {
  if (nRef === 0 || nCur === 0) return { statistic: 0, pValue: 1 };
  const pooled = (hitsRef + hitsCur) / (nRef + nCur);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nRef + 1 / nCur));
  if (se === 0) return { statistic: 0, pValue: 1 };
  const z = (hitsCur / nCur - hitsRef / nRef) / se;
  return { statistic: z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}
var PSI_EPSILON = 1e-4;
function psi(referenceShares, currentShares) {
  let sum = 0;
  for (let i = 0; i < referenceShares.length; i++) {
    const r = Math.max(referenceShares[i], PSI_EPSILON);
    const c = Math.max(currentShares[i], PSI_EPSILON);
    sum += (c - r) * Math.log(c / r);
  }
  return sum;
}
function quantileSorted(sorted, q) {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function decileEdges(sortedReference) {
  const edges = [];
  for (let i = 1; i < 10; i++) {
    const e = quantileSorted(sortedReference, i / 10);
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  return edges;
}
function binIndex(edges, value) {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (edges[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function binShares(edges, values) {
  const counts = new Array(edges.length + 1).fill(0);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    counts[binIndex(edges, values[i])]++;
    n++;
  }
  return counts.map((c) => n ? c / n : 0);
}
function wasserstein1(u, v) {
  const a = Float64Array.from(u).sort();
  const b = Float64Array.from(v).sort();
  if (a.length === 0 || b.length === 0) return Number.NaN;
  let i = 0;
  let j = 0;
  let prev = Math.min(a[0], b[0]);
  let total = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || i < a.length && a[i] <= b[j] ? a[i] : b[j];
    total += Math.abs(i / a.length - j / b.length) * (x - prev);
    prev = x;
    while (i < a.length && a[i] === x) i++;
    while (j < b.length && b[j] === x) j++;
  }
  return total;
}
function normalise(p) {
  const s = p.reduce((a, b) => a + b, 0);
  return s > 0 ? p.map((x) => x / s) : p.map(() => 0);
}
function jensenShannon(p, q) {
  const a = normalise(p);
  const b = normalise(q);
  let divergence = 0;
  for (let i = 0; i < a.length; i++) {
    const m = (a[i] + b[i]) / 2;
    if (a[i] > 0) divergence += 0.5 * a[i] * Math.log(a[i] / m);
    if (b[i] > 0) divergence += 0.5 * b[i] * Math.log(b[i] / m);
  }
  return Math.sqrt(Math.max(0, divergence));
}
function hellinger(p, q) {
  const a = normalise(p);
  const b = normalise(q);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (Math.sqrt(a[i]) - Math.sqrt(b[i])) ** 2;
  return Math.sqrt(sum / 2);
}

// src/drift/engine.ts
var MIN_IDENTIFIER_ROWS = 100;
function skipReason(c) {
  const n = nonNull(c);
  if (n === 0) return null;
  if (c.types.date + c.types.datetime >= 0.5 * n) return "timestamp";
  if (n < MIN_IDENTIFIER_ROWS) return null;
  const distinct = distinctEstimate(c.distinct);
  if (distinct < 0.95 * n) return null;
  if (columnKind(c) === "categorical" && c.types.string >= 0.95 * n) return "identifier";
  const m = c.numeric;
  if (m !== null && c.types.integer >= 0.95 * n && m.max - m.min + 1 <= 1.5 * n) return "identifier";
  return null;
}
function selectColumns(reference, currentColumns, options = {}) {
  const refByName = new Map(reference.columns.map((c) => [c.name, c]));
  const inReference = new Set(options.referenceColumns ?? refByName.keys());
  const inCurrent = new Set(currentColumns);
  const exclude = new Set(options.exclude ?? []);
  const overrides = new Set((options.overrides ?? []).map((o) => o.name));
  if (Array.isArray(options.features)) {
    const features = [...new Set(options.features)];
    for (const name of features) {
      if (!inReference.has(name)) throw new InputError(`feature '${name}' is not in the reference data`, { key: name });
      if (!inCurrent.has(name)) throw new InputError(`feature '${name}' is not in the current data`, { key: name });
    }
    return { names: features, skippedColumns: [] };
  }
  const skippedColumns = [];
  const names = reference.columns.map((c) => c.name).filter((n) => {
    if (!inCurrent.has(n) || exclude.has(n)) return false;
    const reason = overrides.has(n) ? null : skipReason(refByName.get(n));
    if (reason !== null) skippedColumns.push({ name: n, reason });
    return reason === null;
  });
  return { names, skippedColumns };
}
var nonNull = (c) => c.count - c.nulls;
function numericCount(c) {
  return c.numeric?.count ?? 0;
}
var MAX_PLACEHOLDERS = 3;
var PLACEHOLDER = /^(?:n\/?a|nan|null|none|nil|missing|unknown|-+|\?+|\.|#n\/?a|[-+]?inf(?:inity)?)$/i;
function holdsNumbers(c) {
  const n = nonNull(c);
  if (n === 0 || c.numeric === null) return false;
  const numbers = numericCount(c);
  if (numbers >= 0.95 * n) return true;
  if (numbers < 0.5 * n) return false;
  let texts = 0;
  let covered = 0;
  for (const item of c.topK.items) {
    const value = detectType(item.value).value;
    if (value !== null && Number.isFinite(value)) continue;
    if (++texts > MAX_PLACEHOLDERS || !PLACEHOLDER.test(item.value.trim())) return false;
    covered += item.count;
  }
  return texts > 0 && covered >= n - numbers;
}
function columnKind(c) {
  if (!holdsNumbers(c)) return "categorical";
  const onlyIntegers = c.types.integer >= numericCount(c);
  return onlyIntegers && distinctEstimate(c.distinct) <= 10 ? "categorical" : "numeric";
}
function sampleIsComplete(c) {
  return c.sample.seen <= c.sample.capacity;
}
function numericSample(c) {
  const out = [];
  for (const v of c.sample.values) {
    const x = typeof v === "number" ? v : detectType(v).value;
    if (Number.isFinite(x)) out.push(x);
  }
  return Float64Array.from(out);
}
function populationStd(c) {
  const m = c.numeric;
  return m && m.count > 0 ? Math.sqrt(m.m2 / m.count) : 0;
}
function formatEdge(x) {
  return Number.isInteger(x) ? String(x) : x.toPrecision(4).replace(/\.?0+$/, "");
}
function nextUp(x) {
  const bits = new BigInt64Array(Float64Array.of(x).buffer);
  bits[0] += x > 0 ? 1n : -1n;
  return new Float64Array(bits.buffer)[0];
}
function nextDown(x) {
  if (x === 0) return -Number.MIN_VALUE;
  const bits = new BigInt64Array(Float64Array.of(x).buffer);
  bits[0] += x > 0 ? -1n : 1n;
  return new Float64Array(bits.buffer)[0];
}
function decileBins(ref, cur, refSample, curSample) {
  const exact = sampleIsComplete(ref) && sampleIsComplete(cur);
  let edges;
  let reference;
  let current;
  let below = false;
  if (exact || !ref.numeric || !cur.numeric) {
    const sorted = Float64Array.from(refSample).sort();
    edges = decileEdges(sorted);
    if (edges.length > 0 && edges[0] <= sorted[0]) {
      edges.unshift(nextDown(sorted[0]));
      below = true;
    }
    reference = binShares(edges, refSample);
    current = binShares(edges, curSample);
  } else {
    edges = [];
    for (let i = 1; i < 10; i++) {
      const e = sketchQuantile(ref.numeric.sketch, i / 10);
      if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
    }
    if (edges.length > 0 && edges[0] <= ref.numeric.min) {
      edges.unshift(nextDown(ref.numeric.min));
      below = true;
    }
    const shares = (sketch) => {
      const cdf = edges.map((e) => sketchRank(sketch, e));
      return [...cdf, 1].map((v, i) => v - (i === 0 ? 0 : cdf[i - 1]));
    };
    reference = shares(ref.numeric.sketch);
    current = shares(cur.numeric.sketch);
  }
  const min = below ? nextUp(edges[0]) : Number.NaN;
  const labels = [...edges, Number.POSITIVE_INFINITY].map((e, i) => {
    if (i === 0) return below ? `< ${formatEdge(min)}` : `\u2264 ${formatEdge(e)}`;
    if (i === edges.length) return `> ${formatEdge(edges[i - 1])}`;
    const from = below && i === 1 ? min : edges[i - 1];
    return from === e ? `= ${formatEdge(e)}` : `${formatEdge(from)} \u2013 ${formatEdge(e)}`;
  });
  return { labels, reference, current, edges };
}
function sketchWasserstein(ref, cur) {
  const a = sketchCdf(ref.numeric.sketch);
  const b = sketchCdf(cur.numeric.sketch);
  if (a.n === 0 || b.n === 0) return Number.NaN;
  let i = 0;
  let j = 0;
  let fa = 0;
  let fb = 0;
  let x = Math.min(a.values[0], b.values[0]);
  let sum = 0;
  while (i < a.values.length || j < b.values.length) {
    const next = Math.min(i < a.values.length ? a.values[i] : Number.POSITIVE_INFINITY, j < b.values.length ? b.values[j] : Number.POSITIVE_INFINITY);
    sum += Math.abs(fa - fb) * (next - x);
    x = next;
    while (i < a.values.length && a.values[i] === x) fa = a.cumulative[i++] / a.n;
    while (j < b.values.length && b.values[j] === x) fb = b.cumulative[j++] / b.n;
  }
  return sum;
}
function categoryKeyOf(ref) {
  if (holdsNumbers(ref)) {
    return (text) => {
      const value = detectType(text).value;
      return value !== null && Number.isFinite(value) ? String(value) : text;
    };
  }
  if (nonNull(ref) > 0 && ref.types.boolean >= 0.95 * nonNull(ref)) {
    return (text) => detectType(text).type === "boolean" ? text.toLowerCase() : text;
  }
  return (text) => text;
}
function categoryCounts(c, key) {
  const counts = /* @__PURE__ */ new Map();
  for (const [text, count] of categoricalCounts(c).counts) {
    const k = key(text);
    counts.set(k, (counts.get(k) ?? 0) + count);
  }
  return counts;
}
function knownDistinct(c, key) {
  return c.distinct.values ? new Set(c.distinct.values.map(key)) : null;
}
function newCategoriesOf(refKnown, curCounts, sample, key) {
  const out = [];
  const add = (value) => {
    if (out.length < 10 && !refKnown.has(value) && !out.includes(value)) out.push(value);
  };
  for (const value of curCounts.keys()) add(value);
  let refNumbers = null;
  for (const value of sample) {
    if (out.length >= 10) break;
    if (typeof value === "string") add(key(value));
    else {
      refNumbers ??= new Set([...refKnown].map(Number).filter(Number.isFinite));
      if (!refNumbers.has(value)) add(String(value));
    }
  }
  return out;
}
function sketchNote(ref, cur) {
  const eps = Math.max(sketchEpsilon(ref.numeric.sketch), sketchEpsilon(cur.numeric.sketch));
  return `from the profiles' quantile sketches (rank error \xB1${(100 * eps).toFixed(2)}% of values)`;
}
function compareNumeric(ref, cur, method, threshold) {
  const refSample = numericSample(ref);
  const curSample = numericSample(cur);
  const bins = decileBins(ref, cur, refSample, curSample);
  const psiValue = psi(bins.reference, bins.current);
  let worst = 0;
  let contributor;
  bins.reference.forEach((r, i) => {
    const part = Math.abs(bins.current[i] - r);
    if (part > worst) {
      worst = part;
      contributor = bins.labels[i];
    }
  });
  const base = { psi: psiValue, contributor, bins };
  const exact = sampleIsComplete(ref) && sampleIsComplete(cur);
  const binsNote = exact ? {} : { approximate: sketchNote(ref, cur) };
  switch (method) {
    case "ks": {
      const r = ks2Samp(refSample, curSample);
      const effect = { name: "D", value: r.statistic, floor: MIN_KS_STATISTIC };
      return {
        ...base,
        method,
        score: r.pValue,
        pValue: r.pValue,
        statistic: r.statistic,
        effect,
        distributionDrift: r.pValue < threshold && r.statistic >= MIN_KS_STATISTIC
      };
    }
    case "wasserstein": {
      const distance = exact ? wasserstein1(refSample, curSample) : sketchWasserstein(ref, cur);
      const scale = populationStd(ref) || populationStd(cur);
      const score = scale > 0 ? distance / scale : distance > 0 ? 1 : 0;
      return { ...base, method, score, distributionDrift: exceeds(method, score, threshold), ...binsNote };
    }
    case "psi":
      return { ...base, method, score: psiValue, distributionDrift: psiValue >= threshold, ...binsNote };
    case "jensenshannon":
    case "hellinger": {
      const score = method === "hellinger" ? hellinger(bins.reference, bins.current) : jensenShannon(bins.reference, bins.current);
      return { ...base, method, score, distributionDrift: score >= threshold, ...binsNote };
    }
    case "chisquare": {
      const nR = refSample.length;
      const nC = curSample.length;
      const pooled = poolSparseCategories(bins.reference.map((s) => s * nR), bins.current.map((s) => s * nC));
      const r = chiSquareHomogeneity(pooled.reference, pooled.current);
      const v = Math.sqrt(r.statistic / (nR + nC));
      return {
        ...base,
        method: "chisquare",
        score: r.pValue,
        pValue: r.pValue,
        statistic: r.statistic,
        effect: { name: "Cram\xE9r's V", value: v, floor: MIN_CRAMERS_V },
        distributionDrift: r.pValue < threshold && v >= MIN_CRAMERS_V
      };
    }
    default:
      throw new Error(`drift: ${method} cannot judge a numeric column`);
  }
}
function pooledTop(refCounts, curCounts) {
  const pooledCounts = new Map(refCounts);
  for (const [k, c] of curCounts) pooledCounts.set(k, (pooledCounts.get(k) ?? 0) + c);
  return [...pooledCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_CATEGORIES).map(([k]) => k);
}
function testTable(refCounts, curCounts, nR, nC) {
  const top = pooledTop(refCounts, curCounts);
  const reference = top.map((k) => refCounts.get(k) ?? 0);
  const current = top.map((k) => curCounts.get(k) ?? 0);
  reference.push(Math.max(0, nR - reference.reduce((a, b) => a + b, 0)));
  current.push(Math.max(0, nC - current.reduce((a, b) => a + b, 0)));
  return poolSparseCategories(reference, current);
}
function compareCategorical(ref, cur, method, threshold) {
  const key = categoryKeyOf(ref);
  const refCounts = categoryCounts(ref, key);
  const curCounts = categoryCounts(cur, key);
  const keys = pooledTop(refCounts, curCounts);
  const nR = nonNull(ref);
  const nC = nonNull(cur);
  const refVec = keys.map((k) => refCounts.get(k) ?? 0);
  const curVec = keys.map((k) => curCounts.get(k) ?? 0);
  const refOther = Math.max(0, nR - refVec.reduce((a, b) => a + b, 0));
  const curOther = Math.max(0, nC - curVec.reduce((a, b) => a + b, 0));
  const labels = [...keys];
  if (refOther > 0 || curOther > 0) {
    labels.push("(other)");
    refVec.push(refOther);
    curVec.push(curOther);
  }
  const refShares = refVec.map((c) => nR ? c / nR : 0);
  const curShares = curVec.map((c) => nC ? c / nC : 0);
  let worst = -1;
  let contributor;
  refShares.forEach((r, i) => {
    const d = Math.abs(curShares[i] - r);
    if (d > worst) {
      worst = d;
      contributor = labels[i];
    }
  });
  const refKnown = knownDistinct(ref, key);
  const curKnown = knownDistinct(cur, key);
  const newCategories = refKnown ? newCategoriesOf(refKnown, curCounts, cur.sample.values, key) : void 0;
  const vanishedCategories = curKnown ? [...refCounts.entries()].filter(([k, c]) => !curKnown.has(k) && nR > 0 && c / nR >= 0.01).map(([k]) => k).slice(0, 10) : void 0;
  const bins = { labels, reference: refShares, current: curShares, edges: [] };
  const base = { psi: psi(refShares, curShares), contributor, bins, newCategories, vanishedCategories };
  switch (method) {
    case "ztest": {
      const first = refVec[0] ?? 0;
      const r = twoProportionZ(first, nR, curVec[0] ?? 0, nC);
      const v = Math.abs(r.statistic) / Math.sqrt(nR + nC);
      return {
        ...base,
        method,
        score: r.pValue,
        pValue: r.pValue,
        statistic: r.statistic,
        effect: { name: "Cram\xE9r's V", value: v, floor: MIN_CRAMERS_V },
        distributionDrift: r.pValue < threshold && v >= MIN_CRAMERS_V
      };
    }
    case "chisquare": {
      const table2 = testTable(refCounts, curCounts, nR, nC);
      const r = chiSquareHomogeneity(table2.reference, table2.current);
      const v = Math.sqrt(r.statistic / (nR + nC));
      return {
        ...base,
        method: "chisquare",
        score: r.pValue,
        pValue: r.pValue,
        statistic: r.statistic,
        effect: { name: "Cram\xE9r's V", value: v, floor: MIN_CRAMERS_V },
        distributionDrift: r.pValue < threshold && v >= MIN_CRAMERS_V
      };
    }
    case "psi":
      return { ...base, method, score: base.psi, distributionDrift: base.psi >= threshold };
    case "hellinger":
    case "jensenshannon": {
      const score = method === "hellinger" ? hellinger(refVec, curVec) : jensenShannon(refVec, curVec);
      return { ...base, method, score, distributionDrift: score >= threshold };
    }
    default:
      throw new Error(`drift: ${method} cannot judge a categorical column`);
  }
}
function severity(c) {
  if (c.status === "insufficient data") return -1;
  const ratio = P_VALUE_METHODS.has(c.method) ? c.threshold / Math.max(c.score, 1e-300) : c.score / c.threshold;
  return (c.drifted ? 1e6 : 0) + (Number.isNaN(ratio) ? 1 : Math.min(ratio, 1e5));
}
var SAMPLE_TESTS = /* @__PURE__ */ new Set(["ks", "chisquare", "ztest"]);
function rateChange(refHits, refCount, curHits, curCount) {
  const test = twoProportionZ(refHits, refCount, curHits, curCount);
  const reference = refCount ? refHits / refCount : 0;
  const current = curCount ? curHits / curCount : 0;
  const judged = refCount >= MIN_SAMPLE && curCount >= MIN_SAMPLE;
  return { reference, current, pValue: test.pValue, drifted: judged && test.pValue < NULL_RATE_ALPHA && Math.abs(current - reference) >= MIN_NULL_RATE_CHANGE };
}
function insufficientReason(kind, ref, cur, nRef, nCur, sampled) {
  if (kind === "numeric" && (!ref.numeric || !cur.numeric)) return "no numbers on a side";
  if (nRef >= MIN_SAMPLE && nCur >= MIN_SAMPLE) return null;
  if (sampled) {
    const values = (c) => Math.min(numericCount(c), c.sample.capacity);
    if (numericCount(ref) >= MIN_SAMPLE && numericCount(cur) >= MIN_SAMPLE) {
      return `the profiles' samples hold ${values(ref)} / ${values(cur)} numbers; the test needs ${MIN_SAMPLE} on each side`;
    }
  }
  return `fewer than ${MIN_SAMPLE} values on a side`;
}
function forcedKind(ref, override) {
  const method = override?.method;
  if (!method) return override?.type;
  const kind = override?.type ?? columnKind(ref);
  if (METHODS_FOR_KIND[kind].includes(method)) return kind;
  if (!override?.type && kind === "categorical" && holdsNumbers(ref)) return "numeric";
  const what = kind === "numeric" ? "numeric" : nonNull(ref) === 0 ? "categorical (no values in the reference)" : "categorical (text values)";
  const needs = kind === "numeric" ? `${method} compares categories` : `${method} needs a numeric column`;
  throw new InputError(
    `${needs}; '${ref.name}' is ${what}. Methods for ${kind} columns: ${METHODS_FOR_KIND[kind].join(", ")}, or auto`,
    override?.methodAt ?? { key: ref.name }
  );
}
function planColumn(ref, cur, smallerSampleRows, override) {
  const kind = forcedKind(ref, override) ?? columnKind(ref);
  const key = categoryKeyOf(ref);
  const categories = kind === "categorical" ? Math.max(new Set([...ref.topK.items, ...cur.topK.items].map((item) => key(item.value))).size, distinctEstimate(ref.distinct), distinctEstimate(cur.distinct)) : 0;
  const values = kind === "numeric" ? Math.min(numericCount(ref), numericCount(cur)) : Math.min(nonNull(ref), nonNull(cur));
  return { kind, method: override?.method ?? defaultMethod(kind, Math.min(smallerSampleRows, values), categories) };
}
function readsValues(ref, cur, smallerSampleRows, override) {
  const { kind, method } = planColumn(ref, cur, smallerSampleRows, override);
  if (kind !== "numeric" || SAMPLE_TESTS.has(method) || !ref.numeric || !cur.numeric) return true;
  return sampleIsComplete(ref) && sampleIsComplete(cur);
}
function compareColumn(ref, cur, smallerSampleRows, override) {
  const { kind, method } = planColumn(ref, cur, smallerSampleRows, override);
  const threshold = override?.threshold ?? DEFAULT_THRESHOLDS[method];
  const sampled = kind === "numeric" && SAMPLE_TESTS.has(method);
  const nRef = sampled ? numericSample(ref).length : kind === "numeric" ? numericCount(ref) : nonNull(ref);
  const nCur = sampled ? numericSample(cur).length : kind === "numeric" ? numericCount(cur) : nonNull(cur);
  const nulls = rateChange(ref.nulls, ref.count, cur.nulls, cur.count);
  const nonNumeric = kind === "numeric" ? rateChange(nonNull(ref) - numericCount(ref), ref.count, nonNull(cur) - numericCount(cur), cur.count) : void 0;
  const insufficient = insufficientReason(kind, ref, cur, nRef, nCur, sampled);
  const verdict = insufficient !== null ? null : kind === "numeric" ? compareNumeric(ref, cur, method, threshold) : compareCategorical(ref, cur, method, threshold);
  const reasons = [];
  if (verdict?.distributionDrift) reasons.push("distribution");
  if (nulls.drifted) reasons.push("null rate");
  if (nonNumeric?.drifted) reasons.push("non-numeric values");
  const drifted = reasons.length > 0;
  const status = drifted ? "drift" : insufficient !== null ? "insufficient data" : "no drift";
  return {
    name: ref.name,
    type: kind,
    method: verdict?.method ?? method,
    score: verdict?.score ?? Number.NaN,
    threshold,
    drifted,
    ...verdict?.pValue !== void 0 ? { pValue: verdict.pValue } : {},
    nRef,
    nCur,
    status,
    ...insufficient !== null ? { insufficient } : {},
    reasons,
    ...verdict?.statistic !== void 0 ? { statistic: verdict.statistic } : {},
    ...verdict?.effect ? { effect: verdict.effect } : {},
    psi: verdict?.psi ?? Number.NaN,
    nulls,
    ...nonNumeric ? { nonNumeric } : {},
    ...verdict?.contributor !== void 0 ? { contributor: verdict.contributor } : {},
    ...verdict?.approximate !== void 0 ? { approximate: verdict.approximate } : {},
    ...verdict?.newCategories?.length ? { newCategories: verdict.newCategories } : {},
    ...verdict?.vanishedCategories?.length ? { vanishedCategories: verdict.vanishedCategories } : {},
    critical: override?.critical ?? false,
    bins: verdict ? { labels: verdict.bins.labels, reference: verdict.bins.reference, current: verdict.bins.current } : { labels: [], reference: [], current: [] }
  };
}
function nothingToCompare(referenceColumns, currentColumns, skipped, exclude) {
  const list = (names) => names.length > 8 ? `${names.slice(0, 8).join(", ")}, \u2026 (${names.length})` : names.join(", ") || "none";
  const shared = referenceColumns.filter((n) => currentColumns.includes(n));
  if (shared.length === 0) {
    return `no column to compare: the reference and the current data have no column in common (reference: ${list(referenceColumns)}; current: ${list(currentColumns)})`;
  }
  const why = [
    ...skipped.map((c) => `${c.name} (${c.reason})`),
    ...shared.filter((n) => exclude.has(n)).map((n) => `${n} (excluded: label, id, timestamp or ignore role)`)
  ];
  return `no column to compare: every column in both is left out \u2014 ${list(why)}; name the columns to compare with --features (or drift.features in mlops.yaml)`;
}
function compareProfiles(reference, current, options = {}) {
  const refByName = new Map(reference.columns.map((c) => [c.name, c]));
  const curByName = new Map(current.columns.map((c) => [c.name, c]));
  const referenceColumns = options.referenceColumns ?? reference.columns.map((c) => c.name);
  const inReference = new Set(referenceColumns);
  const currentColumns = options.currentColumns ?? current.columns.map((c) => c.name);
  const inCurrent = new Set(currentColumns);
  const exclude = new Set(options.exclude ?? []);
  const overrides = new Map((options.overrides ?? []).map((o) => [o.name, o]));
  for (const name of overrides.keys()) {
    if (!inReference.has(name)) throw new InputError(`drift override names column '${name}', which the reference does not have`, { key: name });
  }
  const { names, skippedColumns } = selectColumns(reference, currentColumns, options);
  if (names.length === 0) throw new InputError(nothingToCompare(referenceColumns, currentColumns, skippedColumns, exclude));
  for (const name of names) {
    if (!refByName.has(name) || !curByName.has(name)) throw new Error(`drift: no profile of column '${name}' on both sides (profiled for other columns?)`);
  }
  const smaller = Math.min(reference.rows, current.rows);
  const columns = names.map((n) => compareColumn(refByName.get(n), curByName.get(n), smaller, overrides.get(n)));
  columns.sort((a, b) => severity(b) - severity(a) || (a.name < b.name ? -1 : 1));
  const ratesJudged = (name) => refByName.get(name).count >= MIN_SAMPLE && curByName.get(name).count >= MIN_SAMPLE;
  const evaluated = columns.filter((c) => c.status !== "insufficient data" || c.drifted || ratesJudged(c.name));
  const driftedColumns = columns.filter((c) => c.drifted).length;
  const share = evaluated.length ? driftedColumns / evaluated.length : 0;
  const datasetShare = options.datasetShare ?? 0.5;
  const criticalDrifted = columns.filter((c) => c.critical && c.drifted).map((c) => c.name);
  const onlyInReference = referenceColumns.filter((n) => !inCurrent.has(n) && !exclude.has(n));
  return {
    drifted: evaluated.length > 0 && share >= datasetShare || criticalDrifted.length > 0,
    share,
    datasetShare,
    evaluatedColumns: evaluated.length,
    driftedColumns,
    criticalDrifted,
    columns,
    skippedColumns,
    onlyInReference,
    // Listed features are checked on both sides up front (selectColumns): only an automatic list can miss some.
    missingFeatures: Array.isArray(options.features) ? [] : onlyInReference.filter((n) => {
      const c = refByName.get(n);
      return c !== void 0 && (overrides.has(n) || skipReason(c) === null);
    }),
    onlyInCurrent: currentColumns.filter((n) => !inReference.has(n) && !exclude.has(n)),
    reference: { rows: reference.rows, sources: reference.sources },
    current: { rows: current.rows, sources: current.sources }
  };
}

// src/drift/check.ts
function parseDriftMethod(name, where) {
  if (name === void 0) return void 0;
  const method = driftMethodNamed(name);
  if (method === null) throw new InputError(unknownDriftMethodMessage(name), where);
  return method === "auto" ? void 0 : method;
}
function schemaLocation(schema, schemaPath, index) {
  const key = `fields[${index}].drift.method`;
  const file = schema.source?.path ?? schemaPath;
  const pos = schema.source ? positionOf(schema.source.positions, `/fields/${index}/drift/method`) : void 0;
  return { file, key, ...pos ? { line: pos.line, column: pos.column } : {} };
}
async function looksLikeProfile(path) {
  if (!path.toLowerCase().endsWith(".json")) return false;
  try {
    const head = (await readHead(path, 4096)).toString("utf8").replace(/^\uFEFF/, "");
    return head.trimStart().startsWith("{");
  } catch {
    return false;
  }
}
function locate(path, cwd) {
  return isAbsolute(path) || resolve(cwd) === process.cwd() ? path : resolve(cwd, path);
}
async function profileData(paths, cwd, readOptions, pick, hooks = {}) {
  const located = (path) => locate(path, cwd);
  let onQueued = hooks.onQueued;
  let scopes = { light: hooks.light, numericOnly: hooks.numericOnly };
  const profileAt = async (path, options) => {
    const queued = onQueued;
    onQueued = void 0;
    const profile2 = await profileFile(located(path), options, {}, { fileHash: hooks.hashes?.get(path), onQueued: queued, ...scopes });
    profile2.sources = profile2.sources.map((source) => ({ ...source, path }));
    return profile2;
  };
  const stored = await Promise.all(paths.map((path) => looksLikeProfile(located(path))));
  if (stored.some(Boolean)) {
    const profiles2 = [];
    scopes = {};
    for (const [i, path] of paths.entries()) profiles2.push(stored[i] ? await readProfile(located(path)) : await profileAt(path, readOptions));
    assertDistinctSources(profiles2, paths);
    const profile2 = profiles2.length === 1 ? profiles2[0] : mergeProfiles(profiles2);
    return { profile: profile2, columns: profile2.columns.map((c) => c.name) };
  }
  const profiles = [];
  let columns = null;
  for (const path of paths) {
    let options = readOptions;
    if (pick) {
      const header = (await openTable(located(path), readOptions)).fieldNames;
      columns ??= header;
      options = { ...readOptions, columns: pick(header) };
    }
    profiles.push(await profileAt(path, options));
  }
  const profile = profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
  return { profile, columns: columns ?? profile.columns.map((c) => c.name) };
}
var HEAD_ROWS = 2048;
var NUMERIC_ONLY_MIN_VALUES = 4 * DEFAULT_SAMPLE_SIZE;
var NOTHING_PREDICTED = { light: [], instants: {}, numeric: [], numberShare: /* @__PURE__ */ new Map() };
async function estimatedRows(paths, cwd) {
  let rows = 0;
  for (const path of paths) {
    const format = detectFormat(path);
    if (format !== "csv" && format !== "jsonl") return 0;
    const located = locate(path, cwd);
    const head = await readHead(located, 64 << 10);
    const lines = countLines(head, 0, head.length);
    if (head.length === 0 || lines === 0) continue;
    rows += (await stat(located)).size * lines / head.length;
  }
  return rows;
}
function numericOnlyIn(predicted, rows) {
  return predicted.numeric.filter((name) => rows * predicted.numberShare.get(name) >= NUMERIC_ONLY_MIN_VALUES);
}
async function predictColumns(paths, cwd, readOptions, candidates, overrides, skips) {
  const keep = new Set(overrides.map((o) => o.name));
  const ownMethod = new Set(overrides.filter((o) => o.method !== void 0).map((o) => o.name));
  if (paths.length === 0) return NOTHING_PREDICTED;
  const source = await openTable(locate(paths[0], cwd), { defaultDecoding: "detect", ...readOptions, batchRows: HEAD_ROWS, chunkSize: 64 << 10 });
  const names = new Set(candidates(source.fieldNames));
  for await (const batch of source.batches()) {
    const head = createProfiler(source.fieldNames);
    head.add(batch);
    const out = { light: [], instants: {}, numeric: [], numberShare: /* @__PURE__ */ new Map() };
    for (const c of head.finish().columns) {
      if (!names.has(c.name)) continue;
      const reason = skips && !keep.has(c.name) ? skipReason(c) : null;
      if (reason === null) {
        if (!ownMethod.has(c.name) && holdsManyNumbers(c)) {
          out.numeric.push(c.name);
          out.numberShare.set(c.name, c.numeric.count / Math.max(1, c.count));
        }
        continue;
      }
      out.light.push(c.name);
      const decoding = readOptions.decoding?.[c.name];
      if (reason === "timestamp" && (decoding === void 0 || decoding === "string") && readOptions.temporal?.[c.name] === void 0) {
        out.instants[c.name] = c.types.datetime > c.types.date ? "datetime" : "date";
      }
    }
    return out;
  }
  return NOTHING_PREDICTED;
}
function holdsManyNumbers(c) {
  return c.numeric !== null && columnKind(c) === "numeric";
}
function withInstants(readOptions, instants) {
  const names = Object.keys(instants);
  if (names.length === 0) return readOptions;
  return {
    ...readOptions,
    decoding: { ...readOptions.decoding, ...Object.fromEntries(names.map((n) => [n, "string"])) },
    temporal: { ...readOptions.temporal, ...instants }
  };
}
async function fullProfilesOf(profile, predicted, reprofile) {
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  const kept = (name) => {
    const reason = skipReason(byName.get(name));
    return name in predicted.instants ? reason === "timestamp" : reason !== null;
  };
  const compared = predicted.light.filter((name) => byName.has(name) && !kept(name));
  if (compared.length === 0) return profile;
  const full = new Map((await reprofile(compared)).columns.map((c) => [c.name, c]));
  return { ...profile, columns: profile.columns.map((c) => full.get(c.name) ?? c) };
}
function withColumns(profile, full) {
  const byName = new Map(full.columns.map((c) => [c.name, c]));
  return { ...profile, columns: profile.columns.map((c) => byName.get(c.name) ?? c) };
}
async function withValuesWhereRead(profiles, numericOnly, driftOptions, reprofile) {
  let { reference, current } = profiles;
  const overrides = new Map((driftOptions.overrides ?? []).map((o) => [o.name, o]));
  const smaller = Math.min(reference.rows, current.rows);
  const refByName = new Map(reference.columns.map((c) => [c.name, c]));
  const curByName = new Map(current.columns.map((c) => [c.name, c]));
  const read = (name) => {
    const ref = refByName.get(name);
    const cur = curByName.get(name);
    return ref !== void 0 && cur !== void 0 && readsValues(ref, cur, smaller, overrides.get(name));
  };
  const referenceColumns = numericOnly.reference.filter(read);
  const currentColumns = numericOnly.current.filter(read);
  if (referenceColumns.length > 0) reference = withColumns(reference, await reprofile.reference(referenceColumns));
  if (currentColumns.length > 0) current = withColumns(current, await reprofile.current(currentColumns));
  return { reference, current };
}
var EXCLUDED_ROLES = /* @__PURE__ */ new Set(["label", "id", "timestamp", "ignore"]);
function requireFeatures(features, columns, side, file, listedAt) {
  const missing = features.find((name) => !columns.includes(name));
  if (missing === void 0) return;
  const at = listedAt?.(missing);
  if (at !== void 0) throw new InputError(`feature '${missing}' is not in the ${side} data (${file})`, at);
  throw new InputError(`feature '${missing}' is not in the ${side} data`, { file, key: missing });
}
function overridesFrom(schema, config, schemaPath) {
  const byName = /* @__PURE__ */ new Map();
  for (const [index, field] of (schema?.fields ?? []).entries()) {
    if (!field.drift) continue;
    const o = { name: field.name };
    const where = schemaLocation(schema, schemaPath, index);
    const method = parseDriftMethod(field.drift.method, where);
    if (method) {
      o.method = method;
      o.methodAt = where;
    }
    if (field.drift.threshold !== void 0) o.threshold = field.drift.threshold;
    if (field.drift.critical !== void 0) o.critical = field.drift.critical;
    byName.set(field.name, o);
  }
  if (config && config.drift.features !== "auto") {
    config.drift.features.forEach((f, i) => {
      const o = { ...byName.get(f.name) ?? {}, name: f.name };
      const where = configLocation(config, `drift.features[${i}].method`);
      const method = parseDriftMethod(f.method, where);
      if (method) {
        o.method = method;
        o.methodAt = where;
      }
      if (f.threshold !== void 0) o.threshold = f.threshold;
      if (f.critical !== void 0) o.critical = f.critical;
      byName.set(f.name, o);
    });
  }
  return [...byName.values()];
}
async function modelDirectoryProfile(path, cwd) {
  const found = await stat(resolve(cwd, path)).catch(() => null);
  if (found === null || !found.isDirectory()) return null;
  const profile = join(path, "profile.json");
  const held = await stat(resolve(cwd, profile)).catch(() => null);
  if (held?.isFile() === true) return profile;
  throw new InputError("the reference is a directory without a profile.json: give a data file, a glob (dir/*.csv), a profile.json, a model directory or name#stage", { file: path });
}
async function runDriftCheck(options) {
  const { cwd, config } = options;
  const schemaPath = options.schema ?? config?.data.schema ?? void 0;
  const schema = schemaPath ? await loadSchema(schemaPath) : null;
  const readOptions = schema ? dataReadOptions(schema) : {};
  if (options.features?.length === 0) throw new InputError("the feature list is empty: name at least one column to compare");
  let features = options.features ? [...new Set(options.features)] : void 0;
  const exclude = /* @__PURE__ */ new Set();
  let listedAt;
  if (!features && config && config.drift.features !== "auto") {
    const listed = config.drift.features.map((f) => f.name);
    features = [...new Set(listed)];
    listedAt = (name) => configLocation(config, `drift.features[${listed.indexOf(name)}]`);
  }
  if (!features && config?.data.features) {
    const listed = config.data.features;
    features = [...new Set(listed)];
    listedAt = (name) => configLocation(config, `data.features[${listed.indexOf(name)}]`);
  }
  if (!features) {
    for (const field of schema?.fields ?? []) if (field.role && EXCLUDED_ROLES.has(field.role)) exclude.add(field.name);
    if (config?.data.label) exclude.add(config.data.label);
  }
  const driftOptions = {
    ...features ? { features } : {},
    exclude: [...exclude],
    overrides: overridesFrom(schema, config, schemaPath),
    datasetShare: options.datasetShare ?? config?.drift.datasetShare ?? 0.5
  };
  const referenceIsModel = options.isModelRef?.(options.reference) === true && options.resolveModelProfile !== void 0;
  const referencePaths = referenceIsModel ? [] : await expandDataPaths(await modelDirectoryProfile(options.reference, cwd) ?? options.reference, cwd);
  const currentPaths = await expandDataPaths(options.current, cwd);
  let referenceProfile;
  let referenceColumns;
  let predicted = NOTHING_PREDICTED;
  const referenceHashes = /* @__PURE__ */ new Map();
  let referenceNumericOnly = [];
  const currentHashes = /* @__PURE__ */ new Map();
  let referenceLabel;
  if (referenceIsModel) {
    const path = await options.resolveModelProfile(options.reference);
    referenceProfile = await readProfile(path);
    referenceColumns = referenceProfile.columns.map((c) => c.name);
    referenceLabel = `${options.reference} (training data profile)`;
  } else {
    const candidates = (header) => {
      if (!features) return header.filter((n) => !exclude.has(n));
      requireFeatures(features, header, "reference", options.reference, listedAt);
      return features;
    };
    const hashCurrent = () => {
      for (const path of currentPaths) {
        const hash = hashFileInPool(locate(path, cwd));
        hash.catch(() => void 0);
        currentHashes.set(path, hash);
      }
    };
    for (const path of referencePaths) {
      if (await looksLikeProfile(locate(path, cwd))) continue;
      const hash = hashFileInPool(locate(path, cwd));
      hash.catch(() => void 0);
      referenceHashes.set(path, hash);
    }
    const anyStored = referenceHashes.size < referencePaths.length;
    predicted = anyStored ? NOTHING_PREDICTED : await predictColumns(referencePaths, cwd, readOptions, candidates, driftOptions.overrides ?? [], !features);
    referenceNumericOnly = numericOnlyIn(predicted, await estimatedRows(referencePaths, cwd));
    ({ profile: referenceProfile, columns: referenceColumns } = await profileData(referencePaths, cwd, withInstants(readOptions, predicted.instants), candidates, { onQueued: hashCurrent, light: predicted.light, numericOnly: referenceNumericOnly, hashes: referenceHashes }));
    referenceProfile = await fullProfilesOf(referenceProfile, predicted, async (columns) => (await profileData(referencePaths, cwd, readOptions, () => columns, { hashes: referenceHashes })).profile);
    referenceLabel = relative(cwd, resolve(cwd, options.reference)) || options.reference;
  }
  driftOptions.referenceColumns = referenceColumns;
  if (features) requireFeatures(features, referenceColumns, "reference", options.reference, listedAt);
  const currentNumericOnly = numericOnlyIn(predicted, await estimatedRows(currentPaths, cwd));
  const current = await profileData(currentPaths, cwd, readOptions, (header) => {
    if (features) requireFeatures(features, header, "current", options.current, listedAt);
    return selectColumns(referenceProfile, header, driftOptions).names;
  }, { hashes: currentHashes, numericOnly: currentNumericOnly });
  if (features) requireFeatures(features, current.columns, "current", options.current, listedAt);
  let currentProfile = current.profile;
  ({ reference: referenceProfile, current: currentProfile } = await withValuesWhereRead(
    { reference: referenceProfile, current: currentProfile },
    { reference: referenceNumericOnly, current: currentNumericOnly },
    driftOptions,
    {
      reference: async (columns) => (await profileData(referencePaths, cwd, readOptions, () => columns, { hashes: referenceHashes })).profile,
      current: async (columns) => (await profileData(currentPaths, cwd, readOptions, () => columns, { hashes: currentHashes })).profile
    }
  ));
  const report = compareProfiles(referenceProfile, currentProfile, { ...driftOptions, currentColumns: current.columns });
  return { report, referenceLabel, currentLabel: relative(cwd, resolve(cwd, options.current)) || options.current, referenceProfile, currentProfile };
}

// src/github/retrain.ts
import { isAbsolute as isAbsolute2, join as join3, relative as relative2, resolve as resolve2, sep } from "node:path";

// src/drift/retrain-branch.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
var BOT_NAME = "github-actions[bot]";
var BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com";
async function gitOrNull(ctx, args) {
  try {
    return (await runGit(ctx, args)).trim();
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}
async function identityEnv(ctx) {
  const name = await gitOrNull(ctx, ["config", "user.name"]);
  const email = await gitOrNull(ctx, ["config", "user.email"]);
  const env = {};
  if (!name && !ctx.env?.GIT_AUTHOR_NAME) Object.assign(env, { GIT_AUTHOR_NAME: BOT_NAME, GIT_COMMITTER_NAME: BOT_NAME });
  if (!email && !ctx.env?.GIT_AUTHOR_EMAIL) Object.assign(env, { GIT_AUTHOR_EMAIL: BOT_EMAIL, GIT_COMMITTER_EMAIL: BOT_EMAIL });
  return env;
}
async function findBase(ctx, remote, base, pushing) {
  const candidates = base ? pushing ? [`refs/remotes/${remote}/${base}`, base] : [base] : ["HEAD"];
  if (base && pushing) await gitOrNull(ctx, ["fetch", "--quiet", remote, `refs/heads/${base}:refs/remotes/${remote}/${base}`]);
  for (const rev of candidates) {
    const sha = await gitOrNull(ctx, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
    if (sha) return sha;
  }
  return null;
}
async function resolveBase(ctx, remote, base, pushing) {
  const sha = await findBase(ctx, remote, base, pushing);
  if (sha) return sha;
  throw new InputError(`base '${base ?? "HEAD"}' for the retraining branch does not exist`, { key: "drift.retrain.base" });
}
function blobOf(ctx, commit, path) {
  return gitOrNull(ctx, ["rev-parse", "--verify", "--quiet", `${commit}:${path}`]);
}
async function mergedInto(ctx, branch, base) {
  if (await gitOrNull(ctx, ["merge-base", "--is-ancestor", branch, base]) !== null) return true;
  const forkPoint = await gitOrNull(ctx, ["merge-base", branch, base]);
  if (!forkPoint) return false;
  const changed = (await runGit(ctx, ["diff", "--name-only", "-z", "--no-renames", forkPoint, branch])).split("\0").filter(Boolean);
  if (changed.length === 0) return false;
  for (const path of changed) {
    if (await blobOf(ctx, branch, path) !== await blobOf(ctx, base, path)) return false;
  }
  return true;
}
async function pushRetrainBranch(options) {
  const ctx = { cwd: options.cwd, env: options.env };
  const remote = options.remote ?? "origin";
  const push = options.push ?? true;
  const ref = `refs/heads/${options.branch}`;
  if (await gitOrNull(ctx, ["rev-parse", "--is-inside-work-tree"]) !== "true") {
    throw new InputError("not inside a git repository: the retraining branch needs one", { file: options.cwd });
  }
  if (options.branch.startsWith("-") || await gitOrNull(ctx, ["check-ref-format", "--branch", options.branch]) === null) {
    throw new InputError(`'${options.branch}' is not a valid git branch name (no spaces, ~ ^ : ? * [ \\, .., @{ or trailing . / .lock); the default is mlops/retrain/<name>`, { key: "drift.retrain.branch" });
  }
  if (options.base !== void 0 && options.base.replace(/^refs\/heads\//, "") === options.branch) {
    throw new InputError(`the retraining branch '${options.branch}' is the base of its pull request: the drift report would be pushed to ${options.branch} itself, unreviewed. Name a branch of its own (the default is mlops/retrain/<name>)`, { key: "drift.retrain.branch" });
  }
  let existing = null;
  if (push) {
    const listed = await runGit(ctx, ["ls-remote", "--heads", remote, ref]).catch((error) => {
      throw new InputError(`cannot reach git remote '${remote}': ${error instanceof GitError ? error.stderr.trim() : String(error)}`, { key: "remote" });
    });
    existing = listed.split("\n").find((l) => l.endsWith(`	${ref}`))?.split("	")[0] ?? null;
    if (existing) await runGit(ctx, ["fetch", "--quiet", remote, `+${ref}:refs/mlops/retrain-parent`]);
  } else {
    existing = await gitOrNull(ctx, ["rev-parse", "--verify", "--quiet", ref]);
  }
  let merged = false;
  let parent;
  if (existing) {
    const baseSha = options.base && options.base !== options.branch ? await findBase(ctx, remote, options.base, push) : null;
    merged = baseSha !== null && await mergedInto(ctx, existing, baseSha);
    parent = merged ? baseSha : existing;
  } else {
    parent = await resolveBase(ctx, remote, options.base, push);
  }
  const tmp = await mkdtemp(join2(tmpdir(), "mlops-retrain-"));
  const indexEnv = { ...options.env ?? {}, GIT_INDEX_FILE: join2(tmp, "index") };
  const ictx = { cwd: options.cwd, env: indexEnv };
  let tree;
  try {
    await runGit(ictx, ["read-tree", parent]);
    for (const file of options.files) {
      if (file.same) {
        const current = await runGit(ictx, ["cat-file", "blob", `${parent}:${file.path}`]).catch((error) => {
          if (error instanceof GitError) return null;
          throw error;
        });
        if (current !== null && file.same(current)) continue;
      }
      const blob = (await runGit(ictx, ["hash-object", "-w", "--stdin"], file.content)).trim();
      await runGit(ictx, ["update-index", "--add", "--cacheinfo", `100644,${blob},${file.path}`]);
    }
    tree = (await runGit(ictx, ["write-tree"])).trim();
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const parentTree = (await runGit(ctx, ["rev-parse", `${parent}^{tree}`])).trim();
  if (tree === parentTree) {
    if (existing && !merged) return { operation: "unchanged", branch: options.branch, commit: existing, parent: existing };
    return { operation: "unchanged", branch: options.branch, commit: existing ?? parent, parent, ...merged ? { merged } : {}, inBase: true };
  }
  const commitEnv = { ...options.env ?? {}, ...await identityEnv(ctx) };
  const commit = (await runGit({ cwd: options.cwd, env: commitEnv }, ["commit-tree", tree, "-p", parent, "-m", options.message])).trim();
  if (push) {
    try {
      await runGit(ctx, ["push", "--quiet", ...merged ? [`--force-with-lease=${ref}:${existing}`] : [], remote, `${commit}:${ref}`]);
    } catch (error) {
      const reason = error instanceof GitError ? error.stderr.trim() : String(error);
      throw new InputError(`push of ${options.branch} to '${remote}' was refused (someone else may have updated it; re-run to build on their commit): ${reason}`, { key: "remote" });
    }
  } else {
    await runGit(ctx, ["update-ref", ref, commit, ...existing ? [existing] : []]);
  }
  return { operation: existing ? "updated" : "created", branch: options.branch, commit, parent, ...merged ? { merged } : {} };
}

// src/github/retrain.ts
function retrainTitle(model, drifted) {
  const prefix = `Retrain ${oneLine(model)}: data drift`;
  const names = drifted.slice(0, 3).map(oneLine);
  if (names.length === 0) return fitTitle(prefix);
  const more = drifted.length > 3 ? ` and ${drifted.length - 3} more` : "";
  const fixed = Array.from(`${prefix} in ${more}`).length + 2 * (names.length - 1);
  const share = Math.floor((TITLE_LIMIT - fixed) / names.length);
  const listed = Array.from(`${prefix} in ${names.join(", ")}${more}`).length <= TITLE_LIMIT ? names : names.map((name) => cutText(name, Math.max(share, 1)));
  return fitTitle(`${prefix} in ${listed.join(", ")}${more}`);
}
function canonicalJson(value) {
  return JSON.stringify(value, (_key, v) => v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) : v);
}
function findings(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { checkedAt: _checkedAt, ...rest } = value;
  return canonicalJson(rest);
}
function withRelativeSources(drift, cwd) {
  const side = (value) => {
    const sources = value?.sources;
    if (!Array.isArray(sources)) return value;
    return {
      ...value,
      sources: sources.map((source) => {
        const path = source?.path;
        if (typeof path !== "string" || !isAbsolute2(path)) return source;
        const rel = relative2(cwd, path);
        if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute2(rel)) return source;
        return { ...source, path: rel.split(sep).join("/") };
      })
    };
  };
  return { ...drift, reference: side(drift.reference), current: side(drift.current) };
}
async function dispatchedAt(gh, workflow, branch, commit) {
  try {
    const { data } = await gh.octokit.rest.actions.listWorkflowRuns({
      owner: gh.owner,
      repo: gh.repo,
      workflow_id: workflow,
      branch,
      event: "workflow_dispatch",
      head_sha: commit,
      per_page: 1
    });
    return data.total_count > 0 || data.workflow_runs.length > 0;
  } catch {
    return false;
  }
}
async function defaultBase(options) {
  if (options.base) return options.base;
  if (options.github) {
    const { octokit, owner, repo } = options.github;
    const { data } = await withGitHubError(`read ${owner}/${repo}`, () => octokit.rest.repos.get({ owner, repo }));
    return data.default_branch;
  }
  const current = (await runGit({ cwd: options.cwd, env: options.env }, ["rev-parse", "--abbrev-ref", "HEAD"]).catch(() => "HEAD")).trim();
  return current === "HEAD" ? "main" : current;
}
async function openRetrainingPullRequest(options) {
  const { report, model } = options;
  if (!report.drifted) {
    return { operation: "skipped", message: "no dataset drift: the retraining branch and pull request were left alone" };
  }
  const base = await defaultBase(options);
  const now = (options.now ?? /* @__PURE__ */ new Date()).toISOString();
  const record = { model, checkedAt: now, ...options.context, drift: withRelativeSources(driftJson(report), resolve2(options.cwd)) };
  const content = `${JSON.stringify(record, null, 2)}
`;
  const drifted = report.columns.filter((c) => c.drifted).map((c) => c.name);
  const title = retrainTitle(model, drifted);
  const branch = await pushRetrainBranch({
    cwd: options.cwd,
    env: options.env,
    remote: options.remote,
    branch: options.branch,
    base,
    push: options.push,
    // A re-run with the same findings (only `checkedAt` would differ) commits and pushes nothing,
    // like peter-evans/create-pull-request: idempotent writes (DESIGN §1).
    files: [{ path: `.mlops/retrain/${model}.json`, content, same: (current) => findings(current) === findings(content) }],
    message: `mlops: retrain ${model} (drift in ${drifted.join(", ")})

Share of drifted features: ${(report.share * 100).toFixed(1)}%.
Checked at ${now}.`
  });
  if (branch.inBase) {
    return {
      operation: "unchanged",
      message: `${base} already records these findings${branch.merged ? ` (${options.branch} was merged into it)` : ""}, so nothing was pushed and no pull request was opened`,
      branch
    };
  }
  const rebuilt = branch.merged ? `; ${options.branch} had been merged into ${base}, so the new commit was built on ${base}` : "";
  const notPushed = options.push === false;
  const gh = options.github;
  if (!gh || notPushed) {
    const outbox = options.outboxDir ?? join3(options.cwd, ".mlops", "outbox");
    const file = join3(outbox, `retrain-${model}.md`);
    await writeFileAtomic(file, `<!-- mlops:retrain:${model} -->
# ${title}

${options.body}`);
    await writeJsonAtomic(join3(outbox, `retrain-${model}.json`), { title, head: options.branch, base, labels: options.labels, commit: branch.commit });
    return {
      operation: branch.operation,
      message: `branch ${options.branch} ${branch.operation === "unchanged" ? "unchanged (it already records these findings)" : branch.operation} (${branch.commit.slice(0, 7)})${rebuilt}; ${notPushed ? "not pushed" : "no GitHub context"}, so the pull request was written to ${file}`,
      branch,
      outbox: file
    };
  }
  const pr = await openOrUpdatePullRequest(gh.octokit, {
    owner: gh.owner,
    repo: gh.repo,
    head: options.branch,
    base,
    title,
    body: options.body,
    labels: options.labels,
    summaryUrl: gh.summaryUrl,
    // Without a new commit, a pull request closed unmerged at the branch's commit was declined for
    // these very findings: opened again, it came back on every scheduled run. New findings (a new
    // commit) open a new one.
    ...branch.operation === "unchanged" ? { leaveClosedAt: branch.commit } : {}
  });
  if (pr.closed) {
    return {
      operation: "unchanged",
      message: `pull request #${pr.number} (${pr.url}) was closed without merging and ${options.branch} still records these findings, so no pull request was opened again; new findings will open a new one`,
      branch
    };
  }
  let dispatched;
  let message = `pull request #${pr.number} ${pr.operation}: ${pr.url}${rebuilt}`;
  if (branch.operation === "unchanged") message += `; ${options.branch} already records these findings, so nothing was pushed`;
  if (gh.isDefaultToken) {
    const fresh = branch.operation !== "unchanged" || pr.operation === "created";
    if (gh.dispatchWorkflow) {
      const workflow = gh.dispatchWorkflow;
      const missing = !fresh && !await dispatchedAt(gh, workflow, options.branch, branch.commit);
      if (fresh || missing) {
        await dispatchWorkflow(gh.octokit, { owner: gh.owner, repo: gh.repo, workflow, ref: options.branch, inputs: { pr: String(pr.number) }, headSha: branch.commit });
        dispatched = workflow;
        message += `; GITHUB_TOKEN cannot start workflows from a pull request, so ${workflow} was dispatched on ${options.branch}`;
        if (missing) message += ` (no run of it had been dispatched at ${branch.commit.slice(0, 7)} yet)`;
      }
    } else if (fresh) {
      message += "; note: the pull request was opened with GITHUB_TOKEN, which starts no workflows \u2014 pass a PAT or App token, or set a workflow to dispatch";
    }
  }
  const operation = pr.operation === "unchanged" && branch.operation !== "unchanged" ? "updated" : pr.operation;
  return { operation, message, branch, pullRequest: { number: pr.number, url: pr.url, operation: pr.operation }, ...dispatched ? { dispatched } : {} };
}

// src/app/drift.ts
function configuredReference(config) {
  const reference = config.drift.reference;
  if (reference === null) return productionRef(config);
  return isModelRef(reference) || isAbsolute3(reference) ? reference : resolve3(config.configDir, reference);
}
async function runDrift(request) {
  const { cwd, env, config } = request;
  const check = await runDriftCheck({
    cwd,
    // Relative to `cwd` when under it (displayPath): the report's sources record paths as given
    // here, and absolute ones named the runner's checkout (/home/runner/work/…) in every report.
    reference: isModelRef(request.reference) ? request.reference : displayPath(resolve3(cwd, request.reference), cwd),
    current: displayPath(resolve3(cwd, request.current), cwd),
    config,
    ...request.schema ? { schema: resolve3(cwd, request.schema) } : {},
    ...request.features ? { features: request.features } : {},
    ...request.datasetShare !== void 0 ? { datasetShare: request.datasetShare } : {},
    isModelRef,
    // A fresh runner has no local artifact store: fall back to the registry's GitHub Releases.
    resolveModelProfile: async (ref) => {
      return join4((await resolveModelRef(ref, { cwd, env, ...referenceStores(env, request.stores) })).dir, "profile.json");
    }
  });
  const name = config?.name ?? "model";
  const markdown = renderDriftMarkdown(check.report, { title: `Data drift: ${name}`, referenceLabel: check.referenceLabel, currentLabel: check.currentLabel });
  const { reference, current, ...summary } = driftJson(check.report);
  const json = {
    model: name,
    reference: { label: check.referenceLabel, ...reference },
    current: { label: check.currentLabel, ...current },
    ...summary
  };
  if (!request.retrain) return { check, name, markdown, json };
  request.onChecked?.({ check, name, markdown, json });
  const settings = config?.drift.retrain ?? { branch: `mlops/retrain/${name}`, labels: ["retrain", "drift"], base: null };
  const asked = request.retrain;
  const result = await openRetrainingPullRequest({
    model: name,
    report: check.report,
    body: markdown,
    branch: settings.branch,
    base: asked.base ?? settings.base,
    labels: settings.labels,
    cwd,
    env,
    ...asked.remote ? { remote: asked.remote } : {},
    ...asked.push !== void 0 ? { push: asked.push } : {},
    context: { reference: check.referenceLabel, current: check.currentLabel },
    ...asked.github ? { github: asked.github } : {}
  }).catch((error) => {
    throw config && error instanceof InputError && error.location.key === "drift.retrain.branch" ? locateConfigError(config, error) : error;
  });
  json.retrain = {
    operation: result.operation,
    message: result.message,
    branch: result.branch?.branch ?? null,
    commit: result.branch?.commit ?? null,
    pullRequest: result.pullRequest ?? null,
    dispatched: result.dispatched ?? null,
    outbox: result.outbox ?? null
  };
  return { check, name, markdown, json, retrain: result };
}

export {
  nothingJudged,
  driftHeadline,
  configuredReference,
  runDrift
};
