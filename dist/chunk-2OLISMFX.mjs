import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  runCli
} from "./chunk-Z55P4SBD.mjs";
import {
  loadBackend
} from "./chunk-VXDFF6NO.mjs";
import {
  memoryIo,
  mlopsInvocation,
  shellWord
} from "./chunk-4JGCLKKO.mjs";
import "./chunk-DVDZ43KM.mjs";
import {
  parseBackendFlag,
  parseCommandArgs
} from "./chunk-W2347Q5A.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
import {
  groupDigits
} from "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-EY3EEY7L.mjs";
import {
  InputError,
  UsageError
} from "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/cli/commands/demo.ts
import { execFile } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
var exec = promisify(execFile);
var usage = `mlops demo [--dir <dir>] [--backend auto|tensorflow|wasm|cpu] [--verbose]

Runs the whole life cycle on the bundled example (Seattle weather, vega-datasets) in a temporary
git repository with a local bare remote standing in for GitHub:
  validate \u2192 train v1 \u2192 register + promote to production \u2192 train a candidate \u2192 evaluate against
  production (the would-be PR comment goes to .mlops/outbox/) \u2192 drift on a later monitoring window \u2192
  retraining branch pushed to the remote and the would-be PR written to the outbox.
  --dir <dir>        where to create the demo repository (default: a new temporary directory)
  --backend <name>   TensorFlow.js backend for training and evaluation, as in mlops train: auto
                     (default: tfjs-node when installed, else the bundled wasm, then cpu), tensorflow
                     (@tensorflow/tfjs-node, found through MLOPS_NATIVE_DIR), wasm or cpu; a forced
                     backend is loaded before the demo starts, so one that is missing fails at once
  --verbose          show every command's own output

Headlines are bold only on a terminal, and never with NO_COLOR set.`;
function exampleDir() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "fixtures", "example");
    if (existsSync(join(candidate, "mlops.yaml"))) return candidate;
    dir = dirname(dir);
  }
  throw new InputError("the example project (fixtures/example) is not next to this mlops: the demo runs from a clone of mlops-actions (git clone https://github.com/mlops-actions/mlops-actions && cd mlops-actions && npm ci && npm run demo), not from an installed package");
}
var DEMO_GIT_ENV = {
  GIT_AUTHOR_NAME: "mlops demo",
  GIT_AUTHOR_EMAIL: "demo@mlops.invalid",
  GIT_COMMITTER_NAME: "mlops demo",
  GIT_COMMITTER_EMAIL: "demo@mlops.invalid",
  GIT_CONFIG_COUNT: "3",
  GIT_CONFIG_KEY_0: "commit.gpgSign",
  GIT_CONFIG_VALUE_0: "false",
  GIT_CONFIG_KEY_1: "tag.gpgSign",
  GIT_CONFIG_VALUE_1: "false",
  GIT_CONFIG_KEY_2: "core.hooksPath",
  GIT_CONFIG_VALUE_2: "/dev/null"
};
function boldFor(io) {
  return io.isTTY && !io.env.NO_COLOR ? (text) => `\x1B[1m${text}\x1B[0m` : (text) => text;
}
var command = {
  name: "demo",
  summary: "run the whole life cycle on the bundled fixtures, locally",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { dir: { type: "string" }, backend: { type: "string" }, verbose: { type: "boolean" } }, "demo");
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'. Usage: mlops demo [--dir <dir>] [--backend <name>]`);
    const backendName = parseBackendFlag(values.backend);
    const nativeDir = io.env.MLOPS_NATIVE_DIR;
    const dir = values.dir ? resolve(io.cwd, values.dir) : void 0;
    if (backendName !== void 0 && backendName !== "auto") {
      try {
        await loadBackend(backendName, { cwd: dir ?? tmpdir(), env: nativeDir ? { MLOPS_NATIVE_DIR: nativeDir } : {} });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        throw new UsageError(`--backend ${backendName}: ${error.detail}`);
      }
    }
    const example = exampleDir();
    const started = Date.now();
    const root = dir ?? await mkdtemp(join(tmpdir(), "mlops-demo-"));
    const remote = join(root, "remote.git");
    const work = join(root, "weather");
    if (existsSync(root) && !statSync(root).isDirectory()) throw new InputError("--dir is not a directory: pass an empty or new directory", { file: root });
    if (existsSync(work)) throw new InputError(`${work} already exists: pass an empty --dir`);
    if (existsSync(remote) && statSync(remote).isDirectory()) throw new InputError(`${remote} already exists: pass an empty --dir`);
    await mkdir(root, { recursive: true });
    const gitEnv = { ...DEMO_GIT_ENV };
    const env = { PATH: io.env.PATH, HOME: io.env.HOME, TMPDIR: io.env.TMPDIR, ...nativeDir ? { MLOPS_NATIVE_DIR: nativeDir } : {}, ...gitEnv };
    const gitIn = async (cwd, args) => {
      try {
        return await exec("git", args, { cwd, env: { ...process.env, ...gitEnv } });
      } catch (error) {
        const { stderr, stdout } = error;
        const said = [stderr?.trim(), stdout?.trim()].filter(Boolean).join("\n");
        throw new InputError(`demo step 'git ${args.join(" ")}' failed${said ? `:
${said}` : `: ${error.message}`}`);
      }
    };
    const git = (...args) => gitIn(work, args);
    const say = (text) => io.stderr(`${text}
`);
    const bold = boldFor(io);
    const headline = (n, text) => say(`
${bold(`${n}. ${text}`)}`);
    const mlops = async (...args) => {
      const sub = memoryIo({ cwd: work, env });
      const code = await runCli(args, sub);
      if (values.verbose) io.stderr(sub.err + (args.includes("--json") ? "" : sub.out));
      let json = {};
      if (args.includes("--json")) {
        try {
          json = JSON.parse(sub.out);
        } catch {
        }
      }
      if (code === ExitCode.cannotRun) throw new InputError(`demo step 'mlops ${args.join(" ")}' could not run:
${sub.err}`);
      return { code, out: sub.out, err: sub.err, json };
    };
    const backend = backendName ? ["--backend", backendName] : [];
    const pct = (x) => typeof x === "number" ? `${(x * 100).toFixed(1)}%` : "n/a";
    say(`mlops demo \u2014 the life cycle of a weather model, in ${root}`);
    await gitIn(root, ["init", "-q", "--bare", "-b", "main", remote]);
    await gitIn(root, ["-c", "init.defaultBranch=main", "clone", "-q", remote, work]);
    await cp(example, work, { recursive: true });
    await writeFile(join(work, ".gitignore"), ".mlops/\nmodels/\n");
    await git("add", "-A");
    await git("commit", "-q", "-m", "weather model: data, schema, mlops.yaml");
    await git("push", "-q", "origin", "main");
    say("   a git repository with a local bare remote (standing in for GitHub), holding fixtures/example:");
    say("   Seattle weather 2012\u201313 for training, 2014 as the golden test set, June\u2013Sept 2015 as monitoring data");
    headline(1, "Validate the data against its schema (what the pull-request check does)");
    const valid = await mlops("validate", "data/train.csv", "--schema", "schema.yaml", "--json");
    say(`   data/train.csv: ${valid.json.valid ? "valid" : "INVALID"}, ${valid.json.rows} rows`);
    const lines = (await readFile(join(work, "data/train.csv"), "utf8")).split("\n");
    lines[10] = lines[10].replace(/,(sun|rain|drizzle|fog|snow)$/, ",hail");
    lines[20] = lines[20].replace(/^([^,]*),[^,]*,/, "$1,-4.2,");
    await writeFile(join(work, "data/new-batch.csv"), `${lines.slice(0, 40).join("\n")}
`);
    const invalid = await mlops("validate", "data/new-batch.csv", "--schema", "schema.yaml", "--json");
    const errors = invalid.json.errors ?? [];
    say(`   a new batch with two bad rows: exit ${invalid.code}, ${invalid.json.errorCount} errors`);
    for (const e of errors.slice(0, 3)) say(`     line ${e.line}, ${e.column}: ${e.rule} (${JSON.stringify(e.value)})`);
    headline(2, "Train v1 (TensorFlow.js; the same config gives the same weights)");
    const v1 = await mlops("train", "--config", "mlops.yaml", "--out", "models/v1", "--json", ...backend);
    const v1Metrics = v1.json.metrics ?? {};
    const speed = typeof v1.json.samplesPerSecond === "number" ? groupDigits(v1.json.samplesPerSecond) : "n/a";
    say(`   ${v1.json.backend} backend, ${v1.json.epochs} epochs, ${speed} samples/s; validation accuracy ${pct(v1Metrics.accuracy)}`);
    headline(3, "Register v1.0.0 and promote it to production (annotated git tags, pushed)");
    await mlops("registry", "register", "weather", "--model", "models/v1", "--version", "v1.0.0", "--push", "--json");
    await mlops("registry", "promote", "weather", "v1.0.0", "--stage", "production", "--push", "--json");
    const tags = (await gitIn(remote, ["tag", "-l"])).stdout.trim().split("\n").join(", ");
    say(`   tags on the remote: ${tags}`);
    headline(4, "A pull request trains a candidate (wider network, more epochs)");
    const config = await readFile(join(work, "mlops.yaml"), "utf8");
    await writeFile(join(work, "mlops.yaml"), config.replace("hidden: [32, 16]", "hidden: [64, 32]").replace("epochs: 40", "epochs: 60"));
    await git("checkout", "-q", "-b", "wider-model");
    await git("commit", "-q", "-am", "model: wider MLP");
    const candidate = await mlops("train", "--config", "mlops.yaml", "--out", "models/candidate", "--json", ...backend);
    const candMetrics = candidate.json.metrics ?? {};
    say(`   candidate: validation accuracy ${pct(candMetrics.accuracy)}`);
    headline(5, "Evaluate the candidate against production (metrics with intervals, latency, gates)");
    const evaluation = await mlops("evaluate", "--config", "mlops.yaml", "--candidate", "models/candidate", "--baseline", "weather#production", "--comment", "--json", ...backend);
    const ev = evaluation.json;
    say(`   golden-set accuracy: production ${pct(ev.baseline?.metrics?.accuracy)} \u2192 candidate ${pct(ev.candidate?.metrics?.accuracy)}`);
    const p95 = ev.latency?.ratio?.p95;
    if (p95) say(`   p95 latency ratio candidate/production: ${p95.value.toFixed(2)} [${p95.low.toFixed(2)}, ${p95.high.toFixed(2)}]`);
    for (const g of ev.gates ?? []) say(`   gate ${g.passed === null ? "skipped" : g.passed ? "passed" : "FAILED"}: ${g.name} \u2014 ${g.detail}`);
    say(`   verdict: ${ev.passed ? "passed" : "FAILED"} (exit ${evaluation.code}); the PR comment is in .mlops/outbox/evaluate-weather.md`);
    await git("checkout", "-q", "main");
    await git("checkout", "-q", "--", "mlops.yaml");
    headline(6, "Scheduled drift check: June\u2013September 2015 against the production model's training data");
    const drift = await mlops("drift", "--config", "mlops.yaml", "--reference", "weather#production", "--open-pr", "--json");
    const dj = drift.json;
    say(`   dataset drift: ${dj.drifted ? "YES" : "no"} (${pct(dj.share)} of features)`);
    for (const c of dj.columns ?? []) {
      const score = `${c.pValue !== void 0 ? "p" : "distance"} = ${Number(c.score).toPrecision(3)}`;
      say(`     ${c.name.padEnd(14)} ${c.method.padEnd(12)} ${score.padEnd(16)} ${c.drifted ? "drift" : "ok"}`);
    }
    const branches = (await gitIn(remote, ["branch", "--list", "mlops/*"])).stdout.trim();
    say(`   retraining branch on the remote: ${branches.replace(/^[*\s]+/, "") || "(none)"}; the would-be PR: .mlops/outbox/retrain-weather.md`);
    say(`
Done in ${((Date.now() - started) / 1e3).toFixed(0)} s. Look around: cd ${shellWord(work)}`);
    say(`   git log --all --oneline --decorate \xB7 ${mlopsInvocation(io.env)} registry history weather \xB7 ls .mlops/outbox`);
    return ExitCode.ok;
  }
};
var demo_default = command;
export {
  DEMO_GIT_ENV,
  boldFor,
  demo_default as default
};
