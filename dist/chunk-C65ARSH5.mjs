import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/drift/policy.ts
var DRIFT_METHODS = ["ks", "wasserstein", "psi", "chisquare", "ztest", "jensenshannon", "hellinger"];
var METHOD_ALIASES = {
  ks: "ks",
  kolmogorov_smirnov: "ks",
  wasserstein: "wasserstein",
  wasserstein_distance: "wasserstein",
  psi: "psi",
  chisquare: "chisquare",
  chi2: "chisquare",
  chi_square: "chisquare",
  ztest: "ztest",
  z: "ztest",
  jensenshannon: "jensenshannon",
  jensen_shannon: "jensenshannon",
  js: "jensenshannon",
  hellinger: "hellinger"
};
function driftMethodNamed(name) {
  if (name === "auto") return "auto";
  return METHOD_ALIASES[name.toLowerCase()] ?? null;
}
function unknownDriftMethodMessage(name) {
  const aliases = Object.keys(METHOD_ALIASES).filter((a) => !DRIFT_METHODS.includes(a));
  return `unknown drift method '${name}' (expected auto or one of ${DRIFT_METHODS.join(", ")}; also accepted: ${aliases.join(", ")})`;
}
var P_VALUE_METHODS = /* @__PURE__ */ new Set(["ks", "chisquare", "ztest"]);
var DEFAULT_THRESHOLDS = {
  ks: 0.05,
  chisquare: 0.05,
  ztest: 0.05,
  wasserstein: 0.1,
  jensenshannon: 0.1,
  psi: 0.2,
  hellinger: 0.1
};
var SMALL_SAMPLE_ROWS = 1e3;
var MIN_SAMPLE = 30;
var MIN_KS_STATISTIC = 0.05;
var MIN_CRAMERS_V = 0.05;
var MIN_NULL_RATE_CHANGE = 0.05;
var NULL_RATE_ALPHA = 0.05;
var TOP_CATEGORIES = 20;
var METHODS_FOR_KIND = {
  numeric: ["ks", "wasserstein", "psi", "chisquare", "jensenshannon", "hellinger"],
  categorical: ["chisquare", "ztest", "psi", "jensenshannon", "hellinger"]
};
function defaultMethod(kind, smallerSampleRows, categories) {
  if (smallerSampleRows <= SMALL_SAMPLE_ROWS) {
    if (kind === "numeric") return "ks";
    return categories <= 2 ? "ztest" : "chisquare";
  }
  return kind === "numeric" ? "wasserstein" : "jensenshannon";
}
function exceeds(method, score, threshold) {
  return P_VALUE_METHODS.has(method) ? score < threshold : score >= threshold;
}

export {
  driftMethodNamed,
  unknownDriftMethodMessage,
  P_VALUE_METHODS,
  DEFAULT_THRESHOLDS,
  MIN_SAMPLE,
  MIN_KS_STATISTIC,
  MIN_CRAMERS_V,
  MIN_NULL_RATE_CHANGE,
  NULL_RATE_ALPHA,
  TOP_CATEGORIES,
  METHODS_FOR_KIND,
  defaultMethod,
  exceeds
};
