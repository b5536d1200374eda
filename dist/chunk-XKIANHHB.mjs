import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  STORE_OPTIONS,
  storeFromFlags
} from "./chunk-VXBWH6WN.mjs";
import {
  GitRegistry,
  cardTextFromConfig
} from "./chunk-3IUHIRSR.mjs";
import "./chunk-BIZBUEHE.mjs";
import "./chunk-EC4DIH3W.mjs";
import "./chunk-P5IS7C6Z.mjs";
import "./chunk-SNU2JPT2.mjs";
import {
  parseCommandArgs,
  requirePositional
} from "./chunk-W2347Q5A.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
import {
  oneLine
} from "./chunk-LVCVLYC2.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import {
  InputError,
  UsageError
} from "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/cli/commands/registry.ts
import { access } from "node:fs/promises";
import { join, resolve } from "node:path";
var USAGE = `mlops registry \u2014 model registry on git tags (GTO tag format) + an artifact store

Usage:
  mlops registry register <name> --model <dir> [--version vX.Y.Z | --bump patch|minor|major]
                 [--commit <rev>] [--stage <stage>] [--push] [--description <text>]
                 [--intended-use <text>] [--pr <n>] [--message <text>]
                 A re-run is idempotent: when the same model (sha256) is already registered
                 at the same commit, no tag is created and that version is reported as
                 'unchanged' (--push still puts its tag on the remote). --idempotent, the
                 old opt-in, is accepted and changes nothing.
  mlops registry promote <name> <version|latest> --stage <stage> [--push]
  mlops registry rollback <name> --stage <stage> [--push]
  mlops registry deprecate <name> [<version>] [--push]   version: deregister it (name@vX.Y.Z!);
                                                          none: deprecate the model (name@deprecated)
  mlops registry list [--json]
  mlops registry show <name> [--json]
  mlops registry history [<name>] [--json]
  mlops registry pull <name>@<version>|<name>@latest|<name>#<stage> -o <dir> [--json]

Common options:
  --config <file>       mlops.yaml (default ./mlops.yaml when present): registry.stages, model name
  --remote <name>       remote for --push (default origin)
  --fetch               fetch the remote's tags first (CI checkouts often have none)
  --store local|github  artifact store (default local: <repo>/.mlops/artifacts)
  --store-dir <dir>     local store directory (shared storage makes pull work across clones)
  --repo <owner/name>   GitHub repository for --store github (default GITHUB_REPOSITORY;
                        token from GITHUB_TOKEN, API URL from GITHUB_API_URL). Implies --push.
  --json                one JSON document on stdout; human text on stderr

Exit codes: 0 done (or already so), 2 could not run \u2014 including a push the remote refused
(someone else created the same tag first: the local tag is removed again).
`;
var OPTIONS = {
  model: { type: "string" },
  version: { type: "string" },
  bump: { type: "string" },
  commit: { type: "string" },
  stage: { type: "string" },
  push: { type: "boolean" },
  idempotent: { type: "boolean" },
  description: { type: "string" },
  "intended-use": { type: "string" },
  pr: { type: "string" },
  message: { type: "string" },
  config: { type: "string" },
  remote: { type: "string" },
  fetch: { type: "boolean" },
  ...STORE_OPTIONS,
  repo: { type: "string" },
  output: { type: "string", short: "o" },
  json: { type: "boolean" }
};
async function fileExists(path) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
async function openRegistry(values, io) {
  const env = io.env;
  let stages;
  let configName = null;
  let cardText = { description: null, intendedUse: null };
  const configPath = values.config ? resolve(io.cwd, values.config) : join(io.cwd, "mlops.yaml");
  if (values.config || await fileExists(configPath)) {
    const { loadConfig } = await import("./chunk-QX2SDY4O.mjs");
    const config = await loadConfig(configPath);
    stages = config.registry.stages;
    configName = config.name;
    cardText = cardTextFromConfig(config);
  }
  const { kind: storeKind, store, repositoryUrl } = storeFromFlags(values, io);
  const options = { cwd: io.cwd, env, stages, remote: values.remote };
  if (store) options.store = store;
  return { registry: new GitRegistry(options), configName, cardText, storeKind, repositoryUrl };
}
function emit(io, json, value, human) {
  if (json) {
    io.stdout(`${JSON.stringify(value, null, 2)}
`);
    if (human) io.stderr(human.endsWith("\n") ? human : `${human}
`);
  } else {
    io.stdout(human.endsWith("\n") ? human : `${human}
`);
  }
}
function pad(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}
function pushNote(pushed, push, remote) {
  if (pushed) return ` (pushed to ${remote})`;
  return push ? "" : ` (local only: 'git push ${remote} --tags' or --push to share it)`;
}
var command = {
  name: "registry",
  summary: "model registry on git tags: register, promote, rollback, deprecate, list, show, history, pull",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, "registry");
    const [sub, ...rest] = positionals;
    if (!sub) throw new UsageError(`missing subcommand.

${USAGE}`);
    const setup = await openRegistry(values, io);
    const { registry } = setup;
    if (values.fetch) await registry.fetch();
    const name = (i, what) => rest[i] ?? (i === 0 && setup.configName ? setup.configName : requirePositional(rest, i, "name", what));
    switch (sub) {
      case "register": {
        const model = name(0, "mlops registry register <name> --model <dir>");
        if (!values.model) throw new UsageError("missing --model <dir>: the model directory to register");
        if (values.bump && !["patch", "minor", "major"].includes(values.bump)) throw new UsageError(`--bump must be patch, minor or major, got '${values.bump}'`);
        if (values.pr !== void 0 && !/^\d+$/.test(values.pr)) throw new UsageError(`--pr must be a pull request number, got '${values.pr}'`);
        if (values.stage) registry.checkStage(values.stage);
        const result = await registry.register({
          name: model,
          modelDir: values.model,
          version: values.version,
          bump: values.bump,
          commit: values.commit,
          push: values.push,
          idempotent: values.idempotent,
          message: values.message,
          description: values.description ?? setup.cardText.description,
          intendedUse: values["intended-use"] ?? setup.cardText.intendedUse,
          pullRequest: values.pr ? Number(values.pr) : void 0,
          runUrl: io.env.GITHUB_RUN_ID && setup.repositoryUrl ? `${setup.repositoryUrl}/actions/runs/${io.env.GITHUB_RUN_ID}` : void 0,
          repositoryUrl: setup.repositoryUrl
        });
        let human = result.operation === "created" ? `Registered ${result.name} ${result.version}: tag '${result.tag}' at ${result.commit.slice(0, 12)}${pushNote(result.pushed, values.push, registry.remote)}` : `${result.name} ${result.version} is already registered with this model at ${result.commit.slice(0, 12)}: unchanged (tag '${result.tag}'${result.pushed ? `, on ${registry.remote}` : ""})`;
        human += `
  model sha256 ${result.modelSha256}; artifacts: ${result.store.kind} (${result.store.operation})${result.store.url ? ` ${result.store.url}` : ""}`;
        let promotion = null;
        if (values.stage) {
          promotion = await registry.promote({ name: result.name, version: result.version, stage: values.stage, push: values.push || setup.storeKind === "github" });
          human += `
${promotion.operation === "created" ? `Assigned ${values.stage} \u2192 ${result.version} (tag '${promotion.tag}')` : `${values.stage} already holds ${result.version}`}`;
        }
        emit(io, values.json, promotion ? { ...result, promotion } : result, human);
        return ExitCode.ok;
      }
      case "promote": {
        const model = requirePositional(rest, 0, "name", "mlops registry promote <name> <version> --stage <stage>");
        const version = requirePositional(rest, 1, "version", "mlops registry promote <name> <version> --stage <stage>");
        if (!values.stage) throw new UsageError("missing --stage <stage>");
        const r = await registry.promote({ name: model, version, stage: values.stage, push: values.push, message: values.message });
        emit(io, values.json, r, r.operation === "created" ? `Assigned ${r.name}#${r.stage} \u2192 ${r.version}${r.previous ? ` (was ${r.previous})` : ""}: tag '${r.tag}'${pushNote(r.pushed, values.push, registry.remote)}` : `${r.name}#${r.stage} already holds ${r.version}: unchanged${r.pushed ? ` (tag '${r.tag}' on ${registry.remote})` : ""}`);
        return ExitCode.ok;
      }
      case "rollback": {
        const model = requirePositional(rest, 0, "name", "mlops registry rollback <name> --stage <stage>");
        if (!values.stage) throw new UsageError("missing --stage <stage>");
        const r = await registry.rollback({ name: model, stage: values.stage, push: values.push, message: values.message });
        emit(io, values.json, r, `Rolled back ${r.name}#${r.stage}: ${r.previous} \u2192 ${r.version} (tags '${r.unassignmentTag}' unassigning ${r.previous}, '${r.tag}' assigning ${r.version})${pushNote(r.pushed, values.push, registry.remote)}`);
        return ExitCode.ok;
      }
      case "deprecate": {
        const model = requirePositional(rest, 0, "name", "mlops registry deprecate <name> [<version>]");
        const r = await registry.deprecate({ name: model, version: rest[1], push: values.push, message: values.message });
        const what = r.version ? `${r.name} ${r.version}` : `model ${r.name}`;
        let human = r.operation === "created" ? `Deprecated ${what}: tag '${r.tag}'${pushNote(r.pushed, values.push, registry.remote)}` : `${what} was already deprecated: unchanged${r.pushed ? ` (tag '${r.tag}' on ${registry.remote})` : ""}`;
        for (const [stage, holder] of Object.entries(r.stages)) human += `
  warning: stage ${stage} now resolves to ${holder ?? "nothing"}`;
        emit(io, values.json, r, human);
        return ExitCode.ok;
      }
      case "list": {
        const models = await registry.list();
        const rows = [["MODEL", "LATEST", "STAGES"], ...models.map((m) => [
          `${m.name}${m.deprecated ? " (deprecated)" : ""}`,
          m.latest ?? "-",
          Object.entries(m.stages).map(([s, v]) => `${s}=${v}`).join(" ") || "-"
        ])];
        emit(io, values.json, models, models.length ? pad(rows) : "No models registered (no annotated name@vX.Y.Z tags).");
        return ExitCode.ok;
      }
      case "show": {
        const model = name(0, "mlops registry show <name>");
        const state = await registry.model(model);
        if (!state) throw new InputError(`no model '${model}' in the registry`, { key: model });
        const versions = state.versions.map((v) => ({
          version: v.version,
          tag: v.tag,
          commit: v.commit,
          active: v.active,
          stages: v.stages,
          registeredAt: new Date(v.registeredAt).toISOString(),
          createdBy: v.actor,
          modelSha256: v.metadata?.model?.sha256 ?? null,
          parentVersion: v.metadata?.parentVersion ?? null,
          metrics: v.metadata?.metrics ?? {}
        }));
        const value = { name: state.name, latest: state.latest, stages: state.stages, deprecated: state.deprecated, versions };
        const rows = [["VERSION", "STAGES", "COMMIT", "REGISTERED", "BY"], ...[...versions].reverse().map((v) => [
          `${v.version}${v.active ? "" : " (deregistered)"}`,
          v.stages.join(",") || "-",
          v.commit.slice(0, 12),
          v.registeredAt,
          oneLine(v.createdBy)
        ])];
        emit(io, values.json, value, `${state.name}${state.deprecated ? " (deprecated)" : ""}: latest ${state.latest ?? "-"}
${pad(rows)}`);
        return ExitCode.ok;
      }
      case "history": {
        const entries = await registry.history(rest[0]);
        const rows = [["TIME", "EVENT", "NAME", "VERSION", "STAGE", "COMMIT", "ACTOR"], ...entries.map((e) => [
          e.time,
          e.event,
          e.name,
          e.version ?? "-",
          e.stage ?? "-",
          e.commit.slice(0, 12),
          oneLine(e.actor)
        ])];
        emit(io, values.json, entries, entries.length ? pad(rows) : "No registry events.");
        return ExitCode.ok;
      }
      case "pull": {
        const ref = requirePositional(rest, 0, "ref", "mlops registry pull <name>@<version>|<name>#<stage> -o <dir>");
        if (!values.output) throw new UsageError("missing -o <dir>: where to put the model");
        const r = await registry.pull(ref, values.output);
        emit(io, values.json, r, r.operation === "unchanged" ? `${r.dir} already holds ${r.name} ${r.version} (verified): unchanged` : `Pulled ${r.name} ${r.version}${r.stage ? ` (${r.stage})` : ""} into ${r.dir}; sha256 verified (${r.modelSha256})`);
        return ExitCode.ok;
      }
      default:
        throw new UsageError(`unknown registry subcommand '${sub}'.

${USAGE}`);
    }
  }
};
var registry_default = command;
export {
  registry_default as default,
  openRegistry
};
