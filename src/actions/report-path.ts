/**
 * Default report paths of the actions. Several steps of one job share `$RUNNER_TEMP` (two validate
 * steps for two data files, a drift check per model): each step takes a name no earlier step of the
 * job holds, so a step's `report` output keeps pointing at its own report.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ActionInputError } from './inputs.ts';

/**
 * Reserves `<dir>/<stem>.json` — or, when an earlier step of the job holds it, `<stem>-2.json`,
 * `<stem>-3.json`, … — by creating it empty and exclusively, so no two steps (even concurrent
 * ones) get the same path. The first step of a job keeps the plain `<stem>.json`. Where the file
 * system refuses to create the file, that path is returned and the report's write says why.
 */
export async function reserveReportPath(dir: string, stem: string): Promise<string> {
  await mkdir(dir, { recursive: true }).catch(() => undefined);
  for (let n = 1; n <= 1000; n++) {
    const path = join(dir, n === 1 ? `${stem}.json` : `${stem}-${n}.json`);
    try {
      await (await open(path, 'wx')).close();
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return path;
    }
  }
  return join(dir, `${stem}-${randomBytes(6).toString('hex')}.json`);
}

/**
 * The default report path of an action step: a fresh name under `$RUNNER_TEMP` (cleaned per job)
 * on a runner; elsewhere (a local run, no RUNNER_TEMP) `<workspace>/.mlops/<stem>.json`, replaced
 * by the next run as before.
 */
export async function defaultReportPath(env: Record<string, string | undefined>, workspace: string, stem: string): Promise<string> {
  return env.RUNNER_TEMP ? reserveReportPath(env.RUNNER_TEMP, stem) : resolve(workspace, '.mlops', `${stem}.json`);
}

/**
 * Where the evaluate action writes its two reports, given the `report` input (or the default JSON
 * path). The format follows the extension, as `mlops evaluate --report` does, and the two paths
 * never coincide:
 * - `<stem>.json` → the JSON there, the markdown at `<stem>.md`;
 * - `<stem>.md` → the markdown there, the JSON at `<stem>.json` (not JSON in `.md` and markdown in `.md.md`);
 * - anything else (`out/eval`, `eval.txt`) → the JSON there, the markdown at `<path>.md`.
 * Extensions are matched case-insensitively (`EVAL.JSON` → `EVAL.md`).
 */
export function evaluateReportPaths(given: string): { json: string; markdown: string } {
  const json = /\.json$/i.exec(given);
  if (json) return { json: given, markdown: `${given.slice(0, json.index)}.md` };
  const markdown = /\.md$/i.exec(given);
  if (markdown) return { json: `${given.slice(0, markdown.index)}.json`, markdown: given };
  return { json: given, markdown: `${given}.md` };
}

/**
 * Checks the `report` input of an action that writes only a JSON report (validate, drift): a path
 * ending in .md or .markdown would get JSON under a markdown name, which nobody asking for it
 * wants — an input error naming the input, before any work is done.
 */
export function checkJsonReportInput(report: string | undefined): void {
  if (report === undefined || !/\.(md|markdown)$/i.test(report)) return;
  throw new ActionInputError('report', report,
    `input 'report' is where the JSON report is written, and '${basename(report)}' names a markdown file: give a path ending in .json (the markdown report is the job summary)`);
}
