/**
 * The drift use case shared by `mlops drift` and the drift action: resolve the reference (registry
 * references fall back to GitHub Releases on a fresh runner), run the check, render the report and,
 * when asked, run the retraining pull-request flow.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';
import { runDriftCheck, type DriftCheck } from '../drift/check.ts';
import { driftJson, renderDriftMarkdown } from '../drift/report.ts';
import { openRetrainingPullRequest, type RetrainGitHub, type RetrainResult } from '../github/retrain.ts';
import { referenceStores, type ReferenceStores } from '../github/release-store.ts';
import { isModelRef, resolveModelRef } from '../registry/index.ts';
import { locateConfigError, productionRef, type MlopsConfig } from '../train/config.ts';
import { displayPath } from '../train/run-record.ts';

export interface DriftRequest {
  cwd: string;
  env: Record<string, string | undefined>;
  config?: MlopsConfig;
  /** Data file/glob, profile.json or registry reference. */
  reference: string;
  current: string;
  schema?: string;
  features?: string[];
  datasetShare?: number;
  /**
   * Where a registry reference's artifacts are read from (`--store` / `--store-dir`); default: the
   * local store, then the registry's GitHub Releases when the environment has a repository and a token.
   */
  stores?: ReferenceStores;
  /** Run the retraining flow on drift. */
  retrain?: { base?: string | null; remote?: string; push?: boolean; github?: RetrainGitHub };
  /**
   * With `retrain`: called with the checked outcome (no `retrain` yet) before the retraining flow
   * starts, so that a caller can still publish the report when pushing or opening the pull request fails.
   */
  onChecked?: (outcome: DriftOutcome) => void;
}

export interface DriftOutcome {
  check: DriftCheck;
  name: string;
  markdown: string;
  /** The JSON document of DESIGN §4 plus the model, the labels and (with retrain) its result. */
  json: Record<string, unknown>;
  retrain?: RetrainResult;
}

/**
 * The reference a config names when no flag or input gives one: `drift.reference`, else the
 * model in production ({@link productionRef}: `<name>#production` with the default stages). A relative file or glob there is resolved against the config file's
 * directory, as `drift.current` is: resolved against the working directory instead, a
 * `--config models/x/mlops.yaml` run from the repository root looked for the data elsewhere.
 */
export function configuredReference(config: MlopsConfig): string {
  const reference = config.drift.reference;
  if (reference === null) return productionRef(config);
  return isModelRef(reference) || isAbsolute(reference) ? reference : resolve(config.configDir, reference);
}

/** Runs one drift check and, when `request.retrain` is set, the retraining pull-request flow. */
export async function runDrift(request: DriftRequest): Promise<DriftOutcome> {
  const { cwd, env, config } = request;
  const check = await runDriftCheck({
    cwd,
    // Relative to `cwd` when under it (displayPath): the report's sources record paths as given
    // here, and absolute ones named the runner's checkout (/home/runner/work/…) in every report.
    reference: isModelRef(request.reference) ? request.reference : displayPath(resolve(cwd, request.reference), cwd),
    current: displayPath(resolve(cwd, request.current), cwd),
    config,
    ...(request.schema ? { schema: resolve(cwd, request.schema) } : {}),
    ...(request.features ? { features: request.features } : {}),
    ...(request.datasetShare !== undefined ? { datasetShare: request.datasetShare } : {}),
    isModelRef,
    // A fresh runner has no local artifact store: fall back to the registry's GitHub Releases.
    resolveModelProfile: async (ref) => {
      return join((await resolveModelRef(ref, { cwd, env, ...referenceStores(env, request.stores) })).dir, 'profile.json');
    },
  });
  const name = config?.name ?? 'model';
  const markdown = renderDriftMarkdown(check.report, { title: `Data drift: ${name}`, referenceLabel: check.referenceLabel, currentLabel: check.currentLabel });
  // The report's reference and current ({ rows, sources }) carry the labels the markdown shows
  // (spread after them, the report's objects replaced the label strings, which never appeared).
  const { reference, current, ...summary } = driftJson(check.report);
  const json: Record<string, unknown> = {
    model: name,
    reference: { label: check.referenceLabel, ...(reference as object) },
    current: { label: check.currentLabel, ...(current as object) },
    ...summary,
  };
  if (!request.retrain) return { check, name, markdown, json };
  request.onChecked?.({ check, name, markdown, json });

  const settings = config?.drift.retrain ?? { branch: `mlops/retrain/${name}`, labels: ['retrain', 'drift'], base: null };
  const asked = request.retrain;
  const result = await openRetrainingPullRequest({
    model: name,
    report: check.report,
    body: markdown,
    branch: settings.branch,
    base: asked.base ?? settings.base,
    labels: settings.labels,
    cwd,
    env,
    ...(asked.remote ? { remote: asked.remote } : {}),
    ...(asked.push !== undefined ? { push: asked.push } : {}),
    context: { reference: check.referenceLabel, current: check.currentLabel },
    ...(asked.github ? { github: asked.github } : {}),
  }).catch((error: unknown) => {
    // A retraining branch the config names wrongly is an error at its line in mlops.yaml.
    throw config && error instanceof InputError && error.location.key === 'drift.retrain.branch' ? locateConfigError(config, error) : error;
  });
  json.retrain = {
    operation: result.operation, message: result.message, branch: result.branch?.branch ?? null, commit: result.branch?.commit ?? null,
    pullRequest: result.pullRequest ?? null, dispatched: result.dispatched ?? null, outbox: result.outbox ?? null,
  };
  return { check, name, markdown, json, retrain: result };
}
