import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  createOctokit,
  ensureRelease,
  resolveToken
} from "./chunk-BIZBUEHE.mjs";
import {
  digestFileList,
  hashModelDir,
  listModelFiles,
  sha256File
} from "./chunk-EC4DIH3W.mjs";
import {
  escapeCell,
  inlineCode,
  plainText
} from "./chunk-P5IS7C6Z.mjs";
import {
  exists,
  writeFileAtomic
} from "./chunk-HY2LPEBQ.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/core/git.ts
import { spawn } from "node:child_process";
var GitError = class extends Error {
  args;
  stderr;
  stdout;
  exitCode;
  constructor(args, exitCode, stderr, stdout = "") {
    super(`git ${args.join(" ")} failed (exit ${exitCode}): ${stderr.trim()}`);
    this.name = "GitError";
    this.args = args;
    this.stderr = stderr;
    this.stdout = stdout;
    this.exitCode = exitCode;
  }
};
function runGit(ctx, args, input) {
  return new Promise((resolvePromise, reject) => {
    const env = {};
    for (const [k, v] of Object.entries({ ...process.env, ...ctx.env ?? {} })) if (v !== void 0) env[k] = v;
    env.GIT_TERMINAL_PROMPT = "0";
    env.LC_ALL = "C";
    const child = spawn("git", args, { cwd: ctx.cwd, env, stdio: [input === void 0 ? "ignore" : "pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout?.on("data", (c) => out.push(c));
    child.stderr?.on("data", (c) => err.push(c));
    child.on("error", (e) => reject(new InputError(`cannot run git: ${e.message}`, { key: "git" })));
    child.on("close", (code) => {
      const stdout = Buffer.concat(out).toString("utf8");
      if (code === 0) resolvePromise(stdout);
      else reject(new GitError(args, code, Buffer.concat(err).toString("utf8"), stdout));
    });
    if (child.stdin) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(input);
    }
  });
}

// src/registry/errors.ts
var RegistryMissError = class extends InputError {
  constructor(miss, message, location = {}) {
    super(message, location);
    this.miss = miss;
    this.name = "RegistryMissError";
  }
  miss;
};

// src/registry/git.ts
async function repoRoot(ctx) {
  try {
    return (await runGit(ctx, ["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    if (error instanceof GitError) throw new RegistryMissError("no-repository", "not a git repository (the registry lives in git tags)", { file: ctx.cwd });
    throw error;
  }
}
async function resolveCommit(ctx, rev) {
  if (rev.startsWith("-")) throw new InputError(`invalid revision '${rev}'`, { key: "commit" });
  try {
    return (await runGit(ctx, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`])).trim();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const any = await runGit(ctx, ["rev-list", "-n", "1", "--all"]).catch(() => "");
    if (any.trim() === "") {
      throw new InputError(`the repository has no commit yet, so there is no '${rev}' to tag: commit the code and config the model was trained from first`, { file: ctx.cwd });
    }
    throw new InputError(`no such commit '${rev}'`, { key: "commit" });
  }
}
var FIELDS = ["%(refname)", "%(objecttype)", "%(objectname)", "%(*objectname)", "%(*objecttype)", "%(taggername)", "%(taggeremail)", "%(taggerdate:unix)", "%(contents)"];
async function listTags(ctx) {
  const out = await runGit(ctx, ["for-each-ref", `--format=${FIELDS.join("%00")}%00`, "refs/tags"]);
  const parts = out.split("\0");
  const tags = [];
  for (let i = 0; i + FIELDS.length <= parts.length; i += FIELDS.length) {
    const [ref, type, object, peeled, peeledType, tName, tEmail, tTime, contents] = parts.slice(i, i + FIELDS.length);
    const name = ref.replace(/^\n/, "").replace(/^refs\/tags\//, "");
    const annotated = type === "tag";
    tags.push({
      name,
      object,
      annotated,
      commit: annotated ? peeledType === "commit" ? peeled : null : type === "commit" ? object : null,
      taggerName: tName ?? "",
      taggerEmail: (tEmail ?? "").replace(/^<|>$/g, ""),
      taggerTime: Number(tTime) || 0,
      message: contents ?? ""
    });
  }
  return tags;
}
async function createAnnotatedTag(ctx, tag, commit, message) {
  try {
    await runGit(ctx, ["tag", "-a", "--cleanup=verbatim", "-F", "-", tag, commit], message);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (/already exists/.test(error.stderr)) throw new InputError(`tag '${tag}' already exists`, { key: tag });
    if (/Please tell me who you are|unable to auto-detect email address|empty ident name/.test(error.stderr)) {
      throw new InputError(
        `git has no identity to write tag '${tag}' with (an annotated tag names its tagger): run 'git config user.name "Your Name"' and 'git config user.email you@example.com', or set GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL (in GitHub Actions e.g. github-actions[bot] and 41898282+github-actions[bot]@users.noreply.github.com)`,
        { key: tag },
        { cause: error }
      );
    }
    const reason = error.stderr.split("\n").map((l) => l.trim()).filter(Boolean).join("; ") || error.message;
    throw new InputError(`git could not write tag '${tag}': ${reason}`, { key: tag }, { cause: error });
  }
  return (await runGit(ctx, ["rev-parse", `refs/tags/${tag}`])).trim();
}
async function deleteTagIf(ctx, tag, object) {
  await runGit(ctx, ["update-ref", "-d", `refs/tags/${tag}`, object]);
}
function checkRemote(remote) {
  if (!remote || remote.startsWith("-")) throw new InputError(`invalid remote '${remote}'`, { key: "remote" });
}
async function pushTags(ctx, remote, tags) {
  checkRemote(remote);
  try {
    await runGit(ctx, ["push", "--atomic", "--porcelain", remote, ...tags.map((t) => `refs/tags/${t}:refs/tags/${t}`)]);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const text = `${error.stdout}
${error.stderr}`;
    const rejected = /\[rejected\]|already exists|\[remote rejected\]|atomic push failed/.test(text);
    const reason = text.split("\n").map((l) => l.trim()).filter((l) => l && !/^(To |Done$)/.test(l)).join("; ") || error.message;
    return { ok: false, reason, rejectedByRemote: rejected, exists: /already exists|cannot lock ref|failed to (?:update|lock) ref/.test(text) };
  }
}
async function fetchTags(ctx, remote) {
  checkRemote(remote);
  try {
    await runGit(ctx, ["fetch", "--tags", "--force", "--quiet", remote]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const reason = error.stderr.split("\n").map((l) => l.trim()).filter(Boolean).join("; ") || error.message;
    throw new InputError(`could not fetch the registry tags from '${remote}': ${reason}`, { key: "remote" }, { cause: error });
  }
}
async function gitIdentity(ctx) {
  try {
    const ident = (await runGit(ctx, ["var", "GIT_COMMITTER_IDENT"])).trim();
    return ident.replace(/\s+\d+\s+[+-]\d{4}$/, "");
  } catch {
    return "unknown";
  }
}

// src/registry/model-card.ts
var MODEL_CARD_LIMIT = 12e4;
function fmt(x) {
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? x.toExponential(3) : x.toFixed(4);
}
function table(head, rows) {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(escapeCell).join(" | ")} |`)
  ].join("\n");
}
function metricCell(m) {
  return m.low !== void 0 && m.high !== void 0 ? `${fmt(m.value)} [${fmt(m.low)}, ${fmt(m.high)}]` : fmt(m.value);
}
function flatten(value, prefix = "") {
  const out = [];
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object" && !Array.isArray(v)) out.push(...flatten(v, key));
    else out.push([key, typeof v === "number" ? fmt(v) : JSON.stringify(v) ?? "null"]);
  }
  return out;
}
function renderModelCard(input) {
  const { metadata: meta, run, profile } = input;
  const repo = input.repositoryUrl?.replace(/\/$/, "") ?? null;
  const commitText = repo ? `[\`${meta.commit.slice(0, 12)}\`](${repo}/commit/${meta.commit})` : `\`${meta.commit.slice(0, 12)}\``;
  const parts = [];
  parts.push(`# Model card: ${meta.name} ${meta.version ?? ""}`.trimEnd());
  parts.push(`## Description

${input.description?.trim() || "_No description given (set it with `--description`)._"}`);
  parts.push(`## Intended use

${input.intendedUse?.trim() || "_Not stated (set it with `--intended-use`)._"}`);
  const details = [];
  if (run?.task) details.push(["Task", run.task]);
  if (run?.label) details.push(["Label", plainText(run.label)]);
  if (run?.features.length) details.push(["Features", run.features.map(plainText).join(", ")]);
  if (run?.backend) details.push(["Training backend", run.backend]);
  if (meta.model) {
    details.push(["Model sha256", `\`${meta.model.sha256}\``]);
    details.push(["Model size", `${meta.model.bytes} bytes in ${meta.model.files.length} files`]);
  }
  if (details.length) parts.push(`## Model

${table(["", ""], details)}`);
  const data = meta.data?.length ? meta.data : run?.data.length ? run.data : profile?.sources ?? [];
  const dataParts = [];
  if (data.length) {
    dataParts.push(table(["File", "Role", "Rows", "sha256", "md5 (DVC)"], data.map((d) => [
      inlineCode(d.path),
      d.role ?? "",
      d.rows !== void 0 ? String(d.rows) : "",
      d.sha256 ? `\`${d.sha256.slice(0, 16)}\u2026\`` : "",
      d.md5 ? `\`${d.md5}\`` : ""
    ])));
  }
  if (profile) {
    const rows = profile.rows !== null ? `${profile.rows} rows, ` : "";
    dataParts.push(`Training data profile: ${rows}${profile.columns.length} columns.`);
    if (profile.columns.length) {
      dataParts.push(table(["Column", "Type", "Null fraction", "Mean"], profile.columns.map((c) => [
        plainText(c.name),
        c.type,
        c.nullFraction !== null ? fmt(c.nullFraction) : "",
        c.mean !== null ? fmt(c.mean) : ""
      ])));
    }
  }
  parts.push(`## Data

${dataParts.join("\n\n") || "_No data files recorded in run.json._"}`);
  const params = flatten(meta.params ?? run?.params ?? {});
  parts.push(`## Training parameters

${params.length ? table(["Parameter", "Value"], params.map(([k, v]) => [plainText(k), plainText(v)])) : "_None recorded._"}`);
  const metrics = run?.metrics && Object.keys(run.metrics).length ? run.metrics : metricsFromMetadata(meta);
  const anyInterval = Object.values(metrics).some((m) => m.low !== void 0);
  parts.push(`## Metrics

${Object.keys(metrics).length ? `${table(["Metric", anyInterval ? "Value [interval]" : "Value"], Object.entries(metrics).map(([k, m]) => [plainText(k), metricCell(m)]))}` : "_None recorded._"}`);
  const lineage = [["Commit", commitText], ["Registered by", plainText(meta.createdBy)], ["Registered at", meta.createdAt]];
  lineage.push(["Parent version", meta.parentVersion ?? "none (first version)"]);
  if (meta.pullRequest) lineage.push(["Pull request", repo ? `[#${meta.pullRequest}](${repo}/pull/${meta.pullRequest})` : `#${meta.pullRequest}`]);
  if (meta.runUrl) lineage.push(["Workflow run", meta.runUrl]);
  parts.push(`## Lineage

${table(["", ""], lineage)}`);
  parts.push("## Limitations\n\n<!-- mlops: the model owner fills this in -->\n_To be completed by the model owner: known failure modes, populations or conditions the model was not evaluated on, ethical considerations._");
  let total = parts.reduce((n, p) => n + p.length + 2, 0);
  while (total > MODEL_CARD_LIMIT) {
    const i = parts.reduce((best, p, j) => p.length > parts[best].length ? j : best, 0);
    const lines = parts[i].split("\n");
    const excess = total - MODEL_CARD_LIMIT + 200;
    let cut = 0;
    let drop = 0;
    while (lines.length - drop > 4 && cut < excess) cut += lines[lines.length - 1 - drop++].length + 1;
    if (drop === 0) break;
    const kept = lines.slice(0, lines.length - drop);
    kept.push("", `_\u2026 ${drop} more rows cut to fit the release body limit; the full data is in run.json and profile.json._`);
    const before = parts[i].length;
    parts[i] = kept.join("\n");
    total += parts[i].length - before;
  }
  return `${parts.join("\n\n")}
`.slice(0, MODEL_CARD_LIMIT);
}
function metricsFromMetadata(meta) {
  const out = {};
  for (const [k, v] of Object.entries(meta.metrics ?? {})) {
    if (typeof v === "number") out[k] = { value: v };
    else if (v && typeof v === "object" && typeof v.value === "number") out[k] = v;
  }
  return out;
}
function cardTextFromConfig(config) {
  const c = config ?? {};
  const r = c.registry ?? {};
  const text = (v) => typeof v === "string" && v.trim() ? v : null;
  return { description: text(c.description) ?? text(r.description), intendedUse: text(c.intendedUse) ?? text(r.intendedUse) };
}

// src/registry/store.ts
import { copyFile, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
var MissingArtifactError = class extends InputError {
};
async function describeAssets(assets) {
  const out = [];
  for (const a of assets) out.push({ name: a.name, contentType: a.contentType, ...await sha256File(a.path) });
  return out;
}
var LocalArtifactStore = class {
  constructor(dir) {
    this.dir = dir;
    this.location = dir;
  }
  dir;
  kind = "local";
  location;
  /** Path of a blob by its sha256. */
  blobPath(sha256) {
    return join(this.dir, "sha256", sha256.slice(0, 2), sha256);
  }
  describe(assets) {
    return describeAssets(assets);
  }
  async put(request) {
    const entries = await describeAssets(request.assets);
    let created = false;
    try {
      await ignoreInGit(this.dir);
      for (let i = 0; i < entries.length; i++) {
        const target = this.blobPath(entries[i].sha256);
        if (await exists(target)) continue;
        await mkdir(dirname(target), { recursive: true });
        const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
        await copyFile(request.assets[i].path, temp);
        await rename(temp, target);
        created = true;
      }
    } catch (error) {
      const code = error.code;
      if (typeof code !== "string") throw error;
      const why = code === "ENOTDIR" || code === "EEXIST" ? "it, or a part of its path, is a file" : error.message.replace(/,.*$/s, "");
      throw new InputError(`cannot write to the artifact store: ${why}`, { file: this.dir }, { cause: error });
    }
    return { operation: created ? "created" : "unchanged", url: null, assets: entries };
  }
  async fetch(request) {
    const source = this.blobPath(request.asset.sha256);
    if (!await exists(source)) {
      throw new MissingArtifactError(
        `artifact '${request.asset.name}' of ${request.tag} is not in the local store (${this.dir}); it was registered on another machine: use --store github, or --store-dir pointing at the shared store`,
        { file: source, key: request.asset.name }
      );
    }
    await mkdir(dirname(request.dest), { recursive: true });
    await copyFile(source, request.dest);
    return { source };
  }
};
async function ignoreInGit(dir) {
  const path = join(dir, ".gitignore");
  if (await exists(path)) return;
  await mkdir(dir, { recursive: true });
  await writeFile(path, "# Written by mlops: registry artifacts are stored by content hash, not in git.\n*\n");
}
var ReleaseArtifactStore = class {
  constructor(backend) {
    this.backend = backend;
    this.location = backend.location;
  }
  backend;
  kind = "github";
  location;
  describe(assets) {
    return describeAssets(assets);
  }
  async put(request) {
    const entries = await describeAssets(request.assets);
    const result = await this.backend.ensureRelease({ tag: request.tag, name: request.title, body: request.body, assets: request.assets });
    return { operation: result.operation, url: result.url, assets: entries };
  }
  async fetch(request) {
    await mkdir(dirname(request.dest), { recursive: true });
    await rm(request.dest, { force: true });
    return this.backend.downloadAsset({ tag: request.tag, assetName: request.asset.name, dest: request.dest });
  }
};

// src/registry/registry.ts
import { mkdtemp, mkdir as mkdir3, readdir, rename as rename2, rm as rm2, stat } from "node:fs/promises";
import { basename, dirname as dirname3, join as join5, resolve } from "node:path";
import { tmpdir } from "node:os";

// src/registry/metadata.ts
var METADATA_SCHEMA = "mlops.registry/v1";
var FENCE_OPEN_RE = /```json[ \t]*\r?\n/g;
function formatTagMessage(summary, metadata) {
  const line = summary.replace(/\s+/g, " ").trim();
  return `${line}

\`\`\`json
${JSON.stringify(metadata, null, 2)}
\`\`\`
`;
}
function parseTagMessage(message) {
  let found = null;
  for (const m of message.matchAll(FENCE_OPEN_RE)) {
    const start = m.index + m[0].length;
    const end = message.indexOf("\n```", start - 1);
    if (end < 0) continue;
    try {
      const value = JSON.parse(message.slice(start, Math.max(start, end)));
      if (value && typeof value === "object" && !Array.isArray(value) && value.schema === METADATA_SCHEMA) {
        found = value;
      }
    } catch {
    }
  }
  return found;
}

// src/registry/run-info.ts
import { readFile } from "node:fs/promises";
import { join as join2 } from "node:path";
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function num(v) {
  return typeof v === "number" && Number.isFinite(v) ? v : void 0;
}
function str(v) {
  return typeof v === "string" && v ? v : null;
}
async function readJsonIfPresent(dir, file) {
  let text;
  try {
    text = await readFile(join2(dir, file), "utf8");
  } catch {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`malformed JSON: ${error.message}`, { file: join2(dir, file) });
  }
}
function metricsOf(value) {
  const out = {};
  if (!isRecord(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    const n = num(v);
    if (n !== void 0) out[k] = { value: n };
    else if (isRecord(v) && num(v.value) !== void 0) {
      const m = { value: num(v.value) };
      const low = num(v.low) ?? (Array.isArray(v.interval) ? num(v.interval[0]) : void 0);
      const high = num(v.high) ?? (Array.isArray(v.interval) ? num(v.interval[1]) : void 0);
      if (low !== void 0) m.low = low;
      if (high !== void 0) m.high = high;
      out[k] = m;
    } else if (isRecord(v)) {
      for (const [k2, v2] of Object.entries(metricsOf(v))) out[`${k}.${k2}`] = v2;
    }
  }
  return out;
}
function dataOf(value) {
  const out = [];
  const push = (v, role) => {
    if (!isRecord(v)) return;
    const path = str(v.path) ?? str(v.file);
    if (!path) return;
    const e = { path };
    if (str(v.sha256)) e.sha256 = str(v.sha256);
    if (str(v.md5)) e.md5 = str(v.md5);
    if (num(v.bytes) !== void 0) e.bytes = num(v.bytes);
    if (num(v.rows) !== void 0) e.rows = num(v.rows);
    const r = str(v.role) ?? role;
    if (r) e.role = r;
    out.push(e);
  };
  if (Array.isArray(value)) value.forEach((v) => push(v));
  else if (isRecord(value)) {
    if (Array.isArray(value.files)) value.files.forEach((v) => push(v));
    for (const [role, v] of Object.entries(value)) {
      if (role === "files") continue;
      if (Array.isArray(v)) v.forEach((x) => push(x, role));
      else if (isRecord(v) && Array.isArray(v.files)) v.files.forEach((x) => push(x, role));
      else push(v, role);
    }
  }
  return out;
}
function runInfoFrom(run) {
  const r = isRecord(run) ? run : {};
  const git = isRecord(r.git) ? r.git : {};
  const backend = isRecord(r.backend) ? str(r.backend.name) ?? str(r.backend.backend) : str(r.backend);
  const model = isRecord(r.model) ? r.model : {};
  return {
    params: isRecord(r.params) ? r.params : {},
    metrics: metricsOf(r.metrics ?? r.finalMetrics),
    data: dataOf(r.data),
    commit: str(git.commit) ?? str(r.commit) ?? str(r.gitCommit),
    backend,
    task: str(r.task) ?? str(model.task),
    label: str(r.label) ?? str(model.label) ?? str(model.labelName),
    features: Array.isArray(r.features) ? r.features.filter((f) => typeof f === "string") : Array.isArray(model.featureNames) ? model.featureNames.filter((f) => typeof f === "string") : [],
    createdAt: str(r.createdAt) ?? str(r.finishedAt) ?? str(r.startedAt),
    raw: isRecord(run) ? run : null
  };
}
function profileSummaryFrom(profile) {
  if (!isRecord(profile)) return null;
  const rows = num(profile.rows) ?? num(profile.rowCount) ?? null;
  const cols = Array.isArray(profile.columns) ? profile.columns : isRecord(profile.columns) ? Object.entries(profile.columns).map(([name, c]) => ({ name, ...isRecord(c) ? c : {} })) : [];
  const columns = cols.filter(isRecord).map((c) => {
    const count = num(c.count) ?? rows ?? null;
    const nulls = num(c.nullCount) ?? num(c.nulls) ?? num(c.missing);
    const frac = num(c.nullFraction) ?? (nulls !== void 0 && count ? nulls / count : null);
    const types = isRecord(c.types) ? Object.entries(c.types).filter(([, n]) => typeof n === "number" && n > 0).sort((a, b) => b[1] - a[1]) : [];
    const numeric = isRecord(c.numeric) ? c.numeric : {};
    return {
      name: str(c.name) ?? "?",
      type: str(c.type) ?? types[0]?.[0] ?? "?",
      nullFraction: frac ?? null,
      mean: num(numeric.mean) ?? null
    };
  });
  return { rows, columns, sources: dataOf(profile.sources) };
}

// src/registry/semver.ts
var NUM = "0|[1-9]\\d*";
var PRE_ID = "0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*";
var SEMVER_SOURCE = `(?:${NUM})\\.(?:${NUM})\\.(?:${NUM})(?:-(?:${PRE_ID})(?:\\.(?:${PRE_ID}))*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?`;
var FULL = new RegExp(`^v(${NUM})\\.(${NUM})\\.(${NUM})(?:-((?:${PRE_ID})(?:\\.(?:${PRE_ID}))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$`);
function parseSemVer(text) {
  const m = FULL.exec(text);
  if (!m) return null;
  const parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!parts.every(Number.isSafeInteger)) return null;
  return {
    major: parts[0],
    minor: parts[1],
    patch: parts[2],
    prerelease: m[4] ? m[4].split(".") : [],
    build: m[5] ? m[5].split(".") : []
  };
}
function isSemVer(text) {
  return parseSemVer(text) !== null;
}
function normalizeVersion(text) {
  const withV = text.startsWith("v") ? text : `v${text}`;
  return parseSemVer(withV) ? withV : null;
}
function compareIdentifiers(a, b) {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Math.sign(a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0);
  if (an) return -1;
  if (bn) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareSemVer(a, b) {
  const x = parseSemVer(a);
  const y = parseSemVer(b);
  if (!x || !y) throw new Error(`not a version: ${x ? b : a}`);
  for (const k of ["major", "minor", "patch"]) {
    if (x[k] !== y[k]) return Math.sign(x[k] - y[k]);
  }
  if (!x.prerelease.length || !y.prerelease.length) return Math.sign(y.prerelease.length - x.prerelease.length) || 0;
  for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
    if (i >= x.prerelease.length) return -1;
    if (i >= y.prerelease.length) return 1;
    const c = compareIdentifiers(x.prerelease[i], y.prerelease[i]);
    if (c !== 0) return c;
  }
  return 0;
}
function bumpVersion(from, bump) {
  const v = parseSemVer(from);
  if (!v) throw new Error(`not a version: ${from}`);
  if (bump === "major") return `v${v.major + 1}.0.0`;
  if (bump === "minor") return `v${v.major}.${v.minor + 1}.0`;
  return v.prerelease.length ? `v${v.major}.${v.minor}.${v.patch}` : `v${v.major}.${v.minor}.${v.patch + 1}`;
}

// src/registry/tags.ts
var NAME_SOURCE = "[a-zA-Z0-9](?:[a-zA-Z0-9_/-]*[a-zA-Z0-9])?";
var DIR_SOURCE = "[a-zA-Z0-9_./-]+";
var NAME_RE = new RegExp(`^${NAME_SOURCE}$`);
var DIR_RE = new RegExp(`^${DIR_SOURCE}$`);
var TAG_RE = new RegExp(
  `^(?<artifact>(?:${DIR_SOURCE}=)?${NAME_SOURCE})(?:(?:#(?<stage>${NAME_SOURCE})|@(?<version>v${SEMVER_SOURCE}))(?<cancel>!?)|@(?<deprecated>deprecated))(?:#(?<counter>[0-9]+))?$`
);
function isValidName(value) {
  return NAME_RE.test(value) && !value.includes("//");
}
function isValidDir(value) {
  if (!DIR_RE.test(value) || value.startsWith("/") || value.endsWith("/")) return false;
  return value.split("/").every((c) => c !== "" && !c.startsWith(".") && !c.startsWith("-") && !c.endsWith(".lock") && !c.includes(".."));
}
function isValidModelName(value) {
  const colon = value.lastIndexOf(":");
  if (colon < 0) return isValidName(value);
  return isValidDir(value.slice(0, colon)) && isValidName(value.slice(colon + 1));
}
var NAME_RULE = "letters, digits, '-', '_' and '/', starting and ending with a letter or digit (optionally 'dir:name')";
var MODEL_NAME_GRAMMAR = "[a-z0-9]([a-z0-9-_]*[a-z0-9])?";
var MODEL_NAME_RE = /^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/;
function isModelName(value) {
  return MODEL_NAME_RE.test(value);
}
function modelNameProblem(value) {
  const lower = value.toLowerCase();
  const hint = lower !== value && isModelName(lower) ? ` (did you mean '${lower}'?)` : "";
  return `invalid model name '${value}': model names match ${MODEL_NAME_GRAMMAR} \u2014 lower-case letters, digits, '-' and '_', starting and ending with a letter or digit, as mlops.yaml's name${hint}`;
}
function parseTag(tag) {
  const m = TAG_RE.exec(tag);
  if (!m?.groups) return null;
  const g = m.groups;
  const artifact = g.artifact;
  const eq = artifact.lastIndexOf("=");
  const name = eq < 0 ? artifact : `${artifact.slice(0, eq)}:${artifact.slice(eq + 1)}`;
  if (!isValidModelName(name)) return null;
  let counter;
  if (g.counter !== void 0) {
    counter = Number(g.counter);
    if (!Number.isSafeInteger(counter)) return null;
  }
  const cancelled = g.cancel === "!";
  let parsed;
  if (g.deprecated) parsed = { kind: "deprecation", name };
  else if (g.version) parsed = { kind: cancelled ? "deregistration" : "registration", name, version: g.version };
  else {
    if (!isValidName(g.stage)) return null;
    parsed = { kind: cancelled ? "unassignment" : "assignment", name, stage: g.stage };
  }
  if (counter !== void 0) parsed.counter = counter;
  return parsed;
}
function formatTag(tag) {
  if (!isValidModelName(tag.name)) throw new Error(`invalid model name '${tag.name}': ${NAME_RULE}`);
  const artifact = tag.name.replace(/:(?=[^:]*$)/, "=");
  let out;
  switch (tag.kind) {
    case "registration":
    case "deregistration":
      if (!tag.version || !isSemVer(tag.version)) throw new Error(`invalid version '${tag.version}': expected vX.Y.Z`);
      out = `${artifact}@${tag.version}${tag.kind === "deregistration" ? "!" : ""}`;
      break;
    case "assignment":
    case "unassignment":
      if (!tag.stage || !isValidName(tag.stage)) throw new Error(`invalid stage '${tag.stage}': ${NAME_RULE}`);
      out = `${artifact}#${tag.stage}${tag.kind === "unassignment" ? "!" : ""}`;
      break;
    case "deprecation":
      out = `${artifact}@deprecated`;
      break;
  }
  if (tag.counter !== void 0) {
    if (!Number.isSafeInteger(tag.counter) || tag.counter < 0) throw new Error(`invalid counter ${tag.counter}`);
    out += `#${tag.counter}`;
  }
  return out;
}
function nextCounter(tags, name) {
  let max = 0;
  for (const t of tags) {
    const p = parseTag(t);
    if (p && p.name === name && p.counter !== void 0 && p.counter > max) max = p.counter;
  }
  return max + 1;
}
function parseModelRef(ref) {
  const at = ref.lastIndexOf("@");
  const hash = ref.lastIndexOf("#");
  if (at > 0 && hash < 0) {
    const name = ref.slice(0, at);
    const rest = ref.slice(at + 1);
    if (!isValidModelName(name)) return null;
    if (rest === "latest" || rest === "greatest") return { name, latest: true };
    const version = rest.startsWith("v") ? rest : `v${rest}`;
    return isSemVer(version) ? { name, version } : null;
  }
  if (hash > 0 && at < 0) {
    const name = ref.slice(0, hash);
    const stage = ref.slice(hash + 1);
    return isValidModelName(name) && isValidName(stage) ? { name, stage } : null;
  }
  return null;
}

// src/registry/state.ts
var RANK = { registration: 0, assignment: 1, unassignment: 1, deregistration: 2, deprecation: 3 };
function eventTime(tag, meta) {
  const t = meta?.createdAt ? Date.parse(meta.createdAt) : NaN;
  return Number.isFinite(t) ? t : tag.taggerTime * 1e3;
}
function compareEvents(a, b) {
  return a.time - b.time || RANK[a.event] - RANK[b.event] || (a.counter ?? -1) - (b.counter ?? -1) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
}
function tagsToEvents(tags) {
  const events = [];
  for (const t of tags) {
    if (!t.annotated || !t.commit) continue;
    const parsed = parseTag(t.name);
    if (!parsed) continue;
    const metadata = parseTagMessage(t.message);
    events.push({
      event: parsed.kind,
      tag: t.name,
      name: parsed.name,
      version: parsed.version ?? (metadata?.name === parsed.name && metadata.version ? metadata.version : null),
      stage: parsed.stage ?? null,
      counter: parsed.counter ?? null,
      commit: t.commit,
      time: eventTime(t, metadata),
      actor: metadata?.createdBy || t.taggerName || t.taggerEmail || "unknown",
      metadata,
      object: t.object
    });
  }
  events.sort(compareEvents);
  const byCommit = /* @__PURE__ */ new Map();
  const unresolved = [];
  for (const e of events) {
    if (e.event === "registration" && e.version) byCommit.set(`${e.name}\0${e.commit}`, e.version);
    else if ((e.event === "assignment" || e.event === "unassignment") && e.version === null) {
      e.version = byCommit.get(`${e.name}\0${e.commit}`) ?? null;
      if (e.version === null) unresolved.push(e);
    }
  }
  for (const e of unresolved) {
    const first = events.find((r) => r.event === "registration" && r.version && r.name === e.name && r.commit === e.commit);
    if (first) e.version = first.version;
  }
  return events;
}
function buildState(events) {
  const byName = /* @__PURE__ */ new Map();
  for (const e of events) {
    const list = byName.get(e.name) ?? [];
    list.push(e);
    byName.set(e.name, list);
  }
  return [...byName.keys()].sort().map((name) => foldModel(name, byName.get(name)));
}
function foldModel(name, events) {
  const versions = /* @__PURE__ */ new Map();
  let deprecated = false;
  const assigned = /* @__PURE__ */ new Map();
  const deregisteredEarly = /* @__PURE__ */ new Set();
  events.forEach((e, index) => {
    switch (e.event) {
      case "registration":
        if (e.version && !versions.has(e.version)) {
          versions.set(e.version, { version: e.version, tag: e.tag, commit: e.commit, registeredAt: e.time, actor: e.actor, active: true, metadata: e.metadata, stages: [] });
        }
        deprecated = false;
        break;
      case "deregistration": {
        const v = e.version ? versions.get(e.version) : void 0;
        if (v) v.active = false;
        else if (e.version) deregisteredEarly.add(e.version);
        break;
      }
      case "assignment":
      case "unassignment": {
        if (!e.version || !e.stage) break;
        const stage = assigned.get(e.stage) ?? /* @__PURE__ */ new Map();
        stage.set(e.version, e.event === "assignment" ? index : -1);
        assigned.set(e.stage, stage);
        break;
      }
      case "deprecation":
        deprecated = true;
        break;
    }
  });
  for (const version of deregisteredEarly) {
    const v = versions.get(version);
    if (v) v.active = false;
  }
  const stages = {};
  for (const stage of [...assigned.keys()].sort()) {
    let best = null;
    let bestIndex = -1;
    for (const [version, index] of assigned.get(stage)) {
      if (index > bestIndex && versions.get(version)?.active) {
        best = version;
        bestIndex = index;
      }
    }
    if (best) {
      stages[stage] = best;
      versions.get(best).stages.push(stage);
    }
  }
  const list = [...versions.values()].sort((a, b) => compareSemVer(a.version, b.version));
  const active = list.filter((v) => v.active);
  return { name, versions: list, latest: active.length ? active[active.length - 1].version : null, stages, deprecated, events };
}
function rollbackTarget(model, stage) {
  const current = model.stages[stage];
  if (!current) return null;
  const stack = [];
  for (const e of model.events) {
    if (e.stage !== stage || !e.version) continue;
    if (e.event === "unassignment") {
      for (let i = stack.length - 1; i >= 0; i--) if (stack[i] === e.version) stack.splice(i, 1);
    } else if (e.event === "assignment") {
      if (e.metadata?.rollbackFrom && stack.includes(e.version)) {
        while (stack.length && stack[stack.length - 1] !== e.version) stack.pop();
      } else if (stack[stack.length - 1] !== e.version) {
        stack.push(e.version);
      }
    }
  }
  const active = new Set(model.versions.filter((v) => v.active).map((v) => v.version));
  const candidates = stack.filter((v) => active.has(v));
  while (candidates.length && candidates[candidates.length - 1] === current) candidates.pop();
  const to = candidates[candidates.length - 1];
  return to ? { from: current, to } : null;
}

// src/registry/tar.ts
import { createReadStream } from "node:fs";
import { mkdir as mkdir2, readFile as readFile2, writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname2, join as join3 } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
var BLOCK = 512;
function writeString(buf, offset, length, value) {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length > length) throw new Error(`tar field too long: ${value}`);
  bytes.copy(buf, offset);
}
function writeOctal(buf, offset, length, value) {
  writeString(buf, offset, length, `${value.toString(8).padStart(length - 1, "0")}\0`);
}
function splitPath(path) {
  if (Buffer.byteLength(path) <= 100) return { prefix: "", name: path };
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i] !== "/") continue;
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name) return { prefix, name };
  }
  return null;
}
function tailBytes(text, bytes) {
  const chars = [...text];
  let out = "";
  for (let i = chars.length - 1; i >= 0 && Buffer.byteLength(chars[i] + out) <= bytes; i--) out = chars[i] + out;
  return out;
}
function paxRecord(key, value) {
  const body = ` ${key}=${value}
`;
  const n = Buffer.byteLength(body);
  let length = n + String(n).length;
  while (String(length).length + n !== length) length = String(length).length + n;
  return `${length}${body}`;
}
function headers(path, size) {
  const split = splitPath(path);
  if (split) return [header(split, size, "0")];
  const record = Buffer.from(paxRecord("path", path), "utf8");
  const pad = (BLOCK - record.length % BLOCK) % BLOCK;
  const tail = tailBytes(path, 100).replace(/^\/+/, "") || "file";
  return [header({ prefix: "", name: "PaxHeader" }, record.length, "x"), record, Buffer.alloc(pad), header({ prefix: "", name: tail }, size, "0")];
}
function header({ prefix, name }, size, type) {
  const h = Buffer.alloc(BLOCK);
  writeString(h, 0, 100, name);
  writeOctal(h, 100, 8, 420);
  writeOctal(h, 108, 8, 0);
  writeOctal(h, 116, 8, 0);
  if (size > 8589934591) throw new InputError("file too large for a ustar archive (8 GiB)", { file: prefix ? `${prefix}/${name}` : name });
  writeOctal(h, 124, 12, size);
  writeOctal(h, 136, 12, 0);
  h.fill(32, 148, 156);
  writeString(h, 156, 1, type);
  writeString(h, 257, 6, "ustar\0");
  writeString(h, 263, 2, "00");
  writeString(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  writeString(h, 148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return h;
}
async function writeTarGz(dir, files, outPath) {
  const chunks = [];
  for (const rel of files) {
    const parts = [];
    for await (const c of createReadStream(join3(dir, ...rel.split("/")))) parts.push(c);
    const data = Buffer.concat(parts);
    chunks.push(...headers(rel, data.length), data);
    const pad = (BLOCK - data.length % BLOCK) % BLOCK;
    if (pad) chunks.push(Buffer.alloc(pad));
  }
  chunks.push(Buffer.alloc(BLOCK * 2));
  const gz = gzipSync(Buffer.concat(chunks), { level: 9 });
  gz[9] = 255;
  await mkdir2(dirname2(outPath), { recursive: true });
  await writeFile2(outPath, gz);
}
function readString(buf, offset, length) {
  const end = buf.indexOf(0, offset);
  return buf.toString("utf8", offset, end < 0 || end > offset + length ? offset + length : end);
}
function safeRelative(path, archive) {
  const clean = path.replace(/^\.\//, "");
  const parts = clean.split("/");
  if (!clean || clean.startsWith("/") || /^[a-zA-Z]:/.test(clean) || parts.some((p) => p === ".." || p === "") || clean.includes("\\")) {
    throw new InputError(`unsafe path '${path}' in archive`, { file: archive });
  }
  return clean;
}
function parsePaxPath(data, archive) {
  let path;
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(32, at);
    const length = space < 0 ? NaN : Number(data.toString("ascii", at, space));
    if (!Number.isSafeInteger(length) || length <= 0 || at + length > data.length) throw new InputError("corrupt pax header", { file: archive });
    const record = data.toString("utf8", space + 1, at + length - 1);
    const eq = record.indexOf("=");
    if (eq > 0 && record.slice(0, eq) === "path") path = record.slice(eq + 1);
    at += length;
  }
  return path;
}
async function readTarGz(archivePath) {
  let raw;
  try {
    raw = gunzipSync(await readFile2(archivePath));
  } catch (error) {
    throw new InputError(`not a gzip archive: ${error.message}`, { file: archivePath });
  }
  const entries = [];
  let offset = 0;
  let paxPath;
  while (offset + BLOCK <= raw.length) {
    const h = raw.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
    const stored = parseInt(readString(h, 148, 8).trim(), 8);
    if (stored !== sum) throw new InputError(`corrupt tar header at byte ${offset}`, { file: archivePath });
    const name = readString(h, 0, 100);
    const prefix = readString(h, 345, 155);
    const size = parseInt(readString(h, 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(h[156]);
    const path = paxPath ?? (prefix ? `${prefix}/${name}` : name);
    offset += BLOCK;
    if (offset + size > raw.length) throw new InputError(`truncated archive at '${path}'`, { file: archivePath });
    if (type === "x") {
      paxPath = parsePaxPath(raw.subarray(offset, offset + size), archivePath) ?? paxPath;
    } else if (type === "g") {
    } else if (type === "0" || type === "\0") {
      entries.push({ path: safeRelative(path, archivePath), data: Buffer.from(raw.subarray(offset, offset + size)) });
      paxPath = void 0;
    } else if (type === "5") {
      paxPath = void 0;
    } else {
      throw new InputError(`unsupported entry type '${type}' for '${path}' (only files and directories)`, { file: archivePath });
    }
    offset += Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
async function extractEntries(entries, dir) {
  for (const e of entries) {
    const target = join3(dir, ...e.path.split("/"));
    await mkdir2(dirname2(target), { recursive: true });
    await writeFile2(target, e.data);
  }
}

// src/registry/model-files.ts
import { join as join4, posix } from "node:path";
var TFJS_MODEL_FILES = ["model.json", "preprocessing.json", "run.json", "profile.json"];
var EXTERNAL_MODEL_FILES = ["run.json", "profile.json"];
var EXTERNAL_RECORDS = /* @__PURE__ */ new Set(["run.json", "profile.json", "metrics.json"]);
var WHAT = `mlops registers what 'mlops train' writes: model.json + weights, preprocessing.json, run.json and profile.json; for an external trainer (run.json "trainer": "external"), its model files with run.json and profile.json (DESIGN \xA75, docs/registry.md)`;
function isRecord2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
async function readObject(dir, file) {
  const value = await readJsonIfPresent(dir, file);
  if (!isRecord2(value)) throw new InputError(`${file} must hold a JSON object`, { file: join4(dir, file) });
  return value;
}
async function checkModelDirectory(dir, files, name) {
  const present = new Set(files);
  const run = present.has("run.json") ? await readObject(dir, "run.json") : null;
  const external = run?.trainer === "external";
  const required = external ? EXTERNAL_MODEL_FILES : TFJS_MODEL_FILES;
  const missing = required.filter((f) => !present.has(f));
  if (missing.length > 0) {
    throw new InputError(`not a model directory: missing ${missing.join(", ")} \u2014 ${WHAT}`, { file: dir });
  }
  for (const file of required) if (file !== "run.json") await readObject(dir, file);
  if (external) {
    if (!files.some((f) => !EXTERNAL_RECORDS.has(f))) {
      throw new InputError(`not a model directory: run.json records an external trainer, but the directory holds no model file besides ${files.join(", ")} \u2014 ${WHAT}`, { file: dir });
    }
  } else {
    const model = await readObject(dir, "model.json");
    const manifest = model.weightsManifest;
    if (Array.isArray(manifest)) {
      const weights = manifest.flatMap((group) => isRecord2(group) && Array.isArray(group.paths) ? group.paths : []).filter((p) => typeof p === "string").map((p) => posix.normalize(p.replace(/^\.\//, "")));
      const absent = weights.filter((p) => !present.has(p));
      if (absent.length > 0) {
        throw new InputError(`not a model directory: missing the weight file${absent.length > 1 ? "s" : ""} ${absent.join(", ")} that model.json names \u2014 ${WHAT}`, { file: dir });
      }
    }
  }
  const recorded = run?.name;
  if (typeof recorded === "string" && recorded !== "" && recorded !== name) {
    throw new InputError(
      `run.json names this model '${recorded}', not '${name}': register it as '${recorded}', or train it with 'name: ${name}' in mlops.yaml`,
      { file: join4(dir, "run.json"), key: "name" }
    );
  }
}

// src/registry/registry.ts
var DEFAULT_STAGES = ["staging", "production"];
var FIRST_VERSION = "v0.1.0";
var MODEL_ASSET = "model.tar.gz";
var GitRegistry = class _GitRegistry {
  constructor(options) {
    this.options = options;
    this.git = { cwd: options.cwd, env: options.env };
    this.storeInstance = options.store ?? null;
    this.stages = options.stages?.length ? options.stages : DEFAULT_STAGES;
    this.remote = options.remote ?? "origin";
    checkRemote(this.remote);
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
  }
  options;
  git;
  rootPromise = null;
  storeInstance;
  stages;
  remote;
  now;
  /** The repository's top-level directory. */
  root() {
    this.rootPromise ??= repoRoot(this.git);
    return this.rootPromise;
  }
  /** The artifact store (default: `<root>/.mlops/artifacts`). */
  async store() {
    this.storeInstance ??= new LocalArtifactStore(join5(await this.root(), ".mlops", "artifacts"));
    return this.storeInstance;
  }
  async snapshot() {
    await this.root();
    const tags = await listTags(this.git);
    return { tags, models: buildState(tagsToEvents(tags)) };
  }
  /**
   * Names must follow mlops.yaml's grammar (tags.ts, MODEL_NAME_GRAMMAR). A model already in the
   * registry under a wider name that GTO allows (`dir:name`, capitals) can still be read, promoted
   * and deprecated when `models` is given; `register` passes none, so no new version is created
   * under such a name.
   */
  static checkName(name, models) {
    if (isModelName(name) || models?.some((m) => m.name === name)) return;
    throw new InputError(modelNameProblem(name), { key: "name" });
  }
  /** Throws an InputError unless `stage` may be assigned (valid name, listed in registry.stages). */
  checkStage(stage) {
    if (!isValidName(stage)) throw new InputError(`invalid stage '${stage}': ${NAME_RULE}`, { key: "stage" });
    if (!this.stages.includes(stage)) {
      throw new InputError(`unknown stage '${stage}'; allowed: ${this.stages.join(", ")} (config registry.stages)`, { key: "stage" });
    }
  }
  /**
   * `createdAt` of a new tag of `model`: now, but never before the model's last event. Events are
   * ordered by this time, and a new tag is computed from every event this clone has: a writer
   * whose clock is behind (a laptop minutes slow, after a CI runner promoted) must not slip its
   * assignment or deregistration in before the events it follows — the stage would not move, a
   * deregistration would be undone by the registration it precedes, and every re-run would
   * write yet another tag.
   */
  stamp(model) {
    const last = model?.events.reduce((max, e) => Math.max(max, e.time), -Infinity) ?? -Infinity;
    return new Date(Math.max(this.now().getTime(), last + 1)).toISOString();
  }
  async createdBy() {
    const env = { ...process.env, ...this.options.env ?? {} };
    return env.GITHUB_ACTOR || await gitIdentity(this.git);
  }
  /** Fetches the remote's tags, so versions and counters are computed from the shared state. */
  async fetch() {
    await fetchTags(this.git, this.remote);
  }
  /**
   * Creates one tag and, with `push`, pushes it; a refused push deletes the local tag again
   * (only if it still is ours) and fails, so the repository is left as it was.
   */
  async writeTag(tag, commit, message, push) {
    const [written] = await this.writeTags([{ tag, commit, message }], push);
    return { object: written.object, pushed: written.pushed };
  }
  /**
   * {@link writeTag} for several tags that make one change: all are created, and pushed in one
   * atomic push, or none is left — a failure removes the ones created (only if still ours).
   */
  async writeTags(entries, push) {
    const created = [];
    const removeCreated = async () => {
      for (const c of created) await deleteTagIf(this.git, c.tag, c.object).catch(() => void 0);
    };
    try {
      for (const e of entries) created.push({ tag: e.tag, object: await createAnnotatedTag(this.git, e.tag, e.commit, e.message) });
    } catch (error) {
      await removeCreated();
      throw error;
    }
    if (!push) return created.map((c) => ({ ...c, pushed: false }));
    let result;
    try {
      result = await pushTags(this.git, this.remote, created.map((c) => c.tag));
    } catch (error) {
      await removeCreated();
      throw error;
    }
    if (result.ok) return created.map((c) => ({ ...c, pushed: true }));
    await removeCreated();
    const tag = created.map((c) => `'${c.tag}'`).join(" and ");
    const several = created.length > 1;
    const why = result.exists ? `the remote '${this.remote}' refused tag${several ? "s" : ""} ${tag} \u2014 ${several ? "one of them already exists" : "it already exists"} there (someone else created it concurrently). Nothing was changed locally; run 'git fetch --tags ${this.remote}' and try again` : result.rejectedByRemote ? `the remote '${this.remote}' declined tag${several ? "s" : ""} ${tag}: ${result.reason}. The local tag${several ? "s were" : " was"} removed again` : `could not push tag${several ? "s" : ""} ${tag} to '${this.remote}': ${result.reason}. The local tag${several ? "s were" : " was"} removed again`;
    throw new InputError(why, { key: created[0].tag });
  }
  /**
   * Pushes a tag this clone already has, for a write that found nothing to change locally (e.g.
   * `promote --push` after the same promote without `--push`): the remote may still lack it, and
   * `--push` promises the remote ends up with the state reported. A tag already on the remote at
   * the same object is a no-op for git. The tag predates this call, so a refusal keeps it locally.
   */
  async pushExisting(tag) {
    const result = await pushTags(this.git, this.remote, [tag]);
    if (result.ok) return true;
    const why = result.exists ? `the remote '${this.remote}' already has a different tag '${tag}' (another clone wrote it; registry tags are never overwritten). Nothing was changed; run 'git fetch --tags --force ${this.remote}' (or --fetch) to take the remote's registry state, then run the command again` : `could not push tag '${tag}' to '${this.remote}': ${result.reason}. The local tag is kept`;
    throw new InputError(why, { key: tag });
  }
  async list() {
    const { models } = await this.snapshot();
    return models.map((m) => ({ name: m.name, latest: m.latest, stages: m.stages, deprecated: m.deprecated, versions: m.versions.filter((v) => v.active).length }));
  }
  async model(name) {
    const { models } = await this.snapshot();
    _GitRegistry.checkName(name, models);
    return models.find((m) => m.name === name) ?? null;
  }
  async requireModel(name) {
    const { tags, models } = await this.snapshot();
    _GitRegistry.checkName(name, models);
    const model = models.find((m) => m.name === name);
    if (!model) throw new RegistryMissError("no-model", `no model '${name}' in the registry (no annotated tag '${name}@v\u2026'; fetch tags?)`, { key: name });
    return { tags, model };
  }
  async history(name) {
    const { models } = await this.snapshot();
    if (name !== void 0) _GitRegistry.checkName(name, models);
    const events = models.filter((m) => name === void 0 || m.name === name).flatMap((m) => m.events);
    if (name !== void 0 && events.length === 0) throw new RegistryMissError("no-model", `no model '${name}' in the registry`, { key: name });
    return events.sort(compareEvents).map((e) => ({ time: new Date(e.time).toISOString(), event: e.event, name: e.name, version: e.version, stage: e.stage, commit: e.commit, actor: e.actor, tag: e.tag }));
  }
  async register(request) {
    const { name } = request;
    _GitRegistry.checkName(name);
    if (request.version && request.bump) throw new InputError("give either a version or a bump, not both", { key: "version" });
    await this.root();
    const commit = await resolveCommit(this.git, request.commit ?? "HEAD");
    const modelDir = resolve(this.options.cwd, request.modelDir);
    await checkModelDirectory(modelDir, await listModelFiles(modelDir), name);
    const model = await hashModelDir(modelDir);
    const { tags, models } = await this.snapshot();
    const state = models.find((m) => m.name === name);
    const tagNames = new Set(tags.map((t) => t.name));
    const store = await this.store();
    const push = Boolean(request.push) || store.kind === "github";
    const same = (v) => v.active && v.commit === commit && v.metadata?.model?.sha256 === model.sha256;
    let version;
    const explicit = request.version !== void 0 ? normalizeVersion(request.version) : null;
    if (request.version !== void 0 && !explicit) throw new InputError(`invalid version '${request.version}': expected vX.Y.Z (SemVer)`, { key: "version" });
    const registered = state?.versions.filter(same).at(-1);
    const existing = explicit ? state?.versions.find((v) => v.version === explicit) : registered;
    if (existing && same(existing)) {
      return this.completeExisting(request, existing, model.sha256, push);
    }
    if (explicit) {
      const taken = formatTag({ kind: "registration", name, version: explicit });
      if (!existing && tagNames.has(taken)) {
        throw new InputError(`tag '${taken}' already exists but is no registry version (registry tags are annotated, this one is not); delete it ('git tag -d ${taken}') or choose another version`, { key: "version" });
      }
      if (existing) {
        throw new InputError(`${name} ${explicit} is already registered${existing?.metadata?.model?.sha256 === model.sha256 ? ` (same model, at commit ${existing.commit.slice(0, 12)})` : " with a different model"}; registered versions are immutable \u2014 choose another version or --bump`, { key: "version" });
      }
      const twin = state?.versions.find((v) => compareSemVer(v.version, explicit) === 0);
      if (twin) {
        throw new InputError(`${name} ${explicit} has the same precedence as the registered ${twin.version} (SemVer ignores build metadata, so 'latest' could not order them); registered versions are immutable \u2014 choose another version or --bump`, { key: "version" });
      }
      if (registered) {
        throw new InputError(`${name} ${registered.version} already registers this model (sha256 ${model.sha256.slice(0, 12)}\u2026) at commit ${commit.slice(0, 12)}; registering it again as ${explicit} would duplicate it \u2014 re-run with --version ${registered.version} (unchanged), or deregister ${registered.version} first`, { key: "version" });
      }
      version = explicit;
    } else {
      const all = state?.versions.map((v) => v.version).sort(compareSemVer) ?? [];
      const top = all.at(-1);
      version = top ? bumpVersion(top, request.bump ?? "patch") : FIRST_VERSION;
      while (tagNames.has(formatTag({ kind: "registration", name, version }))) version = bumpVersion(version, request.bump ?? "patch");
    }
    const tag = formatTag({ kind: "registration", name, version });
    const parentVersion = state?.latest ?? null;
    const work = await mkdtemp(join5(tmpdir(), "mlops-register-"));
    try {
      const { assets, metadata, card } = await this.buildArtifacts(work, request, { name, version, commit, parentVersion, modelDir, model, createdAt: this.stamp(state) });
      if (store.kind === "local") await store.put({ name, version, tag, title: `${name} ${version}`, body: card, assets });
      const summary = request.message ?? `Register model ${name} ${version}`;
      const written = await this.writeTag(tag, commit, formatTagMessage(summary, metadata), push);
      const storeResult = store.kind === "local" ? { operation: "created", url: null } : await store.put({ name, version, tag, title: `${name} ${version}`, body: card, assets });
      return {
        operation: "created",
        name,
        version,
        tag,
        commit,
        modelSha256: model.sha256,
        parentVersion,
        pushed: written.pushed,
        store: { kind: store.kind, operation: storeResult.operation, url: storeResult.url }
      };
    } finally {
      await rm2(work, { recursive: true, force: true });
    }
  }
  async completeExisting(request, existing, modelSha256, push) {
    const store = await this.store();
    let pushed = false;
    if (push) pushed = await this.pushExisting(existing.tag);
    const work = await mkdtemp(join5(tmpdir(), "mlops-register-"));
    try {
      const meta = existing.metadata;
      const original = {
        ...request,
        runUrl: meta.runUrl,
        pullRequest: meta.pullRequest,
        description: request.description ?? meta.description ?? null,
        intendedUse: request.intendedUse ?? meta.intendedUse ?? null
      };
      const { assets, card } = await this.buildArtifacts(work, original, {
        name: request.name,
        version: existing.version,
        commit: existing.commit,
        parentVersion: meta.parentVersion ?? null,
        modelDir: resolve(this.options.cwd, request.modelDir),
        model: meta.model,
        createdAt: meta.createdAt,
        createdBy: meta.createdBy
      });
      const recorded = new Map((meta.artifacts ?? []).map((a) => [a.name, a.sha256]));
      const rebuilt = await store.describe(assets);
      const kept = assets.filter((a, i) => !recorded.has(a.name) || recorded.get(a.name) === rebuilt[i].sha256);
      const put = await store.put({ name: request.name, version: existing.version, tag: existing.tag, title: `${request.name} ${existing.version}`, body: card, assets: kept });
      return {
        operation: "unchanged",
        name: request.name,
        version: existing.version,
        tag: existing.tag,
        commit: existing.commit,
        modelSha256,
        parentVersion: meta.parentVersion ?? null,
        pushed,
        store: { kind: store.kind, operation: put.operation, url: put.url }
      };
    } finally {
      await rm2(work, { recursive: true, force: true });
    }
  }
  async buildArtifacts(work, request, v) {
    const runJson = await readJsonIfPresent(v.modelDir, "run.json");
    const profileJson = await readJsonIfPresent(v.modelDir, "profile.json");
    const run = runJson === null ? null : runInfoFrom(runJson);
    const profile = profileSummaryFrom(profileJson);
    const tarball = join5(work, MODEL_ASSET);
    await writeTarGz(v.modelDir, v.model.files.map((f) => f.path), tarball);
    const assets = [{ name: MODEL_ASSET, path: tarball, contentType: "application/gzip" }];
    if (runJson !== null) assets.push({ name: "run.json", path: join5(v.modelDir, "run.json"), contentType: "application/json" });
    if (profileJson !== null) assets.push({ name: "profile.json", path: join5(v.modelDir, "profile.json"), contentType: "application/json" });
    const metadata = {
      schema: METADATA_SCHEMA,
      event: "registration",
      name: v.name,
      version: v.version,
      commit: v.commit,
      createdBy: v.createdBy ?? await this.createdBy(),
      createdAt: v.createdAt ?? this.now().toISOString(),
      model: v.model,
      data: run?.data.length ? run.data : profile?.sources ?? [],
      metrics: run?.metrics ?? {},
      params: run?.params ?? {},
      parentVersion: v.parentVersion
    };
    if (request.pullRequest) metadata.pullRequest = request.pullRequest;
    if (request.runUrl) metadata.runUrl = request.runUrl;
    if (request.description) metadata.description = request.description;
    if (request.intendedUse) metadata.intendedUse = request.intendedUse;
    const card = renderModelCard({ metadata, run, profile, description: request.description, intendedUse: request.intendedUse, repositoryUrl: request.repositoryUrl });
    const cardPath = join5(work, "model-card.md");
    await writeFileAtomic(cardPath, card);
    assets.push({ name: "model-card.md", path: cardPath, contentType: "text/markdown" });
    const store = await this.store();
    metadata.artifacts = await store.describe(assets);
    return { assets, metadata, card };
  }
  async promote(request) {
    this.checkStage(request.stage);
    const { tags, model } = await this.requireModel(request.name);
    const target = this.findVersion(model, request.version);
    return this.assign(tags, model, target, request.stage, request);
  }
  async rollback(request) {
    this.checkStage(request.stage);
    const { tags, model } = await this.requireModel(request.name);
    if (!model.stages[request.stage]) throw new InputError(`${request.name} has no version in stage '${request.stage}' to roll back`, { key: "stage" });
    const target = rollbackTarget(model, request.stage);
    if (!target) throw new InputError(`${request.name}#${request.stage} has no earlier version to roll back to`, { key: "stage" });
    const { stage } = request;
    const to = model.versions.find((v) => v.version === target.to);
    const from = model.versions.find((v) => v.version === target.from);
    const counter = nextCounter(tags.map((t) => t.name), model.name);
    const unassignmentTag = formatTag({ kind: "unassignment", name: model.name, stage, counter });
    const tag = formatTag({ kind: "assignment", name: model.name, stage, counter: counter + 1 });
    const base = { schema: METADATA_SCHEMA, name: model.name, stage, createdBy: await this.createdBy(), createdAt: this.stamp(model) };
    const summary = request.message ?? `Roll back ${model.name} ${stage} from ${from.version} to ${to.version}`;
    const written = await this.writeTags([
      { tag: unassignmentTag, commit: from.commit, message: formatTagMessage(summary, { ...base, event: "unassignment", version: from.version, commit: from.commit }) },
      { tag, commit: to.commit, message: formatTagMessage(summary, { ...base, event: "assignment", version: to.version, commit: to.commit, rollbackFrom: from.version }) }
    ], Boolean(request.push));
    return { operation: "created", name: model.name, version: to.version, stage, previous: from.version, tag, unassignmentTag, pushed: written[0].pushed };
  }
  /**
   * An active version by number or `latest`. A deregistered version is not available (GTO): it is
   * refused for `use` — `assigned` a stage (promote) or `pulled` (pull, evaluate --baseline,
   * drift --reference) — naming its deregistration tag.
   */
  findVersion(model, text, use = "assigned") {
    if (text === "latest" && !model.latest) {
      const gone = model.versions.map((v2) => v2.version).join(", ");
      throw new InputError(`${model.name} has no active version for 'latest' (deregistered: ${gone}); it can no longer be ${use === "pulled" ? "pulled" : "assigned a stage"}`, use === "pulled" ? {} : { key: "version" });
    }
    const wanted = text === "latest" ? model.latest : normalizeVersion(text);
    if (!wanted) throw new InputError(`invalid version '${text}': expected vX.Y.Z or latest`, { key: "version" });
    const v = model.versions.find((x) => x.version === wanted);
    if (!v) throw new InputError(`${model.name} ${wanted} is not registered`, { key: "version" });
    if (!v.active) {
      const ref = formatTag({ kind: "registration", name: model.name, version: wanted });
      const tag = formatTag({ kind: "deregistration", name: model.name, version: wanted });
      throw new InputError(`${ref} was deregistered (tag ${tag}): it can no longer be ${use === "pulled" ? "pulled" : "assigned a stage"}`, use === "pulled" ? {} : { key: "version" });
    }
    return v;
  }
  async assign(tags, model, version, stage, opts) {
    const previous = model.stages[stage] ?? null;
    if (previous === version.version) {
      if (!opts.push) return { operation: "unchanged", name: model.name, version: version.version, stage, previous, tag: null, pushed: false };
      const holder = model.events.findLast((e) => e.event === "assignment" && e.stage === stage && e.version === version.version);
      return { operation: "unchanged", name: model.name, version: version.version, stage, previous, tag: holder.tag, pushed: await this.pushExisting(holder.tag) };
    }
    const tag = formatTag({ kind: "assignment", name: model.name, stage, counter: nextCounter(tags.map((t) => t.name), model.name) });
    const metadata = {
      schema: METADATA_SCHEMA,
      event: "assignment",
      name: model.name,
      version: version.version,
      stage,
      commit: version.commit,
      createdBy: await this.createdBy(),
      createdAt: this.stamp(model)
    };
    const summary = opts.message ?? `Assign stage ${stage} to ${model.name} ${version.version}`;
    const written = await this.writeTag(tag, version.commit, formatTagMessage(summary, metadata), Boolean(opts.push));
    return { operation: "created", name: model.name, version: version.version, stage, previous, tag, pushed: written.pushed };
  }
  async deprecate(request) {
    const { tags, model } = await this.requireModel(request.name);
    const tagNames = tags.map((t) => t.name);
    const by = await this.createdBy();
    const createdAt = this.stamp(model);
    if (request.version !== void 0) {
      const wanted = normalizeVersion(request.version);
      if (!wanted) throw new InputError(`invalid version '${request.version}': expected vX.Y.Z`, { key: "version" });
      const v = model.versions.find((x) => x.version === wanted);
      if (!v) throw new InputError(`${model.name} ${wanted} is not registered`, { key: "version" });
      if (!v.active) {
        if (!request.push) return { operation: "unchanged", name: model.name, version: wanted, tag: null, pushed: false, stages: {} };
        const done = model.events.findLast((e) => e.event === "deregistration" && e.version === wanted);
        return { operation: "unchanged", name: model.name, version: wanted, tag: done.tag, pushed: await this.pushExisting(done.tag), stages: {} };
      }
      let tag2 = formatTag({ kind: "deregistration", name: model.name, version: wanted });
      if (tagNames.includes(tag2)) tag2 = formatTag({ kind: "deregistration", name: model.name, version: wanted, counter: nextCounter(tagNames, model.name) });
      const metadata2 = { schema: METADATA_SCHEMA, event: "deregistration", name: model.name, version: wanted, commit: v.commit, createdBy: by, createdAt };
      const written2 = await this.writeTag(tag2, v.commit, formatTagMessage(request.message ?? `Deprecate ${model.name} ${wanted}`, metadata2), Boolean(request.push));
      const after = await this.model(model.name);
      const stages = {};
      for (const s of v.stages) stages[s] = after?.stages[s] ?? null;
      return { operation: "created", name: model.name, version: wanted, tag: tag2, pushed: written2.pushed, stages };
    }
    if (model.deprecated) {
      if (!request.push) return { operation: "unchanged", name: model.name, version: null, tag: null, pushed: false, stages: {} };
      const done = model.events.findLast((e) => e.event === "deprecation");
      return { operation: "unchanged", name: model.name, version: null, tag: done.tag, pushed: await this.pushExisting(done.tag), stages: {} };
    }
    let tag = formatTag({ kind: "deprecation", name: model.name });
    if (tagNames.includes(tag)) tag = formatTag({ kind: "deprecation", name: model.name, counter: nextCounter(tagNames, model.name) });
    const commit = model.versions.at(-1)?.commit ?? await resolveCommit(this.git, "HEAD");
    const metadata = { schema: METADATA_SCHEMA, event: "deprecation", name: model.name, commit, createdBy: by, createdAt };
    const written = await this.writeTag(tag, commit, formatTagMessage(request.message ?? `Deprecate model ${model.name}`, metadata), Boolean(request.push));
    return { operation: "created", name: model.name, version: null, tag, pushed: written.pushed, stages: {} };
  }
  async resolve(ref) {
    const parsed = parseModelRef(ref);
    if (!parsed) throw new InputError(`invalid model reference '${ref}': expected name@vX.Y.Z, name@latest or name#stage`, { key: "ref" });
    const { model } = await this.requireModel(parsed.name);
    if (parsed.stage) {
      const v = model.stages[parsed.stage];
      if (!v) {
        const gone = [...new Set(model.events.filter((e) => e.event === "assignment" && e.stage === parsed.stage && e.version).map((e) => e.version))].filter((x) => model.versions.some((mv) => mv.version === x && !mv.active));
        const why = gone.length ? ` (${gone.join(", ")} ${gone.length > 1 ? "were" : "was"} assigned to it and deregistered; a deregistered version can no longer be pulled)` : "";
        throw new RegistryMissError("no-stage", `${parsed.name} has no version in stage '${parsed.stage}'${why}`, { key: ref });
      }
      return { name: model.name, version: model.versions.find((x) => x.version === v), stage: parsed.stage };
    }
    return { name: model.name, version: this.findVersion(model, parsed.latest ? "latest" : parsed.version, "pulled"), stage: null };
  }
  async pull(ref, outDir) {
    const { name, version, stage } = await this.resolve(ref);
    const out = resolve(this.options.cwd, outDir);
    const result = await this.pullVersion(name, version, out);
    return { ...result, stage };
  }
  /**
   * Fetches a version's model tarball into `out`, verifying the tarball's sha256, every file's
   * sha256 and the model digest against the tag before anything appears at `out`.
   */
  async pullVersion(name, version, out) {
    const meta = version.metadata;
    const asset = meta?.artifacts?.find((a) => a.name === MODEL_ASSET);
    if (!meta?.model || !asset) {
      throw new InputError(`${version.tag} carries no mlops artifact metadata (registered by another tool?): nothing to pull`, { key: version.tag });
    }
    const base = { operation: "created", name, version: version.version, dir: out, modelSha256: meta.model.sha256 };
    const info = await stat(out).catch(() => null);
    if (info !== null && !info.isDirectory()) throw new InputError("the output path is a file, not a directory", { file: out });
    if (info !== null) {
      const entries = await readdir(out);
      if (entries.length > 0) {
        if (await verifyModelDir(out, meta) === null) return { ...base, operation: "unchanged" };
        throw new InputError(`output directory is not empty and does not hold ${version.tag}`, { file: out });
      }
    }
    let work;
    try {
      await mkdir3(dirname3(out), { recursive: true });
      work = await mkdtemp(join5(dirname3(out), `.${basename(out)}.pull-`));
    } catch (error) {
      const code = error.code;
      if (typeof code !== "string") throw error;
      const why = code === "ENOTDIR" || code === "EEXIST" ? "a part of its path is a file" : error.message.replace(/,.*$/s, "");
      throw new InputError(`cannot create the output directory: ${why}`, { file: out }, { cause: error });
    }
    try {
      const tarball = join5(work, MODEL_ASSET);
      const stores = [await this.store(), ...this.options.fallbackStores ?? []];
      let source = "";
      for (let i = 0; i < stores.length; i++) {
        try {
          ({ source } = await stores[i].fetch({ name, version: version.version, tag: version.tag, asset, dest: tarball }));
          break;
        } catch (error) {
          if (!(error instanceof MissingArtifactError) || i === stores.length - 1) throw error;
        }
      }
      await verifyAsset(tarball, asset, source);
      const model = join5(work, "model");
      await extractEntries(await readTarGz(tarball), model);
      const problem = await verifyModelDir(model, meta);
      if (problem) throw new InputError(`checksum mismatch for '${problem}' of ${version.tag}: the artifact was altered`, { file: source, key: problem });
      try {
        await rename2(model, out);
      } catch (error) {
        const code = error.code;
        if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
        if (await verifyModelDir(out, meta) === null) return { ...base, operation: "unchanged" };
        await rm2(out, { recursive: true });
        await rename2(model, out);
      }
      return base;
    } finally {
      await rm2(work, { recursive: true, force: true });
    }
  }
};
async function verifyAsset(path, asset, source) {
  const actual = await sha256File(path);
  if (actual.sha256 !== asset.sha256) {
    throw new InputError(`checksum mismatch for ${asset.name}: expected sha256 ${asset.sha256}, got ${actual.sha256} \u2014 the stored artifact was altered or corrupted; refusing to use it`, { file: source, key: asset.name });
  }
}
async function verifyModelDir(dir, meta) {
  const expected = meta.model;
  let files;
  try {
    files = await listModelFiles(dir);
  } catch {
    return ".";
  }
  const wanted = new Map(expected.files.map((f) => [f.path, f]));
  for (const f of files) if (!wanted.has(f)) return f;
  for (const f of expected.files) if (!files.includes(f.path)) return f.path;
  const entries = [];
  for (const f of expected.files) {
    const actual = await sha256File(join5(dir, ...f.path.split("/")));
    if (actual.sha256 !== f.sha256) return f.path;
    entries.push({ path: f.path, ...actual });
  }
  return digestFileList(entries) === expected.sha256 ? null : ".";
}

// src/registry/resolve.ts
import { join as join6, resolve as resolve2 } from "node:path";
import { rm as rm3 } from "node:fs/promises";
function isModelRef(text) {
  return parseModelRef(text) !== null;
}
async function resolveModelRef(ref, options) {
  const registry = new GitRegistry(options);
  const { name, version, stage } = await registry.resolve(ref);
  const cacheRoot = options.cacheDir ? resolve2(options.cwd, options.cacheDir) : join6(await registry.root(), ".mlops", "cache");
  const dir = join6(cacheRoot, ...name.replace(/:/g, "/").split("/"), version.version);
  await ignoreInGit(cacheRoot);
  const meta = version.metadata;
  if (meta?.model && await verifyModelDir(dir, meta) !== null) await rm3(dir, { recursive: true, force: true });
  const pulled = await registry.pullVersion(name, version, dir);
  const out = { dir, name, version: version.version, modelSha256: pulled.modelSha256 };
  if (stage) out.stage = stage;
  return out;
}

// src/github/release-store.ts
import { writeFile as writeFile3 } from "node:fs/promises";
function createReleaseBackend(octokit, owner, repo, serverUrl) {
  return {
    location: `${owner}/${repo}`,
    async ensureRelease(request) {
      const version = parseTag(request.tag)?.version;
      const result = await ensureRelease(octokit, {
        owner,
        repo,
        tag: request.tag,
        name: request.name,
        body: request.body,
        assets: request.assets,
        // A model version is not the repository's release: published as GitHub's default
        // (make_latest true), every registration became the repository's "Latest release", so
        // /releases/latest — what install scripts download the software from — served a model.
        makeLatest: "false",
        // A SemVer prerelease (v1.0.0-rc.1) is labelled one on GitHub too.
        prerelease: Boolean(version && parseSemVer(version)?.prerelease.length)
      });
      return { operation: result.operation, url: result.url ?? `${serverUrl ?? "https://github.com"}/${owner}/${repo}/releases/tag/${encodeURIComponent(request.tag)}` };
    },
    async downloadAsset({ tag, assetName, dest }) {
      let release;
      try {
        release = (await octokit.rest.repos.getReleaseByTag({ owner, repo, tag })).data;
      } catch (error) {
        throw new MissingArtifactError(`no GitHub release for ${tag} in ${owner}/${repo}: ${error.message}`, { key: tag });
      }
      const asset = release.assets.find((a) => a.name === assetName);
      if (!asset) throw new MissingArtifactError(`release ${tag} in ${owner}/${repo} has no asset '${assetName}'`, { key: assetName });
      const { data } = await octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id: asset.id, headers: { accept: "application/octet-stream" } });
      const bytes = data;
      const buffer = bytes instanceof ArrayBuffer ? Buffer.from(bytes) : Buffer.isBuffer(bytes) ? bytes : ArrayBuffer.isView(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : typeof bytes === "string" ? Buffer.from(bytes, "binary") : null;
      if (!buffer) throw new InputError(`downloading ${assetName} of ${tag} returned asset metadata instead of its bytes`, { key: assetName });
      await writeFile3(dest, buffer);
      return { source: asset.browser_download_url || asset.url };
    }
  };
}
function releaseStoreFromEnv(env) {
  const repository = env.GITHUB_REPOSITORY;
  if (!repository || !/^[^/\s]+\/[^/\s]+$/.test(repository) || !resolveToken({ env })) return null;
  const [owner, repo] = repository.split("/");
  return new ReleaseArtifactStore(createReleaseBackend(createOctokit({ env }), owner, repo, env.GITHUB_SERVER_URL));
}
function referenceStores(env, stores) {
  if (stores) return stores;
  const releases = releaseStoreFromEnv(env);
  return releases ? { fallbackStores: [releases] } : {};
}

export {
  GitError,
  runGit,
  RegistryMissError,
  cardTextFromConfig,
  LocalArtifactStore,
  ReleaseArtifactStore,
  GitRegistry,
  isModelRef,
  resolveModelRef,
  createReleaseBackend,
  referenceStores
};
