import { relative } from 'node:path';
import { configuredReference, runDrift, type DriftOutcome } from '../app/drift.ts';
import { writeJsonAtomic } from '../core/fs.ts';
import type { CliIo } from '../cli/io.ts';
import { driftHeadline, nothingJudged } from '../drift/report.ts';
import type { DriftColumn } from '../drift/engine.ts';
import { alert, formatPercent } from '../report/index.ts';
import { createOctokit, resolveRunContext } from '../github/index.ts';
import { loadConfig } from '../train/config.ts';
import type { ActionEntry } from './entry.ts';
import { parseInputs } from './inputs.ts';
import { checkJsonReportInput, defaultReportPath } from './report-path.ts';
import { createActionsRuntime, type ActionsRuntime } from './runtime.ts';
import { fetchRegistryTags } from './registry-tags.ts';
import { isModelRef } from '../registry/index.ts';

/** The inputs of actions/drift/action.yml (setup-node is handled by the YAML itself). */
export const driftInputs = {
  // Read by action.yml's setup step; declared here so a value that is no boolean ('no') fails clearly.
  'setup-node': { type: 'boolean', default: true, description: 'install Node.js with actions/setup-node' },
  config: { type: 'path', default: 'mlops.yaml', description: 'mlops.yaml of the model' },
  reference: { type: 'string', description: 'data file, profile.json or registry reference (default: drift.reference, else <name>#<last registry stage>)' },
  current: { type: 'string', description: 'current data file or glob, or a profile.json (default: drift.current)' },
  'open-pr': { type: 'boolean', default: true, description: 'on drift, push the retraining branch and open or update its pull request' },
  'fail-on-drift': { type: 'boolean', default: false, description: 'fail the step when dataset drift is found' },
  base: { type: 'string', description: 'base branch of the retraining pull request (default: drift.retrain.base, else the default branch)' },
  'dispatch-workflow': { type: 'string', description: 'workflow file to dispatch on the retraining branch when the token is GITHUB_TOKEN' },
  'token-is-default': { type: 'boolean', default: false, description: 'set by action.yml: the token is the workflow GITHUB_TOKEN' },
  token: { type: 'string', description: 'token for the pull request (a PAT or App token starts the pull-request workflows)' },
  report: { type: 'path', description: 'where to write the JSON report (default: $RUNNER_TEMP/mlops-drift.json, or mlops-drift-2.json, -3… for later steps of the job)' },
} as const;

const entry: ActionEntry = {
  name: 'drift',
  async run(io: CliIo): Promise<number> {
    const runtime = createActionsRuntime(io);
    const workspace = io.env.GITHUB_WORKSPACE ?? io.cwd;
    const inputs = parseInputs(driftInputs, io.env, { cwd: workspace });
    checkJsonReportInput(inputs.report);
    const config = await loadConfig(inputs.config);
    const reference = inputs.reference ?? configuredReference(config);
    const current = inputs.current ?? config.drift.current;
    if (current && isModelRef(reference)) await fetchRegistryTags(workspace, io.env, runtime);
    if (!current) {
      // `mlops init` writes the scheduled drift workflow before a project knows where its
      // production data will land: until drift.current is set, each run says so and passes,
      // rather than failing every weekday. (`mlops drift` in a terminal still exits 2.)
      const configFile = relative(workspace, inputs.config) || inputs.config;
      const message = `drift check skipped: ${configFile} has no drift.current and the input current is empty. Set drift.current to recent production data (a file, a glob of shards or a profile.json) to start checking.`;
      runtime.annotate('notice', message, { file: configFile, title: 'drift check not set up' });
      runtime.appendSummary(`## Data drift: ${config.name}\n\n${alert('NOTE', message)}`);
      runtime.setOutput('drifted', false);
      runtime.setOutput('share', 0);
      runtime.setOutput('pr-url', '');
      runtime.setOutput('operation', 'skipped');
      runtime.setOutput('report', '');
      return 0;
    }

    const token = inputs.token ?? io.env.GITHUB_TOKEN;
    if (token) runtime.setSecret(token);
    const context = inputs['open-pr'] && token && io.env.GITHUB_REPOSITORY ? resolveRunContext(io.env) : undefined;
    let checked: DriftOutcome | undefined;
    let outcome: DriftOutcome;
    try {
      outcome = await runtime.group('Drift check', () => runDrift({
        cwd: workspace, env: io.env, config, reference, current,
        ...(inputs['open-pr'] ? {
          retrain: {
            base: inputs.base ?? null,
            ...(context && token ? {
              github: {
                octokit: createOctokit({ token, env: io.env, onSecret: (v) => runtime.setSecret(v) }),
                owner: context.owner,
                repo: context.repo,
                isDefaultToken: inputs['token-is-default'],
                ...(inputs['dispatch-workflow'] ? { dispatchWorkflow: inputs['dispatch-workflow'] } : {}),
                ...(context.runUrl ? { summaryUrl: context.runUrl } : {}),
              },
            } : {}),
          },
        } : {}),
        onChecked: (result) => { checked = result; },
      }));
    } catch (error) {
      if (!checked) throw error;
      // Only the retraining branch or pull request failed (a refused push, a missing permission):
      // the job summary, annotations, report and drift outputs still say what drifted, then the
      // step fails with the error. Without them the failed run showed the error alone.
      publishCheck(runtime, checked);
      checked.json.retrain = { error: error instanceof Error ? error.message : String(error) };
      const reportPath = inputs.report ?? await defaultReportPath(io.env, workspace, 'mlops-drift');
      await writeJsonAtomic(reportPath, checked.json);
      runtime.setOutput('drifted', checked.check.report.drifted);
      runtime.setOutput('share', checked.check.report.share);
      runtime.setOutput('report', reportPath);
      throw error;
    }
    const report = outcome.check.report;
    publishCheck(runtime, outcome);
    if (outcome.retrain) runtime.info(outcome.retrain.message);
    if (outcome.retrain?.outbox && runtime.inActions) {
      // The outbox is in the runner's workspace, thrown away with the job: a log line and a green
      // step would leave the retraining pull request unopened without anyone knowing.
      const why = !token ? 'the step has no token (the token input and GITHUB_TOKEN are empty)' : 'GITHUB_REPOSITORY is not set';
      runtime.annotate('warning', `Dataset drift was found and ${config.drift.retrain.branch} was pushed, but no pull request was opened: ${why}. Pass token: \${{ github.token }} (or a PAT / App token) to the drift step; the pull request it would have opened is in ${outcome.retrain.outbox} on the runner.`, { title: 'mlops drift: no pull request opened' });
    }
    const reportPath = inputs.report ?? await defaultReportPath(io.env, workspace, 'mlops-drift');
    await writeJsonAtomic(reportPath, outcome.json);
    runtime.setOutput('drifted', report.drifted);
    runtime.setOutput('share', report.share);
    runtime.setOutput('pr-url', outcome.retrain?.pullRequest?.url ?? '');
    runtime.setOutput('operation', outcome.retrain?.operation ?? 'skipped');
    runtime.setOutput('report', reportPath);
    return report.drifted && inputs['fail-on-drift'] ? 1 : 0;
  },
};
export default entry;

/** The verdict in the log, the report in the job summary, and a warning per drifted column. */
function publishCheck(runtime: ActionsRuntime, outcome: DriftOutcome): void {
  const report = outcome.check.report;
  runtime.info(driftHeadline(report));
  runtime.appendSummary(outcome.markdown);
  for (const c of report.columns.filter((col) => col.drifted)) {
    runtime.annotate('warning', driftAnnotation(c), { title: `drift in ${c.name}` });
  }
  if (nothingJudged(report)) {
    // A scheduled job over an empty window would otherwise stay green for ever.
    runtime.annotate('warning', driftHeadline(report), { title: 'drift check: insufficient data' });
  }
}

/**
 * The warning for a drifted column: the test's score when it ran, and the rates that moved. A
 * column that drifted on its null rate alone (a feature no longer filled) has no score, and its
 * warning read "ks NaN vs threshold 0.05".
 */
function driftAnnotation(c: DriftColumn): string {
  const parts: string[] = [];
  if (Number.isFinite(c.score)) parts.push(`${c.method} ${c.score.toPrecision(3)} vs threshold ${c.threshold}`);
  if (c.nulls.drifted) parts.push(`nulls ${formatPercent(c.nulls.reference)} → ${formatPercent(c.nulls.current)}`);
  if (c.nonNumeric?.drifted) parts.push(`not numbers ${formatPercent(c.nonNumeric.reference)} → ${formatPercent(c.nonNumeric.current)}`);
  return `${c.name}: ${parts.join('; ')} (${c.reasons.join(', ')})`;
}
