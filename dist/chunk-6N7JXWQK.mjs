import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  parseInputs
} from "./chunk-QUBK3FVQ.mjs";
import {
  createActionsRuntime
} from "./chunk-SP45EASV.mjs";
import {
  GitRegistry,
  ReleaseArtifactStore,
  cardTextFromConfig,
  createReleaseBackend,
  runGit
} from "./chunk-3IUHIRSR.mjs";
import {
  createOctokit,
  resolveRunContext
} from "./chunk-BIZBUEHE.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-P5IS7C6Z.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-DVDZ43KM.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/actions/release.ts
import { access } from "node:fs/promises";
var releaseInputs = {
  // Read by action.yml's setup step; declared here so a value that is no boolean ('no') fails clearly.
  "setup-node": { type: "boolean", default: true, description: "install Node.js with actions/setup-node" },
  model: { type: "string", description: "registry name of the model (default: `name` in mlops.yaml)" },
  "model-dir": { type: "path", required: true, description: "model directory to register (the YAML points it at the downloaded artifact)" },
  artifact: { type: "string", description: "workflow artifact the model directory was downloaded from (recorded in the summary)" },
  version: { type: "string", description: "explicit version vX.Y.Z (default: bump the latest)" },
  bump: { type: "enum", values: ["patch", "minor", "major"], default: "patch", description: "bump when no version is given" },
  stage: { type: "string", description: "assign this stage to the registered version" },
  push: { type: "boolean", default: true, description: "push the tags to the remote" },
  store: { type: "enum", values: ["github", "local"], default: "github", description: "artifact store" },
  config: { type: "path", description: "mlops.yaml (registry.stages, name)" },
  description: { type: "string", description: "model card: description" },
  "intended-use": { type: "string", description: "model card: intended use" },
  remote: { type: "string", default: "origin", description: "git remote to push to" },
  token: { type: "string", description: "token with contents: write" }
};
async function taggerEnv(cwd, env) {
  if (env.GIT_COMMITTER_EMAIL) return {};
  try {
    if ((await runGit({ cwd, env }, ["config", "user.email"])).trim()) return {};
  } catch {
  }
  return { GIT_COMMITTER_NAME: "github-actions[bot]", GIT_COMMITTER_EMAIL: "41898282+github-actions[bot]@users.noreply.github.com" };
}
function summaryMarkdown(result, promotion, artifact, operation) {
  const lines = [`### Model registry: \`${result.name}\` ${result.version}`, ""];
  lines.push(result.operation === "created" ? `Registered **${result.version}** as tag \`${result.tag}\` at \`${result.commit.slice(0, 12)}\`${result.parentVersion ? ` (previous: ${result.parentVersion})` : " (first version)"}.` : `**${result.version}** was already registered with this model at this commit${operation === "unchanged" ? ": nothing changed" : ""}.`);
  lines.push("", `- Model sha256: \`${result.modelSha256}\`${artifact ? ` (from artifact \`${artifact}\`)` : ""}`);
  lines.push(`- Artifacts: ${result.store.kind}${result.store.url ? ` \u2014 [release](${result.store.url})` : ""} (${result.store.operation})`);
  if (promotion) {
    lines.push(`- Stage \`${promotion.stage}\`: ${promotion.operation === "created" ? `${promotion.previous ?? "none"} \u2192 **${promotion.version}** (tag \`${promotion.tag}\`)` : `already ${promotion.version}${promotion.pushed ? ` (tag \`${promotion.tag}\` on the remote)` : ""}`}`);
  }
  return `${lines.join("\n")}
`;
}
var entry = {
  name: "release",
  async run(io) {
    const runtime = createActionsRuntime(io);
    const workspace = io.env.GITHUB_WORKSPACE || io.cwd;
    const inputs = parseInputs(releaseInputs, io.env, { cwd: workspace });
    const context = io.env.GITHUB_REPOSITORY ? resolveRunContext(io.env) : void 0;
    const cwd = workspace;
    const env = { ...io.env, ...await taggerEnv(cwd, io.env) };
    let stages;
    let name = inputs.model;
    let cardText = { description: null, intendedUse: null };
    const configPath = inputs.config ?? `${workspace}/mlops.yaml`;
    const hasConfig = inputs.config !== void 0 || await access(configPath).then(() => true, () => false);
    if (hasConfig) {
      const { loadConfig } = await import("./chunk-QX2SDY4O.mjs");
      const config = await loadConfig(configPath);
      stages = config.registry.stages;
      name ??= config.name;
      cardText = cardTextFromConfig(config);
    }
    if (!name) throw new InputError("input 'model' is required when there is no mlops.yaml with a name", { key: "model" });
    const options = { cwd, env, stages, remote: inputs.remote };
    if (inputs.store === "github") {
      const token = inputs.token;
      if (!token) throw new InputError("input 'token' is required for store: github (it needs contents: write)", { key: "token" });
      if (!context) {
        throw new InputError("store: github needs the repository, and GITHUB_REPOSITORY is not set (GitHub Actions sets it; in a terminal set GITHUB_REPOSITORY=owner/name, or INPUT_STORE=local)", { key: "GITHUB_REPOSITORY" });
      }
      runtime.setSecret(token);
      const spacing = Number(io.env.MLOPS_GITHUB_WRITE_SPACING_MS);
      const octokit = createOctokit({
        token,
        env: io.env,
        onSecret: (v) => runtime.setSecret(v),
        ...io.env.MLOPS_GITHUB_WRITE_SPACING_MS && Number.isFinite(spacing) && spacing >= 0 ? { writeSpacingMs: spacing } : {}
      });
      options.store = new ReleaseArtifactStore(createReleaseBackend(octokit, context.owner, context.repo, context.serverUrl));
    }
    const registry = new GitRegistry(options);
    if (inputs.stage) registry.checkStage(inputs.stage);
    const push = inputs.push || inputs.store === "github";
    if (push) await runtime.group("Fetch registry tags", () => registry.fetch());
    const result = await runtime.group(`Register ${name}`, () => registry.register({
      name,
      modelDir: inputs["model-dir"],
      version: inputs.version,
      bump: inputs.version ? void 0 : inputs.bump,
      push,
      idempotent: true,
      description: inputs.description ?? cardText.description,
      intendedUse: inputs["intended-use"] ?? cardText.intendedUse,
      pullRequest: context?.prNumber,
      runUrl: context?.runUrl,
      repositoryUrl: context ? `${context.serverUrl}/${context.owner}/${context.repo}` : null
    }));
    runtime.info(`${result.operation === "created" ? "Registered" : "Already registered"} ${result.name} ${result.version} (${result.tag})`);
    let promotion = null;
    const stage = inputs.stage;
    const state = stage && result.operation === "unchanged" ? await registry.model(result.name) : null;
    const earlier = stage && state ? state.events.some((e) => e.event === "assignment" && e.stage === stage && e.version === result.version) : false;
    if (stage && earlier && state?.stages[stage] !== result.version) {
      runtime.annotate("notice", `${result.name} ${result.version} was assigned to ${stage} before; a re-run does not assign it again (use 'mlops registry promote' to do that on purpose).`, { title: "mlops release" });
    } else if (stage) {
      promotion = await runtime.group(`Assign ${stage}`, () => registry.promote({ name: result.name, version: result.version, stage, push }));
      runtime.info(`${stage}: ${promotion.operation === "created" ? `now ${promotion.version}` : `already ${promotion.version}`}${promotion.operation !== "created" && promotion.pushed ? ` (tag ${promotion.tag} on ${registry.remote})` : ""}`);
    }
    const operation = result.operation === "created" || promotion?.operation === "created" ? "created" : result.store.operation === "created" || result.store.operation === "updated" ? "updated" : "unchanged";
    runtime.setOutput("version", result.version);
    runtime.setOutput("tag", result.tag);
    runtime.setOutput("release-url", result.store.url ?? "");
    runtime.setOutput("operation", operation);
    runtime.appendSummary(summaryMarkdown(result, promotion, inputs.artifact, operation));
    runtime.finish();
    return 0;
  }
};
var release_default = entry;
export {
  release_default as default,
  releaseInputs
};
