import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  configuredReference,
  driftHeadline,
  runDrift
} from "./chunk-6BMXHWQI.mjs";
import "./chunk-JE3GIHDP.mjs";
import "./chunk-JQF754KU.mjs";
import {
  STORE_OPTIONS,
  referenceStoresFromFlags,
  storeUsage
} from "./chunk-VXBWH6WN.mjs";
import "./chunk-ENN463DG.mjs";
import {
  isModelRef
} from "./chunk-3IUHIRSR.mjs";
import {
  createOctokit,
  resolveRunContext
} from "./chunk-BIZBUEHE.mjs";
import {
  configAboveHint,
  loadConfigIfAny
} from "./chunk-UR53JOIA.mjs";
import "./chunk-FGDYCVTY.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-P5IS7C6Z.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-KF6L3SPS.mjs";
import "./chunk-4JGCLKKO.mjs";
import "./chunk-D3J2R3HR.mjs";
import {
  refuseOverwritingInputs
} from "./chunk-U74FAAQZ.mjs";
import "./chunk-GYSFXBIC.mjs";
import {
  parseCommandArgs,
  reportFileFlag
} from "./chunk-W2347Q5A.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
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
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import {
  UsageError
} from "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/cli/commands/drift.ts
import { resolve } from "node:path";
var usage = `mlops drift [--config mlops.yaml] --reference <data|profile.json|name#stage> --current <data|profile.json>
            [--json] [--report <file>] [--markdown <file>] [--fail-on-drift]
            [--open-pr [--remote origin] [--base <branch>] [--no-push] [--dispatch <workflow.yml>] [--repo owner/name]]
            [--schema <file>] [--features a,b,c] [--dataset-share 0.5] [--store local|github] [--store-dir <dir>]

Compares the current data with the reference feature by feature and decides dataset drift.
  --reference       a data file or glob, a profile.json, or a registry reference (default:
                    drift.reference in mlops.yaml, else <name>#<last of registry.stages>)
  --current         a data file or glob (shards are profiled and merged), or a profile.json
                    (default: drift.current in mlops.yaml)
  --open-pr         on drift, commit the report to the branch drift.retrain.branch and open or update
                    its pull request (GitHub: needs GITHUB_TOKEN/INPUT_TOKEN and GITHUB_REPOSITORY;
                    otherwise the pull request is written to .mlops/outbox/)
  --no-push         with --open-pr: commit the branch in the local repository only; the pull
                    request is written to .mlops/outbox/, not opened
  --fail-on-drift   exit 1 when dataset drift is found
Where a registry reference's model (its profile.json) is read from:
${storeUsage(20, true)}
Exit codes: 0 checked (and no drift with --fail-on-drift), 1 drift with --fail-on-drift, 2 could not run.`;
var command = {
  name: "drift",
  summary: "compare current data with the reference; open a retraining PR on drift",
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      config: { type: "string" },
      reference: { type: "string" },
      current: { type: "string" },
      schema: { type: "string" },
      features: { type: "string" },
      "dataset-share": { type: "string" },
      json: { type: "boolean" },
      report: { type: "string" },
      markdown: { type: "string" },
      "fail-on-drift": { type: "boolean" },
      "open-pr": { type: "boolean" },
      remote: { type: "string" },
      base: { type: "string" },
      "no-push": { type: "boolean" },
      dispatch: { type: "string" },
      repo: { type: "string" },
      ...STORE_OPTIONS
    }, "drift");
    let datasetShare;
    if (values["dataset-share"] !== void 0) {
      datasetShare = Number(values["dataset-share"]);
      if (!(datasetShare > 0 && datasetShare <= 1)) throw new UsageError(`--dataset-share must be in (0, 1], got '${values["dataset-share"]}'`);
    }
    return runDriftCommand({
      config: values.config,
      reference: values.reference,
      current: values.current,
      schema: values.schema,
      features: values.features?.split(",").map((s) => s.trim()).filter(Boolean),
      datasetShare,
      json: values.json ?? false,
      report: reportFileFlag(values.report, "report", "drift"),
      markdown: reportFileFlag(values.markdown, "markdown", "drift"),
      failOnDrift: values["fail-on-drift"] ?? false,
      openPr: values["open-pr"] ?? false,
      remote: values.remote,
      base: values.base,
      push: !values["no-push"],
      dispatch: values.dispatch,
      repository: values.repo,
      ...values.store !== void 0 || values["store-dir"] !== void 0 ? { stores: referenceStoresFromFlags(values, io) } : {}
    }, io);
  }
};
var drift_default = command;
async function runDriftCommand(request, io) {
  const config = await loadConfigIfAny(request.config, io.cwd);
  const reference = request.reference ?? (config ? configuredReference(config) : void 0);
  const current = request.current ?? config?.drift.current ?? void 0;
  const above = config === void 0 ? configAboveHint(io.cwd) : "";
  if (!reference) throw new UsageError(`missing --reference (no mlops.yaml with drift.reference or a model name found${above})`);
  if (!current) throw new UsageError(`missing --current (and no drift.current in mlops.yaml${above})`);
  await refuseOverwritingInputs(
    [{ flag: "report", path: request.report }, { flag: "markdown", path: request.markdown }],
    [isModelRef(reference) ? void 0 : reference, current, request.schema, config?.configPath, config?.data.schema],
    io.cwd
  );
  let checked;
  let outcome;
  try {
    outcome = await runDrift({
      cwd: io.cwd,
      env: io.env,
      config,
      reference,
      current,
      ...request.stores ? { stores: request.stores } : {},
      ...request.schema ? { schema: request.schema } : {},
      ...request.features ? { features: request.features } : {},
      ...request.datasetShare !== void 0 ? { datasetShare: request.datasetShare } : {},
      ...request.openPr ? { retrain: { base: request.base ?? null, ...request.remote ? { remote: request.remote } : {}, push: request.push, github: githubFor(request, io) } } : {},
      onChecked: (result) => {
        checked = result;
      }
    });
  } catch (error) {
    if (!checked) throw error;
    checked.json.retrain = { error: error instanceof Error ? error.message : String(error) };
    await publish(checked, request, io);
    throw error;
  }
  if (outcome.retrain) io.stderr(`mlops drift: ${outcome.retrain.message}
`);
  await publish(outcome, request, io);
  return outcome.check.report.drifted && request.failOnDrift ? ExitCode.checkFailed : ExitCode.ok;
}
async function publish(outcome, request, io) {
  if (request.report) await writeJsonAtomic(resolve(io.cwd, request.report), outcome.json, { what: "report", name: request.report });
  if (request.markdown) await writeFileAtomic(resolve(io.cwd, request.markdown), outcome.markdown, { what: "report", name: request.markdown });
  io.stdout(request.json ? `${JSON.stringify(outcome.json, null, 2)}
` : `${outcome.markdown}
`);
  io.stderr(`mlops drift: ${driftHeadline(outcome.check.report)}
`);
}
function githubFor(request, io) {
  const token = io.env.INPUT_TOKEN || io.env.GITHUB_TOKEN;
  const repository = request.repository ?? io.env.GITHUB_REPOSITORY;
  if (!token || !repository) return void 0;
  const context = resolveRunContext(io.env, { repository });
  return {
    octokit: createOctokit({ token, env: io.env }),
    owner: context.owner,
    repo: context.repo,
    isDefaultToken: io.env.MLOPS_TOKEN_IS_GITHUB_TOKEN === "true",
    ...request.dispatch ? { dispatchWorkflow: request.dispatch } : {},
    ...context.runUrl ? { summaryUrl: context.runUrl } : {}
  };
}
export {
  drift_default as default
};
