import { groupDigits } from '../core/text.ts';
import { isAbsolute, relative, sep } from 'node:path';
import { InputError, formatLocation } from '../core/errors.ts';
import { assertReadableFile, writeJsonAtomic } from '../core/fs.ts';
import { createOctokit, resolveRunContext, upsertStickyComment } from '../github/index.ts';
import { alert, codeBlock, details, inlineCode, plainText, table } from '../report/index.ts';
import { diffSchemas, formatPct, formatSchemaDiff, formatValidationReport, loadSchema, multiValidation, multiValidationLine, validateFile, validationJson, type MultiValidationJson, type SchemaDiff, type TableSchema, type ValidationReport } from '../schema/index.ts';
import { dataArguments } from '../table/index.ts';
import type { CliIo } from '../cli/io.ts';
import type { ActionEntry } from './entry.ts';
import { postOrWarn } from './comment.ts';
import { ActionInputError, parseInputs } from './inputs.ts';
import { checkJsonReportInput, defaultReportPath } from './report-path.ts';
import { createActionsRuntime, type ActionsRuntime } from './runtime.ts';

/** The inputs of actions/validate/action.yml (setup-node is handled by the YAML itself). */
export const validateInputs = {
  // Read by action.yml's setup step; declared here so a value that is no boolean ('no') fails clearly.
  'setup-node': { type: 'boolean', default: true, description: 'install Node.js with actions/setup-node' },
  data: { type: 'path', required: true, description: 'data file to validate, or a glob of shards' },
  schema: { type: 'path', required: true, description: 'Table Schema (YAML or JSON)' },
  'base-schema': { type: 'path', description: 'schema from the base branch, for the schema diff' },
  'max-errors': { type: 'integer', default: 1000, min: 0, description: 'error rows stored in the report' },
  report: { type: 'path', description: 'where to write the JSON report (default: $RUNNER_TEMP/mlops-validate.json, or mlops-validate-2.json, -3… for later steps of the job)' },
  comment: { type: 'boolean', default: true, description: 'post or update a sticky comment on pull requests' },
  'comment-author': { type: 'string', description: 'login the comments are written under, e.g. <app-slug>[bot] for a GitHub App token' },
  token: { type: 'string', description: 'token for the pull-request comment' },
  'token-is-default': { type: 'boolean', description: 'set by action.yml: the token is the workflow GITHUB_TOKEN' },
} as const;

/** Error rows listed in the job summary (all counts are always listed). */
const SUMMARY_ERROR_ROWS = 50;

function num(n: number): string {
  return groupDigits(n);
}

function cellValue(v: number | string | null): string {
  if (v === null) return '';
  return typeof v === 'number' ? numberText(v) : plainText(v);
}

/**
 * A column's min or max: 6 significant digits, but never fewer than its integer digits and two
 * decimals. Six alone rounded 12345678.9 to 12345700, a value the column does not hold, shown
 * beside a schema maximum it might seem to break.
 */
function numberText(v: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
  const integerDigits = Math.floor(Math.log10(Math.abs(v))) + 1;
  return String(Number(v.toPrecision(Math.min(17, Math.max(6, integerDigits + 2)))));
}

/** "1 row", "2 rows". */
function count(n: number, noun: string): string {
  return `${num(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The job summary (and pull-request comment body): verdict, counts per rule, a table per column,
 * the first error rows, and the schema diff with breaking changes first — or, when the base
 * branch's schema could not be read (`baseProblem`), why there is no diff.
 */
export function validationMarkdown(report: ValidationReport, diff?: SchemaDiff, baseProblem?: string): string {
  const parts: string[] = [`### Data validation: ${inlineCode(report.file)}`, ''];
  const schema = report.schema !== null ? inlineCode(report.schema) : 'the schema';
  parts.push(report.valid
    ? alert('TIP', `**Valid**: ${count(report.rows, 'row')} ${report.rows === 1 ? 'passes' : 'pass'} every rule of ${schema}.`)
    : alert('CAUTION', `**Invalid**: ${count(report.errorCount, 'error')} in ${count(report.rows, 'row')} against ${schema}.`));
  const rules = Object.entries(report.errorsByRule).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  if (rules.length) parts.push('', table([['rule', 'errors'], ...rules.map(([r, n]) => [r, num(n ?? 0)])], ['l', 'r']));
  const columnRows = Object.entries(report.columns).map(([name, c]) => {
    const failures = Object.entries(c.failures).filter(([, n]) => (n ?? 0) > 0).map(([r, n]) => `${r} ${num(n ?? 0)}`).join(', ');
    const checks = [
      c.mostly ? `mostly ${c.mostly.passed ? '✅' : '❌'} ${formatPct(c.mostly.observed)} (≥ ${formatPct(c.mostly.required)})` : '',
      c.maxNullFraction ? `nulls ${c.maxNullFraction.passed ? '✅' : '❌'} ${formatPct(c.maxNullFraction.observed)} (≤ ${formatPct(c.maxNullFraction.allowed)})` : '',
    ].filter(Boolean).join('<br>');
    return [c.present ? inlineCode(name) : `${inlineCode(name)} (absent)`, c.type, c.errorCount ? `❌ ${num(c.errorCount)}` : '✅', num(c.nulls), cellValue(c.min), cellValue(c.max), failures, checks];
  });
  parts.push('', table([['column', 'type', 'errors', 'nulls', 'min', 'max', 'rule failures', 'column checks'], ...columnRows], ['l', 'l', 'r', 'r', 'r', 'r', 'l', 'l']));
  if (report.errors.length) {
    const shown = report.errors.slice(0, SUMMARY_ERROR_ROWS);
    const rows = shown.map((e) => [e.line ?? '', e.row ?? '', e.column === null ? '' : plainText(e.column), e.rule, e.value === null ? '' : plainText(String(e.value)), plainText(e.message)]);
    const more = report.errorCount > shown.length ? `\n\nShowing ${shown.length} of ${num(report.errorCount)} errors; the JSON report lists ${report.errors.length}.` : '';
    parts.push('', details(`First ${count(shown.length, 'error')}`, `${table([['line', 'row', 'column', 'rule', 'value', 'message'], ...rows])}${more}`, { open: !report.valid }));
  } else if (report.truncated) {
    parts.push('', `No error rows stored (\`max-errors: ${report.maxErrors}\`); the counts above are exact.`);
  }
  if (report.extraColumns.length) parts.push('', `Columns not in the schema: ${report.extraColumns.map((c) => inlineCode(c)).join(', ')}`);
  if (diff || baseProblem !== undefined) parts.push('', schemaDiffMarkdown(diff, baseProblem));
  return `${parts.join('\n')}\n`;
}

/** The schema changes against the base branch, breaking ones flagged; or why they are unknown. */
function schemaDiffMarkdown(diff: SchemaDiff | undefined, baseProblem?: string): string {
  const parts = ['#### Schema changes against the base branch'];
  if (diff === undefined) {
    parts.push('', alert('WARNING', 'The base branch\'s schema could not be read, so its changes are not shown; the data was validated against this branch\'s schema (the pull request may be what fixes the base one):'), '', codeBlock(baseProblem ?? ''));
  } else if (diff.changes.length === 0) parts.push('', 'No changes.');
  else {
    if (diff.breaking) parts.push('', alert('WARNING', `${diff.breakingCount} breaking change${diff.breakingCount === 1 ? '' : 's'}: data valid under the base schema may fail this one.`));
    parts.push('', table([['', 'column', 'change'], ...diff.changes.map((c) => [c.severity === 'breaking' ? '⚠️ breaking' : 'compatible', c.field === null ? '(table)' : plainText(c.field), plainText(c.message)])]));
  }
  return parts.join('\n');
}

/** A path as the runner's annotations want it: relative to the workspace, with forward slashes. */
function workspacePath(path: string, workspace: string): string {
  const rel = isAbsolute(path) ? relative(workspace, path) : path;
  return rel.split(sep).join('/');
}

/**
 * Posts or updates the sticky comment `<!-- mlops:validate:<data> -->` on the run's pull request
 * (a `pull_request` event, or a dispatch with a `pr` input). No token or no pull request: skipped
 * with a log line. A token that may not comment (a fork's read-only GITHUB_TOKEN, a missing
 * `pull-requests: write`): skipped with a warning, so the step keeps the validation's exit code.
 * Other GitHub errors fail the step with the fix to apply.
 */
async function postComment(runtime: ActionsRuntime, env: Record<string, string | undefined>, options: { token?: string; defaultToken?: boolean; author?: string; dataPath: string; markdown: string }): Promise<void> {
  const token = options.token || env.GITHUB_TOKEN;
  if (!token || !env.GITHUB_REPOSITORY) {
    runtime.info('validate: no token or repository, so no pull-request comment');
    return;
  }
  runtime.setSecret(token);
  const context = resolveRunContext(env);
  if (context.prNumber === undefined) {
    runtime.debug('validate: not a pull-request run, no comment');
    return;
  }
  const prNumber = context.prNumber;
  const octokit = createOctokit({ token, env, onSecret: (v) => runtime.setSecret(v), log: { warn: (m: string) => runtime.info(`warning: ${m}`) } });
  const result = await postOrWarn(runtime, 'validate', context, () => upsertStickyComment(octokit, {
    owner: context.owner, repo: context.repo, issueNumber: prNumber, kind: 'validate', name: options.dataPath, body: options.markdown,
    ...(context.runUrl ? { summaryUrl: context.runUrl } : {}),
    ...(options.author ? { authorLogin: options.author } : {}),
    // Only the token input can be compared with github.token; GITHUB_TOKEN from the environment is unknown.
    ...(options.token && options.defaultToken !== undefined ? { defaultToken: options.defaultToken } : {}),
  }));
  if (result) runtime.info(`validate comment ${result.operation} on pull request #${prNumber}${result.url ? `: ${result.url}` : ''}`);
}

/**
 * The base branch's schema, or the error that it cannot be loaded. A base schema that exists but
 * no longer loads (written for an older release whose rules were looser, or broken on the base
 * branch) must not fail the check: the pull request may be the one that fixes it, and failing
 * would block every pull request until the base branch is fixed by hand. A path that names no
 * readable file is the workflow's mistake and still fails (exit 2).
 */
async function loadBaseSchema(path: string): Promise<TableSchema | InputError> {
  await assertReadableFile(path, 'base schema file');
  try {
    return await loadSchema(path);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

/** Re-locates an InputError on a workspace file so the message shows the repository path. */
function relativeError(error: unknown, workspace: string): unknown {
  if (!(error instanceof InputError) || error instanceof ActionInputError || !error.location.file || !isAbsolute(error.location.file)) return error;
  const rel = workspacePath(error.location.file, workspace);
  if (rel.startsWith('..')) return error;
  const prefix = formatLocation(error.location);
  const message = error.message.startsWith(`${prefix}: `) ? error.message.slice(prefix.length + 2) : error.message;
  return new InputError(message, { ...error.location, file: rel }, { cause: error });
}

const entry: ActionEntry = {
  name: 'validate',
  async run(io: CliIo): Promise<number> {
    const workspace = io.env.GITHUB_WORKSPACE ?? io.cwd;
    try {
      return await runValidate(io, workspace);
    } catch (error) {
      throw relativeError(error, workspace);
    }
  },
};
export default entry;

async function runValidate(io: CliIo, workspace: string): Promise<number> {
    const runtime = createActionsRuntime(io);
    const inputs = parseInputs(validateInputs, io.env, { cwd: workspace });
    checkJsonReportInput(inputs.report);
    const schema = await loadSchema(inputs.schema);
    const schemaPath = workspacePath(inputs.schema, workspace);
    const base = inputs['base-schema'] !== undefined ? await loadBaseSchema(inputs['base-schema']) : undefined;
    const diff = base !== undefined && !(base instanceof InputError) ? diffSchemas(base, schema) : undefined;
    const baseProblem = base instanceof InputError ? base.message : undefined;
    if (baseProblem !== undefined) {
      runtime.annotate('warning', `The base branch's schema could not be read, so the schema diff is skipped: ${baseProblem}`, { file: schemaPath, title: 'Schema diff skipped' });
    }
    // Messages (a schema field missing from the data) name it by its repository path.
    if (schema.source) schema.source.path = schemaPath;
    // A glob (`data/part-*.csv`, shards of one dataset) validates each file.
    const files = await dataArguments([inputs.data], workspace);
    const reports: ValidationReport[] = [];
    await runtime.group('Validate data', async () => {
      for (const file of files) {
        const report = await validateFile(file, schema, { maxErrors: inputs['max-errors'] });
        report.file = workspacePath(file, workspace);
        report.schema = schemaPath;
        reports.push(report);
      }
    });
    const single = reports.length === 1 ? reports[0]! : null;
    const totals = multiValidation(reports, diff);
    for (const report of reports) runtime.info(formatValidationReport(report, single ? diff : undefined).trimEnd());
    if (!single) {
      // The diff does not depend on the files: once, after them (a single report carries it).
      if (diff) runtime.info(formatSchemaDiff(diff));
      runtime.info(multiValidationLine(totals, schemaPath));
    }

    // Annotations: the runtime emits the first 10 errors (GitHub shows 10 per level per step);
    // the summary lists every count.
    for (const report of reports) {
      for (const e of report.errors) {
        runtime.annotate('error', e.message, {
          file: report.file,
          ...(e.line !== null ? { startLine: e.line } : {}),
          title: `${e.column !== null ? `${e.column}: ` : ''}${e.rule}`,
        });
      }
    }
    if (diff?.breaking) {
      runtime.annotate('warning', diff.changes.filter((c) => c.severity === 'breaking').map((c) => `${c.field ?? '(table)'}: ${c.message}`).join('\n'), {
        file: schemaPath, title: `${diff.breakingCount} breaking schema change${diff.breakingCount === 1 ? '' : 's'}`,
      });
    }
    const reportPath = inputs.report ?? await defaultReportPath(io.env, workspace, 'mlops-validate');
    await writeJsonAtomic(reportPath, single ? validationJson(single, diff) : totals);
    const markdown = single ? validationMarkdown(single, diff, baseProblem) : multiValidationMarkdown(totals, diff, baseProblem);
    runtime.appendSummary(markdown);
    runtime.setOutput('valid', totals.valid);
    runtime.setOutput('error-count', totals.errorCount);
    runtime.setOutput('report', reportPath);
    const dataPath = workspacePath(inputs.data, workspace);
    if (inputs.comment) {
      await postComment(runtime, io.env, {
        dataPath, markdown,
        ...(inputs.token !== undefined ? { token: inputs.token } : {}),
        ...(inputs['token-is-default'] !== undefined ? { defaultToken: inputs['token-is-default'] } : {}),
        ...(inputs['comment-author'] !== undefined ? { author: inputs['comment-author'] } : {}),
      });
    }
    return totals.valid ? 0 : 1;
}

/**
 * The summary of several files: a verdict and a table of files, then each file's section (no
 * per-file diff), then the schema diff or why there is none (`baseProblem`).
 */
export function multiValidationMarkdown(doc: MultiValidationJson, diff?: SchemaDiff, baseProblem?: string): string {
  const invalid = doc.files.filter((f) => !f.valid).length;
  const head = [
    `### Data validation: ${doc.files.length} files`,
    '',
    doc.valid
      ? alert('TIP', `**Valid**: all ${doc.files.length} files (${count(doc.rows, 'row')}) pass every rule.`)
      : alert('CAUTION', `**Invalid**: ${invalid} of ${doc.files.length} files fail — ${count(doc.errorCount, 'error')} in ${count(doc.rows, 'row')}.`),
    '',
    table([['file', 'rows', 'errors'], ...doc.files.map((f) => [inlineCode(f.file), num(f.rows), f.valid ? '✅' : `❌ ${num(f.errorCount)}`])], ['l', 'r', 'r']),
    '',
  ].join('\n');
  const sections = doc.reports.map((r) => validationMarkdown(r).replace(/^### /, '#### '));
  // The schema diff once, after the files (it does not depend on them).
  return `${head}\n${sections.join('\n')}${diff || baseProblem !== undefined ? `\n${schemaDiffMarkdown(diff, baseProblem)}\n` : ''}`;
}
