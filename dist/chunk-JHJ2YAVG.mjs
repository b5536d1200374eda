import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  STORE_OPTIONS,
  referenceStoresFromFlags,
  storeUsage
} from "./chunk-VXBWH6WN.mjs";
import {
  atCwd,
  configFor,
  evaluateAndRender,
  jsonSafe,
  publishComment
} from "./chunk-A5ZEXEGS.mjs";
import "./chunk-ENN463DG.mjs";
import "./chunk-3IUHIRSR.mjs";
import {
  isMissingPermission
} from "./chunk-BIZBUEHE.mjs";
import {
  configAboveHint
} from "./chunk-UR53JOIA.mjs";
import "./chunk-TOBO2QGH.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-FGDYCVTY.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-P5IS7C6Z.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-4JGCLKKO.mjs";
import "./chunk-SXSB5XTO.mjs";
import "./chunk-D3J2R3HR.mjs";
import {
  helpHint,
  parseBackendFlag,
  parseCommandArgs,
  parseIntegerFlag
} from "./chunk-W2347Q5A.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-VFQYOCDE.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-HTMWGR7O.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-M6T65NKY.mjs";
import {
  isJsonPath,
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import {
  UsageError
} from "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/cli/commands/evaluate.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
var USAGE = `Usage: mlops evaluate [--config mlops.yaml] --candidate <model dir>
                      [--baseline <model dir>|<name>@<version>|<name>#<stage>] [--data <file>]
                      [--store local|github] [--store-dir <dir>]
                      [--json] [--comment] [--report <file>] [--validation-report <file>]
                      [--no-latency] [--latency-clock wall|cpu] [--backend auto|tensorflow|wasm|cpu]
                      [--resamples N] [--seed N]

Compares a candidate model with the baseline (the model in production) on the golden test set:
every metric with a paired bootstrap 95% interval for the candidate, the baseline and the delta;
per-slice metrics; expected business cost; a fair latency comparison (both models in this
process, interleaved calls, p50/p95/p99 and throughput, ratio with an interval); and the gates of
mlops.yaml (evaluate.gates). Without --baseline only the candidate is evaluated and
baseline-relative gates are reported as skipped.

Options:
  --config <file>             mlops.yaml (default: ./mlops.yaml; built-in defaults when absent)
  --candidate <dir>           the candidate model directory (required)
  --baseline <dir|ref>        a model directory, or a registry reference name@vX.Y.Z / name#stage
${storeUsage(30, false)}
  --data <file>               test data (default: data.test of the config)
  --json                      print the result as one JSON document on stdout (report on stderr)
  --comment                   post/update the sticky PR comment (GITHUB_TOKEN + a pull request);
                              otherwise write it to .mlops/outbox/evaluate-<name>.md
  --report <file>             write the markdown report to <file> (JSON when it ends in .json)
  --validation-report <file>  a 'mlops validate --report' JSON of the same run, shown in the report
  --no-latency                skip the latency benchmark (latency gates are skipped)
  --latency-clock <clock>     wall (default: elapsed time per call) or cpu (CPU time of this
                              process per call: ignores time the process was not scheduled; only
                              meaningful for the cpu and single-threaded wasm backends)
  --backend <name>            TensorFlow.js backend (default: train.backend of the config)
  --resamples N               bootstrap resamples (default: evaluate.bootstrap.resamples, 1000)
  --seed N                    bootstrap seed (default: evaluate.bootstrap.seed)

Exit codes: 0 every gate passed, 1 a gate failed, 2 could not run (bad flags or config, unreadable
models or data, incompatible candidate and baseline, missing label or features, unknown gate
metric, empty test set).`;
var command = {
  name: "evaluate",
  summary: "compare a candidate model with the baseline: metrics, latency, gates",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      config: { type: "string" },
      candidate: { type: "string" },
      baseline: { type: "string" },
      data: { type: "string" },
      json: { type: "boolean" },
      comment: { type: "boolean" },
      report: { type: "string" },
      "validation-report": { type: "string" },
      "no-latency": { type: "boolean" },
      "latency-clock": { type: "string" },
      backend: { type: "string" },
      resamples: { type: "string" },
      seed: { type: "string" },
      ...STORE_OPTIONS
    }, "evaluate");
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'${helpHint("evaluate")}`);
    if (values.candidate === void 0) throw new UsageError(`missing --candidate <model dir>${helpHint("evaluate")}`);
    const backend = parseBackendFlag(values.backend);
    const clock = values["latency-clock"];
    if (clock !== void 0 && !["wall", "cpu"].includes(clock)) throw new UsageError(`--latency-clock must be wall or cpu, got '${clock}'`);
    const resamples = values.resamples !== void 0 ? parseIntegerFlag(values.resamples, "resamples", 1e3) : void 0;
    if (resamples !== void 0 && resamples < 10) throw new UsageError("--resamples must be at least 10");
    const stores = values.store !== void 0 || values["store-dir"] !== void 0 ? referenceStoresFromFlags(values, io) : void 0;
    const config = await configFor(io, values.config);
    if (values.config === void 0 && !existsSync(join(io.cwd, "mlops.yaml"))) {
      io.stderr(`mlops evaluate: no mlops.yaml in ${io.cwd}: built-in defaults (no gates, data.test unset)${configAboveHint(io.cwd)}
`);
    }
    const { report, markdown, comment } = await evaluateAndRender(io, {
      config,
      candidate: values.candidate,
      ...values.baseline !== void 0 ? { baseline: values.baseline } : {},
      ...values.data !== void 0 ? { data: values.data } : {},
      latency: !values["no-latency"],
      ...clock ? { latencyClock: clock } : {},
      ...backend ? { backend } : {},
      ...resamples !== void 0 ? { resamples } : {},
      ...values.seed !== void 0 ? { seed: parseIntegerFlag(values.seed, "seed", 0) } : {},
      ...values["validation-report"] !== void 0 ? { validationReport: values["validation-report"] } : {},
      ...stores ? { stores } : {},
      // The whole report is what this command prints (a workflow step's log) or writes with --report.
      fullReportAt: (runUrl) => `the output of \`mlops evaluate\` (${runUrl ? `the step's log in the [workflow run](${runUrl})` : "stdout"}, \`--report <file>\`, \`--json\`)`
    });
    if (values.report !== void 0) {
      const path = atCwd(io, values.report);
      const named = { what: "report", name: values.report };
      if (isJsonPath(path)) await writeJsonAtomic(path, report, named);
      else await writeFileAtomic(path, markdown, named);
    }
    if (values.comment) {
      try {
        const published = await publishComment(io, config.name, comment);
        io.stderr(`${published.message}
`);
      } catch (error) {
        if (!isMissingPermission(error)) throw error;
        io.stderr(`mlops evaluate: warning: the comment was not posted: ${error.message}
`);
      }
    }
    if (values.json) {
      io.stdout(`${JSON.stringify(report, jsonSafe)}
`);
      io.stderr(markdown);
    } else {
      io.stdout(markdown);
    }
    io.stderr(`${verdictLine(report.gates)}
`);
    return report.passed ? ExitCode.ok : ExitCode.checkFailed;
  }
};
var evaluate_default = command;
function verdictLine(gates) {
  const count = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const failed = gates.filter((g) => g.status === "failed");
  if (failed.length > 0) return `evaluate: ${failed.length} gate(s) failed: ${failed.map((g) => g.name).join("; ")}`;
  if (gates.length === 0) return "evaluate: passed (no gates configured)";
  const passed = gates.filter((g) => g.status === "passed").length;
  const skipped = gates.length - passed;
  const inconclusive = gates.filter((g) => g.inconclusive && g.status === "passed").length;
  const unjudged = gates.filter((g) => g.inconclusive && g.status === "skipped").length;
  const skippedText = `${skipped} skipped${unjudged ? `, ${unjudged} of them inconclusive` : ""}`;
  if (passed === 0) return `evaluate: passed (no gate could be judged: ${skippedText})`;
  return `evaluate: passed (${passed} of ${count(gates.length, "gate")} passed${inconclusive ? `, ${inconclusive} of them inconclusive` : ""}${skipped ? `; ${skippedText}` : ""})`;
}
export {
  evaluate_default as default,
  verdictLine
};
