import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  rareClass
} from "./chunk-LICFMF4L.mjs";
import {
  classCountProblem,
  isNumericLabel,
  labelTask,
  tooManyClassesMessage
} from "./chunk-QTXCJKJQ.mjs";
import {
  NAME_PATTERN,
  parseConfig
} from "./chunk-MXBEYZ7K.mjs";
import {
  dumpSchema,
  inferSchema
} from "./chunk-ZCKYZ65T.mjs";
import {
  parseCommandArgs,
  requirePositional
} from "./chunk-737J4S4N.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
import "./chunk-Q4PNAFW5.mjs";
import {
  dataReadOptions
} from "./chunk-X6EHJF6Z.mjs";
import "./chunk-6H53F6EY.mjs";
import {
  openTable
} from "./chunk-O2MIU5LP.mjs";
import "./chunk-EEI4KQJG.mjs";
import {
  cellText
} from "./chunk-MTY5YIX5.mjs";
import {
  exists,
  writeFileAtomic
} from "./chunk-6RHQPO36.mjs";
import "./chunk-KCMKRERF.mjs";
import {
  InputError,
  UsageError
} from "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/cli/commands/init.ts
import { readFile } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";

// src/cli/init-templates.ts
var DEFAULT_WORKFLOW_PATHS = { data: "data/train.csv", schema: "schema.yaml", config: "mlops.yaml" };
function dataFolder(p) {
  const slash = p.data.lastIndexOf("/");
  return slash > 0 ? `${p.data.slice(0, slash)}/**` : p.data;
}
function workflowFiles(p = DEFAULT_WORKFLOW_PATHS) {
  return {
    "pull-request": {
      file: "mlops-pull-request.yml",
      text: `# .github/workflows/mlops-pull-request.yml
name: mlops pull request
on:
  pull_request:
    paths: [${dataFolder(p)}, ${p.config}, ${p.schema}, .mlops/retrain/**]   # .mlops/retrain: the drift check's retraining PRs
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
      config: ${p.config}
      data: ${p.data}
      schema: ${p.schema}
      train-runs-on: '["ubuntu-latest"]'   # or '["self-hosted", "gpu"]'
`
    },
    release: {
      file: "mlops-release.yml",
      text: `# .github/workflows/mlops-release.yml
name: mlops release
on:
  push:
    branches: [main]
    paths: [${dataFolder(p)}, ${p.config}]
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
      config: ${p.config}
      runs-on: '["ubuntu-latest"]'
      install-native: none
  release:
    needs: train
    uses: mlops-actions/mlops-actions/.github/workflows/mlops-release.yml@v1
    permissions:
      contents: write
    with:
      config: ${p.config}
      artifact: \${{ needs.train.outputs.artifact-name }}
      bump: minor
      stage: \${{ inputs.stage || 'staging' }}
`
    },
    drift: {
      file: "mlops-drift.yml",
      text: `# .github/workflows/mlops-drift.yml
name: mlops drift
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
      config: ${p.config}
      dispatch-workflow: mlops-pull-request.yml
    secrets:
      token: \${{ secrets.MLOPS_TOKEN }}
`
    }
  };
}

// src/cli/commands/init.ts
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
function repoPath(cwd, path) {
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  return rel.split(sep).join("/");
}
function nameFrom(dir) {
  const name = basename(dir).toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^[-_]+|[-_]+$/g, "");
  return NAME_PATTERN.test(name) ? name : null;
}
var LOCAL_OUTPUTS = [".mlops/models/", ".mlops/outbox/", ".mlops/artifacts/", ".mlops/cache/"];
async function ignoreLocalOutputs(cwd) {
  const file = join(cwd, ".gitignore");
  const current = await exists(file) ? await readFile(file, "utf8") : "";
  const present = new Set(current.split(/\r?\n/).map((line) => line.trim()));
  const missing = LOCAL_OUTPUTS.filter((entry) => !present.has(entry) && !present.has(entry.replace(/\/$/, "")));
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
    const paths = { data: repoPath(io.cwd, data), schema: "schema.yaml", config: "mlops.yaml" };
    const test = values.test !== void 0 ? repoPath(io.cwd, values.test) : null;
    const config = [
      `name: ${name}`,
      "data:",
      `  train: ${paths.data}`,
      test !== null ? `  test: ${test}` : "  # test: data/golden.csv       # a golden test set: the pull-request workflow evaluates on it",
      `  schema: ${paths.schema}`,
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
      ["mlops.yaml", config],
      ["schema.yaml", dumpSchema(schema)],
      ...Object.values(workflows).map((w) => [`.github/workflows/${w.file}`, w.text])
    ];
    if (!values.force) {
      const present = [];
      for (const [file] of files) if (await exists(join(io.cwd, file))) present.push(file);
      if (present.length) throw new InputError(`already exists: ${present.join(", ")} (nothing was written; --force replaces them)`, { file: join(io.cwd, present[0]) });
    }
    for (const [file, text] of files) await writeFileAtomic(join(io.cwd, file), text);
    const ignored = await ignoreLocalOutputs(io.cwd);
    io.stderr([
      `mlops init: ${name} predicts '${label.name}' (${regression ? "regression" : task === "binary" ? "binary classification" : `multiclass classification, ${counts.size} classes`}) from ${featureSummary(schema)} of ${paths.data}`,
      ...rare ? [`  '${rare.name}' is ${formatShare(rare.share)} of the rows: classWeight balanced, positiveClass '${rare.name}', a balanced_accuracy gate`] : [],
      ...files.map(([file]) => `  wrote ${file}`),
      ...ignored.length ? [`  added to .gitignore: ${ignored.join(" ")}`] : [],
      "next:",
      `  mlops validate ${paths.data} --schema ${paths.schema}   # review schema.yaml: its ranges are observed, not specified`,
      "  mlops train                                       # a first model in .mlops/models/" + name,
      ...test === null ? ["  set data.test in mlops.yaml (a golden test set) before opening a pull request"] : [],
      // The drift workflow is written now; it checks nothing (and says so) until this is set.
      "  set drift.current in mlops.yaml (recent production data) to start the scheduled drift check; until then mlops-drift.yml passes with a notice",
      "  commit, push, and add a MLOPS_TOKEN secret for retraining pull requests (docs/workflows.md)",
      ""
    ].join("\n"));
    return ExitCode.ok;
  }
};
var init_default = command;
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
