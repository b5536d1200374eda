import { resolve } from 'node:path';
import { configuredReference, runDrift, type DriftOutcome } from '../../app/drift.ts';
import { UsageError } from '../../core/errors.ts';
import { writeFileAtomic, writeJsonAtomic } from '../../core/fs.ts';
import { driftHeadline } from '../../drift/report.ts';
import { createOctokit, resolveRunContext } from '../../github/index.ts';
import type { RetrainGitHub } from '../../github/retrain.ts';
import { parseCommandArgs, reportFileFlag } from '../args.ts';
import type { ReferenceStores } from '../../github/release-store.ts';
import { referenceStoresFromFlags, STORE_OPTIONS, storeUsage } from '../artifact-store.ts';
import { ExitCode, type Command } from '../command.ts';
import { configAboveHint, loadConfigIfAny } from '../config.ts';
import type { CliIo } from '../io.ts';
import { refuseOverwritingInputs } from '../outputs.ts';
import { isModelRef } from '../../registry/index.ts';

const usage = `mlops drift [--config mlops.yaml] --reference <data|profile.json|name#stage> --current <data|profile.json>
            [--json] [--report <file>] [--markdown <file>] [--fail-on-drift]
            [--open-pr [--remote origin] [--base <branch>] [--no-push] [--dispatch <workflow.yml>] [--repo owner/name]]
            [--schema <file>] [--features a,b,c] [--dataset-share 0.5] [--store local|github] [--store-dir <dir>]

Compares the current data with the reference feature by feature and decides dataset drift.
  --reference       a data file or glob, a profile.json, or a registry reference (default:
                    drift.reference in mlops.yaml, else <name>#<last of registry.stages>)
  --current         a data file or glob (shards are profiled and merged), or a profile.json
                    (default: drift.current in mlops.yaml)
  --open-pr         on drift, commit the report to the branch drift.retrain.branch and open or update
                    its pull request (GitHub: needs GITHUB_TOKEN/INPUT_TOKEN and GITHUB_REPOSITORY;
                    otherwise the pull request is written to .mlops/outbox/)
  --no-push         with --open-pr: commit the branch in the local repository only; the pull
                    request is written to .mlops/outbox/, not opened
  --fail-on-drift   exit 1 when dataset drift is found
Where a registry reference's model (its profile.json) is read from:
${storeUsage(20, true)}
Exit codes: 0 checked (and no drift with --fail-on-drift), 1 drift with --fail-on-drift, 2 could not run.`;

/** The parsed flags of `mlops drift`. */
interface DriftRunRequest {
  config?: string;
  reference?: string;
  current?: string;
  schema?: string;
  features?: string[];
  datasetShare?: number;
  json: boolean;
  report?: string;
  markdown?: string;
  failOnDrift: boolean;
  openPr: boolean;
  remote?: string;
  base?: string;
  push: boolean;
  dispatch?: string;
  repository?: string;
  /** --store / --store-dir, when given. */
  stores?: ReferenceStores;
}

const command: Command = {
  name: 'drift',
  summary: 'compare current data with the reference; open a retraining PR on drift',
  usage,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values } = parseCommandArgs(argv, {
      config: { type: 'string' }, reference: { type: 'string' }, current: { type: 'string' }, schema: { type: 'string' },
      features: { type: 'string' }, 'dataset-share': { type: 'string' }, json: { type: 'boolean' }, report: { type: 'string' },
      markdown: { type: 'string' }, 'fail-on-drift': { type: 'boolean' }, 'open-pr': { type: 'boolean' }, remote: { type: 'string' },
      base: { type: 'string' }, 'no-push': { type: 'boolean' }, dispatch: { type: 'string' }, repo: { type: 'string' },
      ...STORE_OPTIONS,
    }, 'drift');
    let datasetShare: number | undefined;
    if (values['dataset-share'] !== undefined) {
      datasetShare = Number(values['dataset-share']);
      if (!(datasetShare > 0 && datasetShare <= 1)) throw new UsageError(`--dataset-share must be in (0, 1], got '${values['dataset-share']}'`);
    }
    return runDriftCommand({
      config: values.config, reference: values.reference, current: values.current, schema: values.schema,
      features: values.features?.split(',').map((s) => s.trim()).filter(Boolean), datasetShare,
      json: values.json ?? false, report: reportFileFlag(values.report, 'report', 'drift'), markdown: reportFileFlag(values.markdown, 'markdown', 'drift'), failOnDrift: values['fail-on-drift'] ?? false,
      openPr: values['open-pr'] ?? false, remote: values.remote, base: values.base, push: !values['no-push'], dispatch: values.dispatch, repository: values.repo,
      ...(values.store !== undefined || values['store-dir'] !== undefined ? { stores: referenceStoresFromFlags(values, io) } : {}),
    }, io);
  },
};
export default command;


/** Runs `mlops drift` for a parsed request. */
async function runDriftCommand(request: DriftRunRequest, io: CliIo): Promise<number> {
  const config = await loadConfigIfAny(request.config, io.cwd);
  const reference = request.reference ?? (config ? configuredReference(config) : undefined);
  const current = request.current ?? config?.drift.current ?? undefined;
  // Run from data/ with the config above: say where it is, as train and evaluate do.
  const above = config === undefined ? configAboveHint(io.cwd) : '';
  if (!reference) throw new UsageError(`missing --reference (no mlops.yaml with drift.reference or a model name found${above})`);
  if (!current) throw new UsageError(`missing --current (and no drift.current in mlops.yaml${above})`);
  await refuseOverwritingInputs(
    [{ flag: 'report', path: request.report }, { flag: 'markdown', path: request.markdown }],
    [isModelRef(reference) ? undefined : reference, current, request.schema, config?.configPath, config?.data.schema],
    io.cwd,
  );
  let checked: DriftOutcome | undefined;
  let outcome: DriftOutcome;
  try {
    outcome = await runDrift({
      cwd: io.cwd, env: io.env, config, reference, current,
      ...(request.stores ? { stores: request.stores } : {}),
      ...(request.schema ? { schema: request.schema } : {}),
      ...(request.features ? { features: request.features } : {}),
      ...(request.datasetShare !== undefined ? { datasetShare: request.datasetShare } : {}),
      ...(request.openPr ? { retrain: { base: request.base ?? null, ...(request.remote ? { remote: request.remote } : {}), push: request.push, github: githubFor(request, io) } } : {}),
      onChecked: (result) => { checked = result; },
    });
  } catch (error) {
    if (!checked) throw error;
    // The check ran and only the retraining branch or pull request failed (a refused push, a
    // missing permission): the report is still written, or a scheduled job's findings were lost
    // with it. The failure then ends the command (exit 2).
    checked.json.retrain = { error: error instanceof Error ? error.message : String(error) };
    await publish(checked, request, io);
    throw error;
  }
  if (outcome.retrain) io.stderr(`mlops drift: ${outcome.retrain.message}\n`);
  await publish(outcome, request, io);
  return outcome.check.report.drifted && request.failOnDrift ? ExitCode.checkFailed : ExitCode.ok;
}

/** Writes the report files, the report on stdout and the verdict on stderr. */
async function publish(outcome: DriftOutcome, request: DriftRunRequest, io: CliIo): Promise<void> {
  if (request.report) await writeJsonAtomic(resolve(io.cwd, request.report), outcome.json, { what: 'report', name: request.report });
  if (request.markdown) await writeFileAtomic(resolve(io.cwd, request.markdown), outcome.markdown, { what: 'report', name: request.markdown });
  io.stdout(request.json ? `${JSON.stringify(outcome.json, null, 2)}\n` : `${outcome.markdown}\n`);
  io.stderr(`mlops drift: ${driftHeadline(outcome.check.report)}\n`);
}

/** GitHub mode when a token and a repository are known; the token kind decides about dispatching. */
function githubFor(request: DriftRunRequest, io: CliIo): RetrainGitHub | undefined {
  const token = io.env.INPUT_TOKEN || io.env.GITHUB_TOKEN;
  const repository = request.repository ?? io.env.GITHUB_REPOSITORY;
  if (!token || !repository) return undefined;
  const context = resolveRunContext(io.env, { repository });
  return {
    octokit: createOctokit({ token, env: io.env }),
    owner: context.owner,
    repo: context.repo,
    isDefaultToken: io.env.MLOPS_TOKEN_IS_GITHUB_TOKEN === 'true',
    ...(request.dispatch ? { dispatchWorkflow: request.dispatch } : {}),
    ...(context.runUrl ? { summaryUrl: context.runUrl } : {}),
  };
}
