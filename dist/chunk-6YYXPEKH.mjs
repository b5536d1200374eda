import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  configuredReference,
  driftHeadline,
  nothingJudged,
  runDrift
} from "./chunk-6BMXHWQI.mjs";
import {
  fetchRegistryTags
} from "./chunk-7WVQY7V4.mjs";
import {
  checkJsonReportInput,
  defaultReportPath
} from "./chunk-4U2LXZIH.mjs";
import "./chunk-JE3GIHDP.mjs";
import {
  parseInputs
} from "./chunk-QUBK3FVQ.mjs";
import {
  createActionsRuntime
} from "./chunk-SP45EASV.mjs";
import "./chunk-JQF754KU.mjs";
import "./chunk-ENN463DG.mjs";
import {
  isModelRef
} from "./chunk-3IUHIRSR.mjs";
import {
  createOctokit,
  resolveRunContext
} from "./chunk-BIZBUEHE.mjs";
import {
  formatPercent
} from "./chunk-FGDYCVTY.mjs";
import "./chunk-EC4DIH3W.mjs";
import {
  alert
} from "./chunk-P5IS7C6Z.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-KF6L3SPS.mjs";
import {
  loadConfig
} from "./chunk-D3J2R3HR.mjs";
import "./chunk-DVDZ43KM.mjs";
import "./chunk-GYSFXBIC.mjs";
import "./chunk-EAMZTAYM.mjs";
import "./chunk-6H53F6EY.mjs";
import "./chunk-VFQYOCDE.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-HTMWGR7O.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-M6T65NKY.mjs";
import {
  writeJsonAtomic
} from "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/actions/drift.ts
import { relative } from "node:path";
var driftInputs = {
  // Read by action.yml's setup step; declared here so a value that is no boolean ('no') fails clearly.
  "setup-node": { type: "boolean", default: true, description: "install Node.js with actions/setup-node" },
  config: { type: "path", default: "mlops.yaml", description: "mlops.yaml of the model" },
  reference: { type: "string", description: "data file, profile.json or registry reference (default: drift.reference, else <name>#<last registry stage>)" },
  current: { type: "string", description: "current data file or glob, or a profile.json (default: drift.current)" },
  "open-pr": { type: "boolean", default: true, description: "on drift, push the retraining branch and open or update its pull request" },
  "fail-on-drift": { type: "boolean", default: false, description: "fail the step when dataset drift is found" },
  base: { type: "string", description: "base branch of the retraining pull request (default: drift.retrain.base, else the default branch)" },
  "dispatch-workflow": { type: "string", description: "workflow file to dispatch on the retraining branch when the token is GITHUB_TOKEN" },
  "token-is-default": { type: "boolean", default: false, description: "set by action.yml: the token is the workflow GITHUB_TOKEN" },
  token: { type: "string", description: "token for the pull request (a PAT or App token starts the pull-request workflows)" },
  report: { type: "path", description: "where to write the JSON report (default: $RUNNER_TEMP/mlops-drift.json, or mlops-drift-2.json, -3\u2026 for later steps of the job)" }
};
var entry = {
  name: "drift",
  async run(io) {
    const runtime = createActionsRuntime(io);
    const workspace = io.env.GITHUB_WORKSPACE ?? io.cwd;
    const inputs = parseInputs(driftInputs, io.env, { cwd: workspace });
    checkJsonReportInput(inputs.report);
    const config = await loadConfig(inputs.config);
    const reference = inputs.reference ?? configuredReference(config);
    const current = inputs.current ?? config.drift.current;
    if (current && isModelRef(reference)) await fetchRegistryTags(workspace, io.env, runtime);
    if (!current) {
      const configFile = relative(workspace, inputs.config) || inputs.config;
      const message = `drift check skipped: ${configFile} has no drift.current and the input current is empty. Set drift.current to recent production data (a file, a glob of shards or a profile.json) to start checking.`;
      runtime.annotate("notice", message, { file: configFile, title: "drift check not set up" });
      runtime.appendSummary(`## Data drift: ${config.name}

${alert("NOTE", message)}`);
      runtime.setOutput("drifted", false);
      runtime.setOutput("share", 0);
      runtime.setOutput("pr-url", "");
      runtime.setOutput("operation", "skipped");
      runtime.setOutput("report", "");
      return 0;
    }
    const token = inputs.token ?? io.env.GITHUB_TOKEN;
    if (token) runtime.setSecret(token);
    const context = inputs["open-pr"] && token && io.env.GITHUB_REPOSITORY ? resolveRunContext(io.env) : void 0;
    let checked;
    let outcome;
    try {
      outcome = await runtime.group("Drift check", () => runDrift({
        cwd: workspace,
        env: io.env,
        config,
        reference,
        current,
        ...inputs["open-pr"] ? {
          retrain: {
            base: inputs.base ?? null,
            ...context && token ? {
              github: {
                octokit: createOctokit({ token, env: io.env, onSecret: (v) => runtime.setSecret(v) }),
                owner: context.owner,
                repo: context.repo,
                isDefaultToken: inputs["token-is-default"],
                ...inputs["dispatch-workflow"] ? { dispatchWorkflow: inputs["dispatch-workflow"] } : {},
                ...context.runUrl ? { summaryUrl: context.runUrl } : {}
              }
            } : {}
          }
        } : {},
        onChecked: (result) => {
          checked = result;
        }
      }));
    } catch (error) {
      if (!checked) throw error;
      publishCheck(runtime, checked);
      checked.json.retrain = { error: error instanceof Error ? error.message : String(error) };
      const reportPath2 = inputs.report ?? await defaultReportPath(io.env, workspace, "mlops-drift");
      await writeJsonAtomic(reportPath2, checked.json);
      runtime.setOutput("drifted", checked.check.report.drifted);
      runtime.setOutput("share", checked.check.report.share);
      runtime.setOutput("report", reportPath2);
      throw error;
    }
    const report = outcome.check.report;
    publishCheck(runtime, outcome);
    if (outcome.retrain) runtime.info(outcome.retrain.message);
    if (outcome.retrain?.outbox && runtime.inActions) {
      const why = !token ? "the step has no token (the token input and GITHUB_TOKEN are empty)" : "GITHUB_REPOSITORY is not set";
      runtime.annotate("warning", `Dataset drift was found and ${config.drift.retrain.branch} was pushed, but no pull request was opened: ${why}. Pass token: \${{ github.token }} (or a PAT / App token) to the drift step; the pull request it would have opened is in ${outcome.retrain.outbox} on the runner.`, { title: "mlops drift: no pull request opened" });
    }
    const reportPath = inputs.report ?? await defaultReportPath(io.env, workspace, "mlops-drift");
    await writeJsonAtomic(reportPath, outcome.json);
    runtime.setOutput("drifted", report.drifted);
    runtime.setOutput("share", report.share);
    runtime.setOutput("pr-url", outcome.retrain?.pullRequest?.url ?? "");
    runtime.setOutput("operation", outcome.retrain?.operation ?? "skipped");
    runtime.setOutput("report", reportPath);
    return report.drifted && inputs["fail-on-drift"] ? 1 : 0;
  }
};
var drift_default = entry;
function publishCheck(runtime, outcome) {
  const report = outcome.check.report;
  runtime.info(driftHeadline(report));
  runtime.appendSummary(outcome.markdown);
  for (const c of report.columns.filter((col) => col.drifted)) {
    runtime.annotate("warning", driftAnnotation(c), { title: `drift in ${c.name}` });
  }
  if (nothingJudged(report)) {
    runtime.annotate("warning", driftHeadline(report), { title: "drift check: insufficient data" });
  }
}
function driftAnnotation(c) {
  const parts = [];
  if (Number.isFinite(c.score)) parts.push(`${c.method} ${c.score.toPrecision(3)} vs threshold ${c.threshold}`);
  if (c.nulls.drifted) parts.push(`nulls ${formatPercent(c.nulls.reference)} \u2192 ${formatPercent(c.nulls.current)}`);
  if (c.nonNumeric?.drifted) parts.push(`not numbers ${formatPercent(c.nonNumeric.reference)} \u2192 ${formatPercent(c.nonNumeric.current)}`);
  return `${c.name}: ${parts.join("; ")} (${c.reasons.join(", ")})`;
}
export {
  drift_default as default,
  driftInputs
};
