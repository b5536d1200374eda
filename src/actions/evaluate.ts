/**
 * The evaluate action (actions/evaluate/action.yml): the candidate comes from a downloaded
 * artifact or a directory; the baseline from an input, else `<name>#production` when the registry
 * has it, else none (first model). Writes the JSON and markdown reports, the job summary, one
 * sticky comment per model, error annotations for failed gates, and the outputs `passed`,
 * `report`, `markdown`, `comment-url`.
 */
import { InputError } from '../core/errors.ts';
import { resolveRunContext } from '../github/index.ts';
import { referenceStores } from '../github/release-store.ts';
import { writeFileAtomic, writeJsonAtomic } from '../core/fs.ts';
import { evaluateAndRender, markCommentOutdated, publishComment, type CommentIdentityOptions } from '../app/evaluate.ts';
import type { CliIo } from '../cli/io.ts';
import { isModelRef, RegistryMissError, resolveModelRef } from '../registry/index.ts';
import { loadConfig, productionRef } from '../train/config.ts';
import type { ActionEntry } from './entry.ts';
import { postOrWarn } from './comment.ts';
import { parseInputs } from './inputs.ts';
import { createActionsRuntime, type ActionsRuntime } from './runtime.ts';
import { defaultReportPath, evaluateReportPaths } from './report-path.ts';
import { fetchRegistryTags } from './registry-tags.ts';

/** The inputs of actions/evaluate/action.yml (setup-node and the download are handled by the YAML). */
export const evaluateInputs = {
  // Read by action.yml's setup step; declared here so a value that is no boolean ('no') fails clearly.
  'setup-node': { type: 'boolean', default: true, description: 'install Node.js with actions/setup-node' },
  config: { type: 'path', default: 'mlops.yaml', description: 'mlops.yaml of the model' },
  artifact: { type: 'string', description: 'name of the downloaded candidate artifact' },
  'artifact-dir': { type: 'path', description: 'where the artifact was downloaded (set by action.yml)' },
  candidate: { type: 'path', description: 'candidate model directory' },
  baseline: { type: 'string', description: 'baseline directory or registry reference' },
  data: { type: 'path', description: 'test data file' },
  latency: { type: 'boolean', default: true, description: 'run the latency benchmark' },
  'latency-clock': { type: 'enum', values: ['wall', 'cpu'], default: 'wall', description: 'latency clock' },
  'validation-report': { type: 'path', description: 'JSON report of the validate action' },
  report: { type: 'path', description: 'where to write the JSON report, the markdown beside it as <stem>.md; a path ending in .md names the markdown report, the JSON beside it as <stem>.json (default: $RUNNER_TEMP/mlops-evaluate-<name>.json, or -2, -3… for later steps of the job)' },
  comment: { type: 'boolean', default: true, description: 'post or update the sticky pull-request comment' },
  'fail-on-gate': { type: 'boolean', default: true, description: 'fail the step when a gate fails' },
  'comment-author': { type: 'string', description: 'login the comments are written under, e.g. <app-slug>[bot] for a GitHub App token' },
  token: { type: 'string', description: 'token for the comment' },
  outdated: { type: 'string', description: 'evaluate nothing: mark the sticky comment of an earlier evaluation as outdated, for this reason' },
  'token-is-default': { type: 'boolean', description: 'set by action.yml: the token is the workflow GITHUB_TOKEN' },
} as const;

const entry: ActionEntry = {
  name: 'evaluate',
  async run(outerIo: CliIo): Promise<number> {
    const runtime = createActionsRuntime(outerIo);
    const workspace = outerIo.env.GITHUB_WORKSPACE ?? outerIo.cwd;
    const io: CliIo = { ...runtime.io, cwd: workspace };
    const inputs = parseInputs(evaluateInputs, io.env, { cwd: workspace });
    if (inputs.outdated !== undefined) return markOutdated(runtime, io, inputs);
    const candidate = inputs.candidate ?? (inputs.artifact ? inputs['artifact-dir'] : undefined);
    if (!candidate) throw new InputError("no candidate model: set 'artifact' (a workflow artifact name) or 'candidate' (a directory)", { key: 'candidate' });
    const config = await loadConfig(inputs.config);

    let baseline = inputs.baseline;
    let noBaseline: string | undefined;
    if (baseline === undefined || isModelRef(baseline)) await fetchRegistryTags(workspace, io.env, runtime);
    if (baseline === undefined) {
      // The model in production is the natural baseline; the first model has none. Only "there is
      // no such model/stage" means "first model": a registry that exists but cannot be read or
      // verified must fail the step rather than silently skip every relative gate.
      const ref = productionRef(config);
      try {
        // A fresh runner's clone has no local artifact store: fall back to the GitHub Releases.
        await resolveModelRef(ref, { cwd: workspace, env: io.env, ...referenceStores(io.env) });
        baseline = ref;
        runtime.info(`baseline: ${ref}`);
      } catch (error) {
        // Only "no repository / no such model / nothing in production" means no baseline yet.
        if (!(error instanceof RegistryMissError)) throw error;
        // A registry with versions but none in production is no "first model": the report says which.
        if (error.miss === 'no-stage') noBaseline = error.detail;
        runtime.info(`no baseline (${(error as Error).message.split('\n')[0]}): evaluating the candidate alone; relative gates are skipped`);
      }
    }
    const { report, markdown, comment } = await runtime.group(`Evaluate ${config.name}`, () => evaluateAndRender(io, {
      config,
      candidate,
      ...(baseline !== undefined ? { baseline } : {}),
      ...(noBaseline !== undefined ? { noBaseline } : {}),
      ...(inputs.data !== undefined ? { data: inputs.data } : {}),
      latency: inputs.latency,
      latencyClock: inputs['latency-clock'],
      ...(inputs['validation-report'] !== undefined ? { validationReport: inputs['validation-report'] } : {}),
    }));
    // Two evaluate steps of one job (two data sets for one model) must not share a report file.
    // `report: eval.md` names the markdown report (as `mlops evaluate --report eval.md` does): the JSON goes beside it.
    const { json: reportPath, markdown: markdownPath } = evaluateReportPaths(inputs.report ?? await defaultReportPath(io.env, workspace, `mlops-evaluate-${config.name}`));
    await writeJsonAtomic(reportPath, report);
    // The comment body (cut to fit) is the `markdown` output; the job summary, which its pointer names, has the whole report.
    await writeFileAtomic(markdownPath, comment);
    runtime.appendSummary(markdown);
    for (const gate of report.gates.filter((g) => g.status === 'failed')) {
      runtime.annotate('error', gate.detail, { file: config.configPath ?? undefined, title: `Gate failed: ${gate.name}` });
    }
    for (const gate of report.gates.filter((g) => g.inconclusive)) {
      runtime.annotate('warning', gate.detail, { file: config.configPath ?? undefined, title: `Gate inconclusive: ${gate.name}` });
    }
    // A token that may not comment (a fork's read-only GITHUB_TOKEN) skips the comment with a
    // warning; the gate verdict stays the step's result.
    const commentUrl = inputs.comment ? await withComment(runtime, io, inputs, (commentIo, identity) => publishComment(commentIo, config.name, comment, identity)) : '';
    runtime.setOutput('passed', report.passed);
    runtime.setOutput('report', reportPath);
    runtime.setOutput('markdown', markdownPath);
    runtime.setOutput('comment-url', commentUrl);
    return report.passed || !inputs['fail-on-gate'] ? 0 : 1;
  },
};

/**
 * The pull-request workflow's job for a head that was not evaluated (validation failed, training
 * failed or was skipped): the sticky comment still shows an earlier commit's verdict, so it gets a
 * notice saying so. No comment, or `comment: false`: nothing to do.
 */
async function markOutdated(runtime: ActionsRuntime, io: CliIo, inputs: EvaluateInputs): Promise<number> {
  const config = await loadConfig(inputs.config);
  const reason = inputs.outdated as string;
  const commentUrl = inputs.comment ? await withComment(runtime, io, inputs, (commentIo, identity) => markCommentOutdated(commentIo, config.name, reason, identity)) : '';
  runtime.setOutput('comment-url', commentUrl);
  return 0;
}

type EvaluateInputs = ReturnType<typeof parseInputs<typeof evaluateInputs>>;

/**
 * Writes the sticky comment with `write`, given the token input and the identity our comments are
 * written under; a permission refusal becomes a warning (postOrWarn). Returns the comment's URL, or ''.
 */
async function withComment(
  runtime: ActionsRuntime, io: CliIo, inputs: EvaluateInputs,
  write: (io: CliIo, identity: CommentIdentityOptions) => Promise<{ message: string; url?: string }>,
): Promise<string> {
  const env = inputs.token ? { ...io.env, GITHUB_TOKEN: inputs.token } : io.env;
  const identity: CommentIdentityOptions = {
    ...(inputs['comment-author'] !== undefined ? { authorLogin: inputs['comment-author'] } : {}),
    // Only the token input can be compared with github.token; GITHUB_TOKEN from the environment is unknown.
    ...(inputs.token && inputs['token-is-default'] !== undefined ? { defaultToken: inputs['token-is-default'] } : {}),
  };
  const context = env.GITHUB_REPOSITORY ? resolveRunContext(env) : undefined;
  const done = context
    ? await postOrWarn(runtime, 'evaluate', context, () => write({ ...io, env }, identity))
    : await write({ ...io, env }, identity);
  if (done) runtime.info(done.message);
  return done?.url ?? '';
}
export default entry;
