import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  LocalArtifactStore,
  ReleaseArtifactStore,
  createReleaseBackend,
  referenceStores
} from "./chunk-3IUHIRSR.mjs";
import {
  createOctokit,
  resolveToken
} from "./chunk-BIZBUEHE.mjs";
import {
  UsageError
} from "./chunk-DXANMND3.mjs";

// src/cli/artifact-store.ts
import { resolve } from "node:path";
var STORE_OPTIONS = {
  store: { type: "string" },
  "store-dir": { type: "string" }
};
function storeUsage(column, repoFlag) {
  const options = [
    ["--store local|github", [
      "artifact store of a registry reference, as on mlops registry: local (default)",
      "is <repo>/.mlops/artifacts, then the GitHub Releases of GITHUB_REPOSITORY when",
      `a token is set; github: the releases of ${repoFlag ? "--repo or " : ""}GITHUB_REPOSITORY (GITHUB_TOKEN)`
    ]],
    ["--store-dir <dir>", [
      "local store directory, as on mlops registry: on shared storage (a mounted",
      "volume) a fresh clone resolves name#stage from it"
    ]]
  ];
  const indent = " ".repeat(column);
  return options.map(([flag, lines]) => {
    const head = `  ${flag}`;
    const first = head.length < column ? `${head.padEnd(column)}${lines[0]}` : `${head}
${indent}${lines[0]}`;
    return [first, ...lines.slice(1).map((line) => `${indent}${line}`)].join("\n");
  }).join("\n");
}
function storeFromFlags(flags, io) {
  const env = io.env;
  const kind = flags.store ?? "local";
  if (kind !== "local" && kind !== "github") throw new UsageError(`--store must be local or github, got '${kind}'`);
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/$/, "");
  const repository = flags.repo ?? env.GITHUB_REPOSITORY;
  const repositoryUrl = repository && /^[^/]+\/[^/]+$/.test(repository) ? `${serverUrl}/${repository}` : null;
  if (kind === "github") {
    if (!repository || !/^[^/\s]+\/[^/\s]+$/.test(repository)) throw new UsageError("--store github needs --repo owner/name (or GITHUB_REPOSITORY)");
    if (!resolveToken({ env })) throw new UsageError("--store github needs a token in GITHUB_TOKEN");
    const [owner, repo] = repository.split("/");
    return { kind, store: new ReleaseArtifactStore(createReleaseBackend(createOctokit({ env }), owner, repo, serverUrl)), repositoryUrl };
  }
  if (flags["store-dir"]) return { kind, store: new LocalArtifactStore(resolve(io.cwd, flags["store-dir"])), repositoryUrl };
  return { kind, repositoryUrl };
}
function referenceStoresFromFlags(flags, io) {
  const choice = storeFromFlags(flags, io);
  if (choice.kind === "github") return { store: choice.store };
  return { ...choice.store ? { store: choice.store } : {}, ...referenceStores(io.env) };
}

export {
  STORE_OPTIONS,
  storeUsage,
  storeFromFlags,
  referenceStoresFromFlags
};
