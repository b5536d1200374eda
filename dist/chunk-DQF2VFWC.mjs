import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  postOrWarn
} from "./chunk-DP5Z5ZLN.mjs";
import {
  fetchRegistryTags
} from "./chunk-7WVQY7V4.mjs";
import {
  defaultReportPath,
  evaluateReportPaths
} from "./chunk-4U2LXZIH.mjs";
import {
  parseInputs
} from "./chunk-QUBK3FVQ.mjs";
import {
  createActionsRuntime
} from "./chunk-SP45EASV.mjs";
import {
  evaluateAndRender,
  markCommentOutdated,
  publishComment
} from "./chunk-A5ZEXEGS.mjs";
import "./chunk-ENN463DG.mjs";
import {
  RegistryMissError,
  isModelRef,
  referenceStores,
  resolveModelRef
} from "./chunk-3IUHIRSR.mjs";
import {
  resolveRunContext
} from "./chunk-BIZBUEHE.mjs";
import "./chunk-TOBO2QGH.mjs";
import "./chunk-VXDFF6NO.mjs";
import "./chunk-FGDYCVTY.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-P5IS7C6Z.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-SXSB5XTO.mjs";
import {
  loadConfig,
  productionRef
} from "./chunk-D3J2R3HR.mjs";
import "./chunk-DVDZ43KM.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-VFQYOCDE.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-HTMWGR7O.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-M6T65NKY.mjs";
import {
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/actions/evaluate.ts
var evaluateInputs = {
  // Read by action.yml's setup step; declared here so a value that is no boolean ('no') fails clearly.
  "setup-node": { type: "boolean", default: true, description: "install Node.js with actions/setup-node" },
  config: { type: "path", default: "mlops.yaml", description: "mlops.yaml of the model" },
  artifact: { type: "string", description: "name of the downloaded candidate artifact" },
  "artifact-dir": { type: "path", description: "where the artifact was downloaded (set by action.yml)" },
  candidate: { type: "path", description: "candidate model directory" },
  baseline: { type: "string", description: "baseline directory or registry reference" },
  data: { type: "path", description: "test data file" },
  latency: { type: "boolean", default: true, description: "run the latency benchmark" },
  "latency-clock": { type: "enum", values: ["wall", "cpu"], default: "wall", description: "latency clock" },
  "validation-report": { type: "path", description: "JSON report of the validate action" },
  report: { type: "path", description: "where to write the JSON report, the markdown beside it as <stem>.md; a path ending in .md names the markdown report, the JSON beside it as <stem>.json (default: $RUNNER_TEMP/mlops-evaluate-<name>.json, or -2, -3\u2026 for later steps of the job)" },
  comment: { type: "boolean", default: true, description: "post or update the sticky pull-request comment" },
  "fail-on-gate": { type: "boolean", default: true, description: "fail the step when a gate fails" },
  "comment-author": { type: "string", description: "login the comments are written under, e.g. <app-slug>[bot] for a GitHub App token" },
  token: { type: "string", description: "token for the comment" },
  outdated: { type: "string", description: "evaluate nothing: mark the sticky comment of an earlier evaluation as outdated, for this reason" },
  "token-is-default": { type: "boolean", description: "set by action.yml: the token is the workflow GITHUB_TOKEN" }
};
var entry = {
  name: "evaluate",
  async run(outerIo) {
    const runtime = createActionsRuntime(outerIo);
    const workspace = outerIo.env.GITHUB_WORKSPACE ?? outerIo.cwd;
    const io = { ...runtime.io, cwd: workspace };
    const inputs = parseInputs(evaluateInputs, io.env, { cwd: workspace });
    if (inputs.outdated !== void 0) return markOutdated(runtime, io, inputs);
    const candidate = inputs.candidate ?? (inputs.artifact ? inputs["artifact-dir"] : void 0);
    if (!candidate) throw new InputError("no candidate model: set 'artifact' (a workflow artifact name) or 'candidate' (a directory)", { key: "candidate" });
    const config = await loadConfig(inputs.config);
    let baseline = inputs.baseline;
    let noBaseline;
    if (baseline === void 0 || isModelRef(baseline)) await fetchRegistryTags(workspace, io.env, runtime);
    if (baseline === void 0) {
      const ref = productionRef(config);
      try {
        await resolveModelRef(ref, { cwd: workspace, env: io.env, ...referenceStores(io.env) });
        baseline = ref;
        runtime.info(`baseline: ${ref}`);
      } catch (error) {
        if (!(error instanceof RegistryMissError)) throw error;
        if (error.miss === "no-stage") noBaseline = error.detail;
        runtime.info(`no baseline (${error.message.split("\n")[0]}): evaluating the candidate alone; relative gates are skipped`);
      }
    }
    const { report, markdown, comment } = await runtime.group(`Evaluate ${config.name}`, () => evaluateAndRender(io, {
      config,
      candidate,
      ...baseline !== void 0 ? { baseline } : {},
      ...noBaseline !== void 0 ? { noBaseline } : {},
      ...inputs.data !== void 0 ? { data: inputs.data } : {},
      latency: inputs.latency,
      latencyClock: inputs["latency-clock"],
      ...inputs["validation-report"] !== void 0 ? { validationReport: inputs["validation-report"] } : {}
    }));
    const { json: reportPath, markdown: markdownPath } = evaluateReportPaths(inputs.report ?? await defaultReportPath(io.env, workspace, `mlops-evaluate-${config.name}`));
    await writeJsonAtomic(reportPath, report);
    await writeFileAtomic(markdownPath, comment);
    runtime.appendSummary(markdown);
    for (const gate of report.gates.filter((g) => g.status === "failed")) {
      runtime.annotate("error", gate.detail, { file: config.configPath ?? void 0, title: `Gate failed: ${gate.name}` });
    }
    for (const gate of report.gates.filter((g) => g.inconclusive)) {
      runtime.annotate("warning", gate.detail, { file: config.configPath ?? void 0, title: `Gate inconclusive: ${gate.name}` });
    }
    const commentUrl = inputs.comment ? await withComment(runtime, io, inputs, (commentIo, identity) => publishComment(commentIo, config.name, comment, identity)) : "";
    runtime.setOutput("passed", report.passed);
    runtime.setOutput("report", reportPath);
    runtime.setOutput("markdown", markdownPath);
    runtime.setOutput("comment-url", commentUrl);
    return report.passed || !inputs["fail-on-gate"] ? 0 : 1;
  }
};
async function markOutdated(runtime, io, inputs) {
  const config = await loadConfig(inputs.config);
  const reason = inputs.outdated;
  const commentUrl = inputs.comment ? await withComment(runtime, io, inputs, (commentIo, identity) => markCommentOutdated(commentIo, config.name, reason, identity)) : "";
  runtime.setOutput("comment-url", commentUrl);
  return 0;
}
async function withComment(runtime, io, inputs, write) {
  const env = inputs.token ? { ...io.env, GITHUB_TOKEN: inputs.token } : io.env;
  const identity = {
    ...inputs["comment-author"] !== void 0 ? { authorLogin: inputs["comment-author"] } : {},
    // Only the token input can be compared with github.token; GITHUB_TOKEN from the environment is unknown.
    ...inputs.token && inputs["token-is-default"] !== void 0 ? { defaultToken: inputs["token-is-default"] } : {}
  };
  const context = env.GITHUB_REPOSITORY ? resolveRunContext(env) : void 0;
  const done = context ? await postOrWarn(runtime, "evaluate", context, () => write({ ...io, env }, identity)) : await write({ ...io, env }, identity);
  if (done) runtime.info(done.message);
  return done?.url ?? "";
}
var evaluate_default = entry;
export {
  evaluate_default as default,
  evaluateInputs
};
