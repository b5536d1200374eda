import { execFile } from 'node:child_process';
import { readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { InputError, UsageError } from '../../core/errors.ts';
import { exists, writeFileAtomic } from '../../core/fs.ts';
import { dataReadOptions, dumpSchema, inferSchema, type TableSchema } from '../../schema/index.ts';
import { cellText, openTable } from '../../table/index.ts';
import { rareClass } from '../../train/class-weights.ts';
import { NAME_PATTERN, parseConfig } from '../../train/config.ts';
import { classCountProblem, isNumericLabel, labelTask, tooManyClassesMessage } from '../../train/task.ts';
import { parseCommandArgs, requirePositional } from '../args.ts';
import { ExitCode, type Command } from '../command.ts';
import { workflowFileName, workflowFiles, yamlScalar } from '../init-templates.ts';
import { mlopsInvocation, shellWord } from '../io.ts';

const execFileAsync = promisify(execFile);

const USAGE = `Usage: mlops init <training data> [--label <column>] [--test <file>] [--name <name>]
                  [--command <trainer>] [--predict-command <server>] [--force]

Sets up a repository for mlops-actions, in the working directory (and adds mlops's local outputs,
.mlops/models/ and the like, to .gitignore):
  mlops.yaml                              the model: data, label, training, gates
  schema.yaml                             the data's Table Schema, inferred from <training data>
  .github/workflows/mlops-pull-request.yml  validate → train → evaluate → one PR comment
  .github/workflows/mlops-release.yml       register the model on merge
  .github/workflows/mlops-drift.yml         scheduled drift check → retraining PR
The workflows are the README's, with this project's paths. Review the files, then commit them.
Run in a subdirectory of a git repository (one model of several: models/weather/), mlops.yaml
and schema.yaml go there, and the workflows to the repository root's .github/workflows, named
after the model (mlops-weather-pull-request.yml, …), with paths from the root.
The drift workflow checks nothing until drift.current in mlops.yaml names recent production data:
until then each scheduled run passes with a notice saying so.

Options:
  --label <column>  the column to predict (default: the one named label, target, class or y)
  --test <file>     a golden test set for evaluate (else set data.test in mlops.yaml later)
  --name <name>     the model's name (default: the directory's name; a-z, 0-9, - and _)
  --command <cmd>   your own trainer (PyTorch, scikit-learn…) as train.command, instead of
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

/** `path` relative to `base`, with forward slashes, as workflows and mlops.yaml write it. */
function repoPath(base: string, path: string): string {
  return relative(base, path).split(sep).join('/');
}

/**
 * The branch the release workflow registers on: the default branch of `origin` when the clone
 * knows it, else the checked-out branch when it is `main` or `master` (a fresh `git init` names
 * either, by the user's git settings), else `main`.
 */
async function defaultBranch(root: string): Promise<string> {
  const git = async (...args: string[]): Promise<string> => {
    try {
      return (await execFileAsync('git', ['-C', root, ...args])).stdout.trim();
    } catch {
      return '';
    }
  };
  const origin = await git('symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD');
  if (origin.startsWith('origin/')) return origin.slice('origin/'.length);
  const current = await git('symbolic-ref', '--quiet', '--short', 'HEAD');
  return current === 'master' ? 'master' : 'main';
}

/**
 * The root of the git work tree around `dir` (the nearest directory holding `.git`, a directory
 * or, in a worktree or submodule, a file), or null outside one. GitHub reads workflows only from
 * the root's `.github/workflows` and runs them there.
 */
async function workTreeRoot(dir: string): Promise<string | null> {
  for (let current = dir; ; current = dirname(current)) {
    if (await exists(join(current, '.git'))) return current;
    if (dirname(current) === current) return null;
  }
}

/**
 * The ignore rule (`data/.gitignore:1:/train.csv`) that keeps `file` out of git, or null when git
 * would commit it: tracked, not ignored, or no git at all. A `.gitignore` line for data (DVC writes
 * one next to every file it tracks) leaves the file out of the commit, so the workflows' checkouts
 * on GitHub lack it and the first pull request fails with 'file not found'.
 */
async function ignoreRule(root: string, file: string): Promise<string | null> {
  try {
    // Exit 0: ignored (and untracked: git reports no rule for a tracked file); 1: not ignored.
    const { stdout } = await execFileAsync('git', ['-C', root, 'check-ignore', '--verbose', '--', repoPath(root, file)]);
    const rule = stdout.split('\t')[0]!.trim();
    return rule === '' ? null : rule;
  } catch {
    return null;
  }
}

/**
 * The files an external trainer's commands name (`python3 src/train.py` → src/train.py), as the
 * shell finds them: relative to the config's directory, where mlops runs them. A script beside
 * mlops.yaml is itself; one in a folder of its own stands for that folder, whose other modules it
 * likely imports. Words that name no file in the repository (the interpreter, flags, `-m pkg`) or
 * one of `skip` (the data, mlops.yaml, the schema: already in the filters) are skipped.
 */
async function trainerCode(commands: string[], cwd: string, root: string, skip: readonly string[]): Promise<Array<{ path: string; folder: boolean }>> {
  const out = new Map<string, { path: string; folder: boolean }>();
  for (const command of commands) {
    // A quoted word with spaces may be a command itself (`bash -c "python3 src/train.py"`): its words count too.
    const words = (text: string): string[] => shellWords(text).flatMap(({ word, plain }) => [...(plain ? [word] : []), ...(/\s/.test(word) ? words(word) : [])]);
    for (const bare of words(command)) {
      if (bare === '' || bare.startsWith('-')) continue;
      const file = resolve(cwd, bare);
      if (skip.includes(file) || repoPath(root, file).startsWith('../') || !(await isFile(file))) continue;
      const folder = dirname(file) !== cwd && dirname(file) !== root;
      const path = repoPath(root, folder ? dirname(file) : file);
      out.set(path, { path, folder });
    }
  }
  return [...out.values()];
}

/**
 * The words of a POSIX shell command line, quotes and backslashes removed as the shell removes
 * them (`"ml code/train.py"` is one word); `plain: false` for a word with an unquoted expansion,
 * operator or assignment (`$X`, `*.py`, `a=b`, `|`) or a `$` in double quotes, which names no file
 * as written.
 */
function shellWords(command: string): Array<{ word: string; plain: boolean }> {
  const words: Array<{ word: string; plain: boolean }> = [];
  let word = '';
  let started = false;
  let special = false;
  const end = () => {
    if (started) words.push({ word, plain: !special });
    word = '';
    started = false;
    special = false;
  };
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (/\s/.test(c)) { end(); continue; }
    started = true;
    if (c === "'") {
      const close = command.indexOf("'", i + 1);
      word += command.slice(i + 1, close < 0 ? undefined : close);
      i = close < 0 ? command.length : close;
    } else if (c === '"') {
      for (i++; i < command.length && command[i] !== '"'; i++) {
        if (command[i] === '\\' && /["\\$`]/.test(command[i + 1] ?? '')) i++;
        else if (command[i] === '$' || command[i] === '`') special = true;
        word += command[i];
      }
    } else if (c === '\\') {
      word += command[++i] ?? '';
    } else {
      if (/[=$`|&;<>*?(){}]/.test(c)) special = true;
      word += c;
    }
  }
  end();
  return words;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The directory name as a model name, or null when nothing usable is left. */
function nameFrom(dir: string): string | null {
  const name = basename(dir).toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '');
  return NAME_PATTERN.test(name) ? name : null;
}

/**
 * What mlops writes locally and nobody should commit: trained models, would-be comments, the
 * registry's local artifact store and its cache. `.mlops/retrain/` is not among them: the drift
 * check commits it on the retraining branch.
 */
const LOCAL_OUTPUTS = ['.mlops/models/', '.mlops/outbox/', '.mlops/artifacts/', '.mlops/cache/'];

/**
 * Appends the local outputs missing from `<root>/.gitignore` (creating it); returns those added.
 * A pattern with a slash inside (`.mlops/models/`) matches only next to the .gitignore holding it,
 * so a model in a subdirectory, whose commands write `models/weather/.mlops/models/…`, gets lines
 * prefixed with two asterisks and a slash, which match at any depth (the root included). At the
 * root the plain lines do, and either form already there counts.
 */
async function ignoreLocalOutputs(root: string, anyDepth: boolean): Promise<string[]> {
  const file = join(root, '.gitignore');
  const current = (await exists(file)) ? await readFile(file, 'utf8') : '';
  const present = new Set(current.split(/\r?\n/).map((line) => line.trim().replace(/\/$/, '')));
  const missing = LOCAL_OUTPUTS
    .filter((entry) => !present.has(`**/${entry.replace(/\/$/, '')}`) && (anyDepth || !present.has(entry.replace(/\/$/, ''))))
    .map((entry) => (anyDepth ? `**/${entry}` : entry));
  if (missing.length === 0) return [];
  const prefix = current === '' || current.endsWith('\n') ? current : `${current}\n`;
  await writeFileAtomic(file, `${prefix}# mlops: local models, comments and registry artifacts\n${missing.join('\n')}\n`);
  return missing;
}

const command: Command = {
  name: 'init',
  summary: 'set up mlops.yaml, schema.yaml and the three workflows for your data',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      label: { type: 'string' },
      test: { type: 'string' },
      name: { type: 'string' },
      command: { type: 'string' },
      'predict-command': { type: 'string' },
      force: { type: 'boolean' },
    }, 'init');
    const trainer = values.command?.trim() || null;
    const server = values['predict-command']?.trim() || null;
    if (values.command !== undefined && trainer === null) throw new UsageError('--command is empty: give the command that trains your model');
    if (values['predict-command'] !== undefined && server === null) throw new UsageError('--predict-command is empty: give the command that serves its predictions');
    if (server !== null && trainer === null) throw new UsageError('--predict-command serves a model trained by --command: give both');
    const data = requirePositional(positionals, 0, 'training data', 'mlops init <training data> [--label <column>]');
    if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'. Usage: mlops init <training data> [--label <column>]`);
    const name = values.name ?? nameFrom(io.cwd) ?? 'model';
    if (!NAME_PATTERN.test(name)) throw new UsageError(`--name '${name}': use lower-case letters, digits, '-' and '_' (it names tags and branches)`);
    const dataAbs = resolve(io.cwd, data);
    if (/[*?[\]{}]/.test(data) && !(await exists(dataAbs))) {
      // A glob (data.train in mlops.yaml takes one) cannot set up the workflows' path filters here.
      // The pull-request workflow validates its own `data:` input: left at the first shard, every
      // other shard a pull request adds or changes would go unvalidated.
      const pr = workflowFileName('pull-request', ((await workTreeRoot(io.cwd)) ?? io.cwd) === io.cwd ? undefined : name);
      throw new UsageError(`'${data}' is a pattern: mlops init takes one data file (e.g. the first shard), then set data.train in mlops.yaml and data: in .github/workflows/${pr} to the pattern, so that pull requests validate every shard`);
    }
    const schema = await inferSchema(dataAbs);
    const columns = schema.fields.map((f) => f.name);
    const labelName = values.label ?? schema.fields.find((f) => f.role === 'label')?.name;
    if (labelName === undefined) throw new UsageError(`which column should the model predict? Pass --label <column> (columns: ${columns.join(', ')})`);
    const label = schema.fields.find((f) => f.name === labelName);
    if (!label) throw new InputError(`--label '${labelName}' is not a column of the data (columns: ${columns.join(', ')})`, { file: dataAbs, key: labelName });
    for (const f of schema.fields) if (f.role === 'label' && f !== label) f.role = 'feature';
    label.role = 'label';
    if (values.test !== undefined && !(await exists(resolve(io.cwd, values.test)))) throw new InputError('test data file not found', { file: resolve(io.cwd, values.test) });

    // The task by the rule `mlops train` applies (src/train/task.ts): 0/1 fraud flags are classes,
    // a measurement or a many-valued count is a quantity to regress.
    const counts = await labelCounts(dataAbs, schema, label.name);
    const distinct = [...counts.keys()];
    const task = labelTask(distinct);
    const regression = task === 'regression';
    if (!regression) {
      // `mlops train` refuses these too; refusing here spares writing a config that cannot train.
      if (counts.size === 0) throw new InputError(`label '${label.name}' has no value in any row: nothing to learn`, { file: dataAbs, key: label.name });
      if (counts.size === 1) {
        throw new InputError(`label '${label.name}' has only one class (${JSON.stringify(distinct[0])}) in the data; a classifier needs at least two (pass --label with the column the model should predict)`, { file: dataAbs, key: label.name });
      }
      const rows = [...counts.values()].reduce((a, b) => a + b, 0);
      const problem = classCountProblem(counts.size, rows);
      if (problem) {
        throw new InputError(tooManyClassesMessage(label.name, problem, isNumericLabel(distinct), {
          regression: 'model.task: regression in mlops.yaml',
          otherColumn: `pass --label with the column the model should predict (columns: ${columns.filter((c) => c !== label.name).join(', ')})`,
        }), { file: dataAbs, key: label.name });
      }
    }
    const rare = regression ? null : rareClass(counts);
    // mlops.yaml and schema.yaml go in the working directory, the model's, whose paths mlops.yaml
    // holds relative to itself; workflows go where GitHub reads them, at the root of the work
    // tree, with paths from there. A model in a subdirectory (one of several) gets workflows
    // named after it.
    const root = (await workTreeRoot(io.cwd)) ?? io.cwd;
    const local = { data: repoPath(io.cwd, dataAbs), schema: 'schema.yaml' };
    const testAbs = values.test !== undefined ? resolve(io.cwd, values.test) : null;
    const paths = {
      data: repoPath(root, dataAbs),
      schema: repoPath(root, join(io.cwd, 'schema.yaml')),
      config: repoPath(root, join(io.cwd, 'mlops.yaml')),
      ...(root === io.cwd ? {} : { model: name }),
      ...(testAbs !== null && !repoPath(root, testAbs).startsWith('../') ? { test: repoPath(root, testAbs) } : {}),
      branch: await defaultBranch(root),
      code: await trainerCode([trainer, server].filter((c): c is string => c !== null), io.cwd, root, [dataAbs, ...(testAbs !== null ? [testAbs] : []), join(io.cwd, 'mlops.yaml'), join(io.cwd, 'schema.yaml')]),
    };
    const test = testAbs !== null ? repoPath(io.cwd, testAbs) : null;
    const outside = [dataAbs, ...(testAbs !== null ? [testAbs] : [])].filter((file) => repoPath(root, file).startsWith('../'));
    const uncommitted: Array<[string, string]> = [];
    for (const file of new Set([dataAbs, ...(testAbs !== null ? [testAbs] : [])])) {
      const rule = outside.includes(file) ? null : await ignoreRule(root, file);
      if (rule !== null) uncommitted.push([file, rule]);
    }
    const config = [
      `name: ${name}`,
      'data:',
      `  train: ${yamlScalar(local.data)}`,
      test !== null ? `  test: ${yamlScalar(test)}` : '  # test: data/golden.csv       # a golden test set: the pull-request workflow evaluates on it',
      `  schema: ${local.schema}`,
      `  label: ${JSON.stringify(label.name)}`,
      ...(trainer === null ? ['model: { type: mlp, hidden: [64, 32] }'] : []),
      ...trainLines(trainer, server, rare),
      'evaluate:',
      ...(rare ? [`  positiveClass: ${JSON.stringify(rare.name)}   # precision, recall and f1 are about the rare class`] : []),
      '  gates:',
      regression ? '    - { metric: r2, maxDrop: 0.02 }          # judged on the paired 95% interval'
        : rare ? '    - { metric: balanced_accuracy, maxDrop: 0.02 }   # accuracy would reward ignoring the rare class'
          : '    - { metric: accuracy, maxDrop: 0.02 }    # judged on the paired 95% interval',
      '    - { latency: p95, maxRatio: 1.5 }        # candidate / production',
      '# drift: { current: monitoring/latest.csv }  # recent production data for the scheduled check',
      '',
    ].join('\n');
    // The template must stay a valid config: parse it as `mlops train` will.
    parseConfig(config, join(io.cwd, 'mlops.yaml'));

    const workflows = workflowFiles(paths);
    // Absolute paths to write, and how to name each in messages: relative to the working directory.
    const files: Array<[string, string]> = [
      [join(io.cwd, 'mlops.yaml'), config],
      [join(io.cwd, 'schema.yaml'), dumpSchema(schema)],
      ...Object.values(workflows).map((w) => [join(root, '.github', 'workflows', w.file), w.text] as [string, string]),
    ];
    const shown = (file: string): string => repoPath(io.cwd, file);
    // Workflows of this name that another model's mlops.yaml wrote (a second models/*/cars): --force
    // would take them from that model, whose registry tags this one would then share.
    const others: Array<[string, string]> = [];
    for (const { file } of Object.values(workflows)) {
      const path = join(root, '.github', 'workflows', file);
      const config = (await exists(path)) ? workflowConfig(await readFile(path, 'utf8')) : undefined;
      if (config !== undefined && posix.normalize(config) !== paths.config) others.push([path, config]);
    }
    // At the root the workflows' names do not follow --name: there the usual 'already exists' applies.
    if (others.length > 0 && !values.force && paths.model !== undefined) {
      throw new InputError(`a model named '${name}' already has workflows here (${others.map(([file]) => shown(file)).join(', ')}, for ${others[0]![1]}): pass --name with another name for this one (the name also tags its registry versions); nothing was written`, { file: others[0]![0] });
    }
    if (!values.force) {
      const present: string[] = [];
      for (const [file] of files) if (await exists(file)) present.push(file);
      if (present.length) throw new InputError(`already exists: ${present.map(shown).join(', ')} (nothing was written; --force replaces them)`, { file: present[0]! });
    }
    // What --force did to each file, as the actions report writes: created, updated, or unchanged
    // (left alone, so its modification time and any open editor buffer stay as they were).
    const operations: string[] = [];
    // What was written, and what each file held before: a write that fails (a `.github` that is a
    // file, a read-only .github/workflows) puts them back, so a failed init leaves no mlops.yaml
    // that makes the next run answer 'already exists'.
    const written: Array<[string, string | null]> = [];
    try {
      for (const [file, text] of files) {
        const before = (await exists(file)) ? await readFile(file, 'utf8') : null;
        if (before === text) {
          operations.push('unchanged');
          continue;
        }
        await writeFileAtomic(file, text);
        written.push([file, before]);
        operations.push(before === null ? 'created' : 'updated');
      }
    } catch (error) {
      for (const [file, before] of written.reverse()) {
        await (before === null ? rm(file, { force: true }) : writeFileAtomic(file, before)).catch(() => undefined);
      }
      throw error;
    }
    // The local outputs land where commands run: the repository root, or the model's directory
    // (then only `**/` patterns in the root's .gitignore reach them).
    const ignored = await ignoreLocalOutputs(root, root !== io.cwd);
    const mlops = mlopsInvocation(io.env);
    io.stderr([
      `mlops init: ${name} predicts '${label.name}' (${regression ? 'regression' : task === 'binary' ? 'binary classification' : `multiclass classification, ${counts.size} classes`}) from ${featureSummary(schema)} of ${local.data}`,
      ...(rare ? [`  '${rare.name}' is ${formatShare(rare.share)} of the rows: classWeight balanced, positiveClass '${rare.name}', a balanced_accuracy gate`] : []),
      ...files.map(([file], i) => `  ${operations[i]} ${shown(file)}`),
      ...(ignored.length ? [`  added to ${shown(join(root, '.gitignore'))}: ${ignored.join(' ')}`] : []),
      ...(others.length ? [`  warning: --force took ${others.map(([file]) => shown(file)).join(', ')} from the model of ${others[0]![1]}, which has no workflows now and shares the name '${name}' (and its registry tags) with this one`] : []),
      // Without the trainer's code in the paths filters, a pull request that changes only the model's code would start no check and its merge no release.
      ...(trainer === null ? [] : paths.code.length > 0
        ? [`  the workflows also run for changes to the trainer's code: ${paths.code.map((c) => (c.folder ? `${c.path}/**` : c.path)).join(', ')}`]
        : [`  warning: no file named by --command${server !== null ? ' or --predict-command' : ''} was found in the repository: add your training code to the paths: filters of ${workflows['pull-request'].file} and ${workflows.release.file}, or a pull request that changes only the code starts no check`]),
      ...outside.map((file) => `  warning: ${shown(file)} is outside the repository (${root}): the workflows cannot read it on GitHub; move it into the repository and run mlops init again`),
      ...uncommitted.map(([file, rule]) => `  warning: ${shown(file)} is ignored by git (${rule}): a commit leaves it out, so the workflows cannot read it on GitHub; commit it (git add -f ${shellWord(repoPath(io.cwd, file))}), or fetch it in a workflow of your own before the actions run (e.g. dvc pull)`),
      // Scored on the rows it learned from, every candidate looks better than it is, and the gates judge nothing real.
      ...(testAbs === dataAbs ? [`  warning: --test is the training data: evaluate would score rows the model was trained on; set data.test in mlops.yaml to a held-out golden set`] : []),
      'next:',
      `  ${mlops} validate ${shellWord(local.data)} --schema ${local.schema}   # review schema.yaml: its ranges are observed, not specified`,
      `  ${mlops} train   # a first model in .mlops/models/${name}`,
      ...(test === null ? ['  set data.test in mlops.yaml (a golden test set) before opening a pull request'] : []),
      // The drift workflow is written now; it checks nothing (and says so) until this is set.
      `  set drift.current in mlops.yaml (recent production data) to start the scheduled drift check; until then ${workflows.drift.file} passes with a notice`,
      '  commit, push, and add a MLOPS_TOKEN secret for retraining pull requests (docs/workflows.md)',
      '',
    ].join('\n'));
    return ExitCode.ok;
  },
};
export default command;

/** The `config:` a workflow passes to the reusable workflows (what mlops init wrote), if any. */
function workflowConfig(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch {
    return undefined;
  }
  const jobs = (parsed as { jobs?: Record<string, { with?: Record<string, unknown> } | null> } | null)?.jobs;
  for (const job of Object.values(jobs ?? {})) {
    const config = job?.with?.config;
    if (typeof config === 'string' && config !== '') return config;
  }
  return undefined;
}

/** Rows per label value (nulls left out), read with the inferred schema. */
async function labelCounts(path: string, schema: TableSchema, label: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const source = await openTable(path, { ...dataReadOptions(schema), columns: [label] });
  for await (const batch of source.batches()) {
    const column = batch.columns[0]!;
    for (let i = 0; i < batch.length; i++) {
      const text = cellText(column, i);
      if (text !== null) counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  }
  return counts;
}

function formatShare(share: number): string {
  return `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`;
}

/** `7 feature columns (Year: timestamp)`: what the model will learn from, and what it leaves out. */
function featureSummary(schema: TableSchema): string {
  const features = schema.fields.filter((f) => f.role === 'feature').length;
  const others = schema.fields.filter((f) => f.role !== 'feature' && f.role !== 'label').map((f) => `${f.name}: ${f.role}`);
  return `${features} feature column${features === 1 ? '' : 's'}${others.length ? ` (left out: ${others.join(', ')})` : ''}`;
}

/** The `train:` line (or block, for an external trainer) of the generated mlops.yaml. */
function trainLines(trainer: string | null, server: string | null, rare: { name: string; share: number } | null): string[] {
  const weights = rare ? ', classWeight: balanced' : '';
  const why = rare ? `   # ${JSON.stringify(rare.name)} is ${formatShare(rare.share)} of the rows: weigh both classes alike` : '';
  if (trainer === null) {
    return [rare ? `train: { epochs: 40, seed: 42${weights} }${why}` : 'train: { epochs: 40, seed: 42 }   # batchSize: auto; or command: "python3 train.py" for your own trainer'];
  }
  return [
    'train:',
    `  command: ${JSON.stringify(trainer)}   # gets MLOPS_TRAIN_DATA, MLOPS_LABEL, MLOPS_OUTPUT_DIR… (docs/training.md)`,
    server !== null
      ? `  predictCommand: ${JSON.stringify(server)}   # serves predictions to mlops evaluate (docs/evaluation.md)`
      : '  # predictCommand: "python3 predict.py"   # needed by mlops evaluate (docs/evaluation.md)',
    `  seed: 42${rare ? `\n  classWeight: balanced${why}` : ''}`,
  ];
}
