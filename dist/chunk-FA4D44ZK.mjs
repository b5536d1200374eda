import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  rareClass
} from "./chunk-LICFMF4L.mjs";
import {
  mlopsInvocation,
  shellWord
} from "./chunk-4JGCLKKO.mjs";
import {
  classCountProblem,
  isNumericLabel,
  labelTask,
  tooManyClassesMessage
} from "./chunk-SXSB5XTO.mjs";
import {
  NAME_PATTERN,
  parseConfig,
  require_dist
} from "./chunk-D3J2R3HR.mjs";
import {
  dumpSchema,
  inferSchema
} from "./chunk-GYSFXBIC.mjs";
import {
  parseCommandArgs,
  requirePositional
} from "./chunk-W2347Q5A.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
import {
  dataReadOptions
} from "./chunk-EAMZTAYM.mjs";
import "./chunk-6H53F6EY.mjs";
import {
  openTable
} from "./chunk-VFQYOCDE.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import {
  cellText
} from "./chunk-HTMWGR7O.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-M6T65NKY.mjs";
import {
  exists,
  writeFileAtomic
} from "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import {
  InputError,
  UsageError
} from "./chunk-DXANMND3.mjs";
import {
  __toESM
} from "./chunk-SSCV3AA7.mjs";

// src/cli/commands/init.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { execFile } from "node:child_process";
import { readFile, rm, stat } from "node:fs/promises";
import { basename, dirname, join, posix, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";

// src/cli/init-templates.ts
var import_yaml = __toESM(require_dist(), 1);
var DEFAULT_WORKFLOW_PATHS = { data: "data/train.csv", schema: "schema.yaml", config: "mlops.yaml" };
function yamlScalar(value) {
  return /^[A-Za-z0-9_./][A-Za-z0-9_./ ()@+=~*-]*$/.test(value) && !/ $/.test(value) && (0, import_yaml.parse)(value) === value ? value : JSON.stringify(value);
}
function filterPattern(path) {
  return path.replace(/[*?[\]+!]/g, (c) => `\\${c}`);
}
function folderFilter(path) {
  const slash = path.lastIndexOf("/");
  return slash > 0 ? `${filterPattern(path.slice(0, slash))}/**` : filterPattern(path);
}
function dataFolder(p) {
  return folderFilter(p.data);
}
function codeFilters(p) {
  return (p.code ?? []).map((c) => c.folder ? `${filterPattern(c.path)}/**` : filterPattern(c.path));
}
function unique(patterns) {
  return [...new Set(patterns)];
}
function workflowFileName(kind, model) {
  return model === void 0 ? `mlops-${kind}.yml` : `mlops-${model}-${kind}.yml`;
}
function workflowFiles(p = DEFAULT_WORKFLOW_PATHS) {
  const files = {
    "pull-request": workflowFileName("pull-request", p.model),
    release: workflowFileName("release", p.model),
    drift: workflowFileName("drift", p.model)
  };
  const title = (what) => p.model === void 0 ? `mlops ${what}` : `mlops ${p.model} ${what}`;
  const retrain = p.model === void 0 ? ".mlops/retrain/**" : `.mlops/retrain/${p.model}.json`;
  return {
    "pull-request": {
      file: files["pull-request"],
      text: `# .github/workflows/${files["pull-request"]}
name: ${title("pull request")}
on:
  pull_request:
    paths: [${unique([dataFolder(p), filterPattern(p.config), filterPattern(p.schema), ...p.test !== void 0 ? [folderFilter(p.test)] : [], ...codeFilters(p), retrain]).map(yamlScalar).join(", ")}]   # .mlops/retrain: the drift check's retraining PRs
  workflow_dispatch:          # the drift check dispatches it on its retraining branch
    inputs:
      pr: { description: 'Pull request to comment on', required: false }
permissions: {}
jobs:
  mlops:
    uses: mlops-actions/mlops-actions/.github/workflows/mlops-pull-request.yml@v1
    permissions:
      contents: read
      pull-requests: write
    with:
      config: ${yamlScalar(p.config)}
      data: ${yamlScalar(p.data)}
      schema: ${yamlScalar(p.schema)}
      train-runs-on: '["ubuntu-latest"]'   # or '["self-hosted", "gpu"]'
`
    },
    release: {
      file: files.release,
      text: `# .github/workflows/${files.release}
name: ${title("release")}
on:
  push:
    branches: [${yamlScalar(p.branch ?? "main")}]
    paths: [${unique([dataFolder(p), filterPattern(p.config), ...codeFilters(p)]).map(yamlScalar).join(", ")}]
  workflow_dispatch:
    inputs:
      stage: { description: 'Stage to assign', default: staging }
permissions: {}
jobs:
  train:
    uses: mlops-actions/mlops-actions/.github/workflows/mlops-train.yml@v1
    permissions:
      contents: read
    with:
      config: ${yamlScalar(p.config)}
      runs-on: '["ubuntu-latest"]'
      install-native: none
  release:
    needs: train
    uses: mlops-actions/mlops-actions/.github/workflows/mlops-release.yml@v1
    permissions:
      contents: write
    with:
      config: ${yamlScalar(p.config)}
      artifact: \${{ needs.train.outputs.artifact-name }}
      bump: minor
      stage: \${{ inputs.stage || 'staging' }}
`
    },
    drift: {
      file: files.drift,
      text: `# .github/workflows/${files.drift}
name: ${title("drift")}
on:
  schedule:
    - cron: '17 6 * * 1-5'
  workflow_dispatch:
permissions: {}
jobs:
  drift:
    uses: mlops-actions/mlops-actions/.github/workflows/mlops-drift.yml@v1
    permissions:
      contents: write
      pull-requests: write
      actions: write
    with:
      config: ${yamlScalar(p.config)}
      dispatch-workflow: ${files["pull-request"]}
    secrets:
      token: \${{ secrets.MLOPS_TOKEN }}
`
    }
  };
}

// src/cli/commands/init.ts
var execFileAsync = promisify(execFile);
var USAGE = `Usage: mlops init <training data> [--label <column>] [--test <file>] [--name <name>]
                  [--command <trainer>] [--predict-command <server>] [--force]

Sets up a repository for mlops-actions, in the working directory (and adds mlops's local outputs,
.mlops/models/ and the like, to .gitignore):
  mlops.yaml                              the model: data, label, training, gates
  schema.yaml                             the data's Table Schema, inferred from <training data>
  .github/workflows/mlops-pull-request.yml  validate \u2192 train \u2192 evaluate \u2192 one PR comment
  .github/workflows/mlops-release.yml       register the model on merge
  .github/workflows/mlops-drift.yml         scheduled drift check \u2192 retraining PR
The workflows are the README's, with this project's paths. Review the files, then commit them.
Run in a subdirectory of a git repository (one model of several: models/weather/), mlops.yaml
and schema.yaml go there, and the workflows to the repository root's .github/workflows, named
after the model (mlops-weather-pull-request.yml, \u2026), with paths from the root.
The drift workflow checks nothing until drift.current in mlops.yaml names recent production data:
until then each scheduled run passes with a notice saying so.

Options:
  --label <column>  the column to predict (default: the one named label, target, class or y)
  --test <file>     a golden test set for evaluate (else set data.test in mlops.yaml later)
  --name <name>     the model's name (default: the directory's name; a-z, 0-9, - and _)
  --command <cmd>   your own trainer (PyTorch, scikit-learn\u2026) as train.command, instead of
                    TensorFlow.js (docs/training.md: the MLOPS_* environment it gets)
  --predict-command <cmd>
                    the command that serves its predictions to evaluate (train.predictCommand;
                    docs/evaluation.md: the JSON-lines protocol)
  --force           replace files that exist (default: refuse and name them)

The task follows the label, as mlops train decides it: numbers with a fraction, or whole numbers
with more than 20 distinct values, are regression; text, booleans and whole numbers with few
values (0/1 flags) are classes. A label with (nearly) one class per row, such as a date or an id,
is refused.

Exit codes: 0 written; 2 could not run (missing data, unknown label, a label that cannot be
predicted, files exist without --force).`;
function repoPath(base, path) {
  return relative(base, path).split(sep).join("/");
}
async function defaultBranch(root) {
  const git = async (...args) => {
    try {
      return (await execFileAsync("git", ["-C", root, ...args])).stdout.trim();
    } catch {
      return "";
    }
  };
  const origin = await git("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD");
  if (origin.startsWith("origin/")) return origin.slice("origin/".length);
  const current = await git("symbolic-ref", "--quiet", "--short", "HEAD");
  return current === "master" ? "master" : "main";
}
async function workTreeRoot(dir) {
  for (let current = dir; ; current = dirname(current)) {
    if (await exists(join(current, ".git"))) return current;
    if (dirname(current) === current) return null;
  }
}
async function ignoreRule(root, file) {
  try {
    const { stdout } = await execFileAsync("git", ["-C", root, "check-ignore", "--verbose", "--", repoPath(root, file)]);
    const rule = stdout.split("	")[0].trim();
    return rule === "" ? null : rule;
  } catch {
    return null;
  }
}
async function trainerCode(commands, cwd, root, skip) {
  const out = /* @__PURE__ */ new Map();
  for (const command2 of commands) {
    const words = (text) => shellWords(text).flatMap(({ word, plain }) => [...plain ? [word] : [], .../\s/.test(word) ? words(word) : []]);
    for (const bare of words(command2)) {
      if (bare === "" || bare.startsWith("-")) continue;
      const file = resolve(cwd, bare);
      if (skip.includes(file) || repoPath(root, file).startsWith("../") || !await isFile(file)) continue;
      const folder = dirname(file) !== cwd && dirname(file) !== root;
      const path = repoPath(root, folder ? dirname(file) : file);
      out.set(path, { path, folder });
    }
  }
  return [...out.values()];
}
function shellWords(command2) {
  const words = [];
  let word = "";
  let started = false;
  let special = false;
  const end = () => {
    if (started) words.push({ word, plain: !special });
    word = "";
    started = false;
    special = false;
  };
  for (let i = 0; i < command2.length; i++) {
    const c = command2[i];
    if (/\s/.test(c)) {
      end();
      continue;
    }
    started = true;
    if (c === "'") {
      const close = command2.indexOf("'", i + 1);
      word += command2.slice(i + 1, close < 0 ? void 0 : close);
      i = close < 0 ? command2.length : close;
    } else if (c === '"') {
      for (i++; i < command2.length && command2[i] !== '"'; i++) {
        if (command2[i] === "\\" && /["\\$`]/.test(command2[i + 1] ?? "")) i++;
        else if (command2[i] === "$" || command2[i] === "`") special = true;
        word += command2[i];
      }
    } else if (c === "\\") {
      word += command2[++i] ?? "";
    } else {
      if (/[=$`|&;<>*?(){}]/.test(c)) special = true;
      word += c;
    }
  }
  end();
  return words;
}
async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
function nameFrom(dir) {
  const name = basename(dir).toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^[-_]+|[-_]+$/g, "");
  return NAME_PATTERN.test(name) ? name : null;
}
var LOCAL_OUTPUTS = [".mlops/models/", ".mlops/outbox/", ".mlops/artifacts/", ".mlops/cache/"];
async function ignoreLocalOutputs(root, anyDepth) {
  const file = join(root, ".gitignore");
  const current = await exists(file) ? await readFile(file, "utf8") : "";
  const present = new Set(current.split(/\r?\n/).map((line) => line.trim().replace(/\/$/, "")));
  const missing = LOCAL_OUTPUTS.filter((entry) => !present.has(`**/${entry.replace(/\/$/, "")}`) && (anyDepth || !present.has(entry.replace(/\/$/, "")))).map((entry) => anyDepth ? `**/${entry}` : entry);
  if (missing.length === 0) return [];
  const prefix = current === "" || current.endsWith("\n") ? current : `${current}
`;
  await writeFileAtomic(file, `${prefix}# mlops: local models, comments and registry artifacts
${missing.join("\n")}
`);
  return missing;
}
var command = {
  name: "init",
  summary: "set up mlops.yaml, schema.yaml and the three workflows for your data",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      label: { type: "string" },
      test: { type: "string" },
      name: { type: "string" },
      command: { type: "string" },
      "predict-command": { type: "string" },
      force: { type: "boolean" }
    }, "init");
    const trainer = values.command?.trim() || null;
    const server = values["predict-command"]?.trim() || null;
    if (values.command !== void 0 && trainer === null) throw new UsageError("--command is empty: give the command that trains your model");
    if (values["predict-command"] !== void 0 && server === null) throw new UsageError("--predict-command is empty: give the command that serves its predictions");
    if (server !== null && trainer === null) throw new UsageError("--predict-command serves a model trained by --command: give both");
    const data = requirePositional(positionals, 0, "training data", "mlops init <training data> [--label <column>]");
    if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'. Usage: mlops init <training data> [--label <column>]`);
    const name = values.name ?? nameFrom(io.cwd) ?? "model";
    if (!NAME_PATTERN.test(name)) throw new UsageError(`--name '${name}': use lower-case letters, digits, '-' and '_' (it names tags and branches)`);
    const dataAbs = resolve(io.cwd, data);
    if (/[*?[\]{}]/.test(data) && !await exists(dataAbs)) {
      const pr = workflowFileName("pull-request", (await workTreeRoot(io.cwd) ?? io.cwd) === io.cwd ? void 0 : name);
      throw new UsageError(`'${data}' is a pattern: mlops init takes one data file (e.g. the first shard), then set data.train in mlops.yaml and data: in .github/workflows/${pr} to the pattern, so that pull requests validate every shard`);
    }
    const schema = await inferSchema(dataAbs);
    const columns = schema.fields.map((f) => f.name);
    const labelName = values.label ?? schema.fields.find((f) => f.role === "label")?.name;
    if (labelName === void 0) throw new UsageError(`which column should the model predict? Pass --label <column> (columns: ${columns.join(", ")})`);
    const label = schema.fields.find((f) => f.name === labelName);
    if (!label) throw new InputError(`--label '${labelName}' is not a column of the data (columns: ${columns.join(", ")})`, { file: dataAbs, key: labelName });
    for (const f of schema.fields) if (f.role === "label" && f !== label) f.role = "feature";
    label.role = "label";
    if (values.test !== void 0 && !await exists(resolve(io.cwd, values.test))) throw new InputError("test data file not found", { file: resolve(io.cwd, values.test) });
    const counts = await labelCounts(dataAbs, schema, label.name);
    const distinct = [...counts.keys()];
    const task = labelTask(distinct);
    const regression = task === "regression";
    if (!regression) {
      if (counts.size === 0) throw new InputError(`label '${label.name}' has no value in any row: nothing to learn`, { file: dataAbs, key: label.name });
      if (counts.size === 1) {
        throw new InputError(`label '${label.name}' has only one class (${JSON.stringify(distinct[0])}) in the data; a classifier needs at least two (pass --label with the column the model should predict)`, { file: dataAbs, key: label.name });
      }
      const rows = [...counts.values()].reduce((a, b) => a + b, 0);
      const problem = classCountProblem(counts.size, rows);
      if (problem) {
        throw new InputError(tooManyClassesMessage(label.name, problem, isNumericLabel(distinct), {
          regression: "model.task: regression in mlops.yaml",
          otherColumn: `pass --label with the column the model should predict (columns: ${columns.filter((c) => c !== label.name).join(", ")})`
        }), { file: dataAbs, key: label.name });
      }
    }
    const rare = regression ? null : rareClass(counts);
    const root = await workTreeRoot(io.cwd) ?? io.cwd;
    const local = { data: repoPath(io.cwd, dataAbs), schema: "schema.yaml" };
    const testAbs = values.test !== void 0 ? resolve(io.cwd, values.test) : null;
    const paths = {
      data: repoPath(root, dataAbs),
      schema: repoPath(root, join(io.cwd, "schema.yaml")),
      config: repoPath(root, join(io.cwd, "mlops.yaml")),
      ...root === io.cwd ? {} : { model: name },
      ...testAbs !== null && !repoPath(root, testAbs).startsWith("../") ? { test: repoPath(root, testAbs) } : {},
      branch: await defaultBranch(root),
      code: await trainerCode([trainer, server].filter((c) => c !== null), io.cwd, root, [dataAbs, ...testAbs !== null ? [testAbs] : [], join(io.cwd, "mlops.yaml"), join(io.cwd, "schema.yaml")])
    };
    const test = testAbs !== null ? repoPath(io.cwd, testAbs) : null;
    const outside = [dataAbs, ...testAbs !== null ? [testAbs] : []].filter((file) => repoPath(root, file).startsWith("../"));
    const uncommitted = [];
    for (const file of /* @__PURE__ */ new Set([dataAbs, ...testAbs !== null ? [testAbs] : []])) {
      const rule = outside.includes(file) ? null : await ignoreRule(root, file);
      if (rule !== null) uncommitted.push([file, rule]);
    }
    const config = [
      `name: ${name}`,
      "data:",
      `  train: ${yamlScalar(local.data)}`,
      test !== null ? `  test: ${yamlScalar(test)}` : "  # test: data/golden.csv       # a golden test set: the pull-request workflow evaluates on it",
      `  schema: ${local.schema}`,
      `  label: ${JSON.stringify(label.name)}`,
      ...trainer === null ? ["model: { type: mlp, hidden: [64, 32] }"] : [],
      ...trainLines(trainer, server, rare),
      "evaluate:",
      ...rare ? [`  positiveClass: ${JSON.stringify(rare.name)}   # precision, recall and f1 are about the rare class`] : [],
      "  gates:",
      regression ? "    - { metric: r2, maxDrop: 0.02 }          # judged on the paired 95% interval" : rare ? "    - { metric: balanced_accuracy, maxDrop: 0.02 }   # accuracy would reward ignoring the rare class" : "    - { metric: accuracy, maxDrop: 0.02 }    # judged on the paired 95% interval",
      "    - { latency: p95, maxRatio: 1.5 }        # candidate / production",
      "# drift: { current: monitoring/latest.csv }  # recent production data for the scheduled check",
      ""
    ].join("\n");
    parseConfig(config, join(io.cwd, "mlops.yaml"));
    const workflows = workflowFiles(paths);
    const files = [
      [join(io.cwd, "mlops.yaml"), config],
      [join(io.cwd, "schema.yaml"), dumpSchema(schema)],
      ...Object.values(workflows).map((w) => [join(root, ".github", "workflows", w.file), w.text])
    ];
    const shown = (file) => repoPath(io.cwd, file);
    const others = [];
    for (const { file } of Object.values(workflows)) {
      const path = join(root, ".github", "workflows", file);
      const config2 = await exists(path) ? workflowConfig(await readFile(path, "utf8")) : void 0;
      if (config2 !== void 0 && posix.normalize(config2) !== paths.config) others.push([path, config2]);
    }
    if (others.length > 0 && !values.force && paths.model !== void 0) {
      throw new InputError(`a model named '${name}' already has workflows here (${others.map(([file]) => shown(file)).join(", ")}, for ${others[0][1]}): pass --name with another name for this one (the name also tags its registry versions); nothing was written`, { file: others[0][0] });
    }
    if (!values.force) {
      const present = [];
      for (const [file] of files) if (await exists(file)) present.push(file);
      if (present.length) throw new InputError(`already exists: ${present.map(shown).join(", ")} (nothing was written; --force replaces them)`, { file: present[0] });
    }
    const operations = [];
    const written = [];
    try {
      for (const [file, text] of files) {
        const before = await exists(file) ? await readFile(file, "utf8") : null;
        if (before === text) {
          operations.push("unchanged");
          continue;
        }
        await writeFileAtomic(file, text);
        written.push([file, before]);
        operations.push(before === null ? "created" : "updated");
      }
    } catch (error) {
      for (const [file, before] of written.reverse()) {
        await (before === null ? rm(file, { force: true }) : writeFileAtomic(file, before)).catch(() => void 0);
      }
      throw error;
    }
    const ignored = await ignoreLocalOutputs(root, root !== io.cwd);
    const mlops = mlopsInvocation(io.env);
    io.stderr([
      `mlops init: ${name} predicts '${label.name}' (${regression ? "regression" : task === "binary" ? "binary classification" : `multiclass classification, ${counts.size} classes`}) from ${featureSummary(schema)} of ${local.data}`,
      ...rare ? [`  '${rare.name}' is ${formatShare(rare.share)} of the rows: classWeight balanced, positiveClass '${rare.name}', a balanced_accuracy gate`] : [],
      ...files.map(([file], i) => `  ${operations[i]} ${shown(file)}`),
      ...ignored.length ? [`  added to ${shown(join(root, ".gitignore"))}: ${ignored.join(" ")}`] : [],
      ...others.length ? [`  warning: --force took ${others.map(([file]) => shown(file)).join(", ")} from the model of ${others[0][1]}, which has no workflows now and shares the name '${name}' (and its registry tags) with this one`] : [],
      // Without the trainer's code in the paths filters, a pull request that changes only the model's code would start no check and its merge no release.
      ...trainer === null ? [] : paths.code.length > 0 ? [`  the workflows also run for changes to the trainer's code: ${paths.code.map((c) => c.folder ? `${c.path}/**` : c.path).join(", ")}`] : [`  warning: no file named by --command${server !== null ? " or --predict-command" : ""} was found in the repository: add your training code to the paths: filters of ${workflows["pull-request"].file} and ${workflows.release.file}, or a pull request that changes only the code starts no check`],
      ...outside.map((file) => `  warning: ${shown(file)} is outside the repository (${root}): the workflows cannot read it on GitHub; move it into the repository and run mlops init again`),
      ...uncommitted.map(([file, rule]) => `  warning: ${shown(file)} is ignored by git (${rule}): a commit leaves it out, so the workflows cannot read it on GitHub; commit it (git add -f ${shellWord(repoPath(io.cwd, file))}), or fetch it in a workflow of your own before the actions run (e.g. dvc pull)`),
      // Scored on the rows it learned from, every candidate looks better than it is, and the gates judge nothing real.
      ...testAbs === dataAbs ? [`  warning: --test is the training data: evaluate would score rows the model was trained on; set data.test in mlops.yaml to a held-out golden set`] : [],
      "next:",
      `  ${mlops} validate ${shellWord(local.data)} --schema ${local.schema}   # review schema.yaml: its ranges are observed, not specified`,
      `  ${mlops} train   # a first model in .mlops/models/${name}`,
      ...test === null ? ["  set data.test in mlops.yaml (a golden test set) before opening a pull request"] : [],
      // The drift workflow is written now; it checks nothing (and says so) until this is set.
      `  set drift.current in mlops.yaml (recent production data) to start the scheduled drift check; until then ${workflows.drift.file} passes with a notice`,
      "  commit, push, and add a MLOPS_TOKEN secret for retraining pull requests (docs/workflows.md)",
      ""
    ].join("\n"));
    return ExitCode.ok;
  }
};
var init_default = command;
function workflowConfig(text) {
  let parsed;
  try {
    parsed = (0, import_yaml2.parse)(text);
  } catch {
    return void 0;
  }
  const jobs = parsed?.jobs;
  for (const job of Object.values(jobs ?? {})) {
    const config = job?.with?.config;
    if (typeof config === "string" && config !== "") return config;
  }
  return void 0;
}
async function labelCounts(path, schema, label) {
  const counts = /* @__PURE__ */ new Map();
  const source = await openTable(path, { ...dataReadOptions(schema), columns: [label] });
  for await (const batch of source.batches()) {
    const column = batch.columns[0];
    for (let i = 0; i < batch.length; i++) {
      const text = cellText(column, i);
      if (text !== null) counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  }
  return counts;
}
function formatShare(share) {
  return `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`;
}
function featureSummary(schema) {
  const features = schema.fields.filter((f) => f.role === "feature").length;
  const others = schema.fields.filter((f) => f.role !== "feature" && f.role !== "label").map((f) => `${f.name}: ${f.role}`);
  return `${features} feature column${features === 1 ? "" : "s"}${others.length ? ` (left out: ${others.join(", ")})` : ""}`;
}
function trainLines(trainer, server, rare) {
  const weights = rare ? ", classWeight: balanced" : "";
  const why = rare ? `   # ${JSON.stringify(rare.name)} is ${formatShare(rare.share)} of the rows: weigh both classes alike` : "";
  if (trainer === null) {
    return [rare ? `train: { epochs: 40, seed: 42${weights} }${why}` : 'train: { epochs: 40, seed: 42 }   # batchSize: auto; or command: "python3 train.py" for your own trainer'];
  }
  return [
    "train:",
    `  command: ${JSON.stringify(trainer)}   # gets MLOPS_TRAIN_DATA, MLOPS_LABEL, MLOPS_OUTPUT_DIR\u2026 (docs/training.md)`,
    server !== null ? `  predictCommand: ${JSON.stringify(server)}   # serves predictions to mlops evaluate (docs/evaluation.md)` : '  # predictCommand: "python3 predict.py"   # needed by mlops evaluate (docs/evaluation.md)',
    `  seed: 42${rare ? `
  classWeight: balanced${why}` : ""}`
  ];
}
export {
  init_default as default
};
