/**
 * The `release` composite action: registers the model directory as the next version (git tag
 * pushed to the repository + a GitHub Release with the model tarball, run.json, profile.json and
 * the model card), optionally assigns a stage. Re-running the same job is `unchanged`: the
 * registration is idempotent for the same model at the same commit.
 */
import { access } from 'node:fs/promises';
import { InputError } from '../core/errors.ts';
import { createOctokit, resolveRunContext } from '../github/index.ts';
import { createReleaseBackend } from '../github/release-store.ts';
import {
  cardTextFromConfig, GitRegistry, ReleaseArtifactStore, type AssignResult, type RegisterResult, type RegistryOptions,
} from '../registry/index.ts';
import { runGit } from '../registry/git.ts';
import type { CliIo } from '../cli/io.ts';
import type { ActionEntry } from './entry.ts';
import { parseInputs } from './inputs.ts';
import { createActionsRuntime } from './runtime.ts';

/** The inputs of actions/release/action.yml (setup-node and artifact are handled by the YAML). */
export const releaseInputs = {
  // Read by action.yml's setup step; declared here so a value that is no boolean ('no') fails clearly.
  'setup-node': { type: 'boolean', default: true, description: 'install Node.js with actions/setup-node' },
  model: { type: 'string', description: 'registry name of the model (default: `name` in mlops.yaml)' },
  'model-dir': { type: 'path', required: true, description: 'model directory to register (the YAML points it at the downloaded artifact)' },
  artifact: { type: 'string', description: 'workflow artifact the model directory was downloaded from (recorded in the summary)' },
  version: { type: 'string', description: 'explicit version vX.Y.Z (default: bump the latest)' },
  bump: { type: 'enum', values: ['patch', 'minor', 'major'], default: 'patch', description: 'bump when no version is given' },
  stage: { type: 'string', description: 'assign this stage to the registered version' },
  push: { type: 'boolean', default: true, description: 'push the tags to the remote' },
  store: { type: 'enum', values: ['github', 'local'], default: 'github', description: 'artifact store' },
  config: { type: 'path', description: 'mlops.yaml (registry.stages, name)' },
  description: { type: 'string', description: 'model card: description' },
  'intended-use': { type: 'string', description: 'model card: intended use' },
  remote: { type: 'string', default: 'origin', description: 'git remote to push to' },
  token: { type: 'string', description: 'token with contents: write' },
} as const;

/** A tagger identity for runners where git has none configured (git refuses to tag without one). */
async function taggerEnv(cwd: string, env: Record<string, string | undefined>): Promise<Record<string, string>> {
  if (env.GIT_COMMITTER_EMAIL) return {};
  try {
    if ((await runGit({ cwd, env }, ['config', 'user.email'])).trim()) return {};
  } catch {
    // Not configured: fall through.
  }
  return { GIT_COMMITTER_NAME: 'github-actions[bot]', GIT_COMMITTER_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com' };
}

function summaryMarkdown(result: RegisterResult, promotion: AssignResult | null, artifact: string | undefined, operation: string): string {
  const lines = [`### Model registry: \`${result.name}\` ${result.version}`, ''];
  lines.push(result.operation === 'created'
    ? `Registered **${result.version}** as tag \`${result.tag}\` at \`${result.commit.slice(0, 12)}\`${result.parentVersion ? ` (previous: ${result.parentVersion})` : ' (first version)'}.`
    // "Nothing changed" only when nothing did: a re-run may still assign the stage or complete the release.
    : `**${result.version}** was already registered with this model at this commit${operation === 'unchanged' ? ': nothing changed' : ''}.`);
  lines.push('', `- Model sha256: \`${result.modelSha256}\`${artifact ? ` (from artifact \`${artifact}\`)` : ''}`);
  lines.push(`- Artifacts: ${result.store.kind}${result.store.url ? ` — [release](${result.store.url})` : ''} (${result.store.operation})`);
  if (promotion) {
    lines.push(`- Stage \`${promotion.stage}\`: ${promotion.operation === 'created' ? `${promotion.previous ?? 'none'} → **${promotion.version}** (tag \`${promotion.tag}\`)` : `already ${promotion.version}${promotion.pushed ? ` (tag \`${promotion.tag}\` on the remote)` : ''}`}`);
  }
  return `${lines.join('\n')}\n`;
}

const entry: ActionEntry = {
  name: 'release',
  async run(io: CliIo) {
    const runtime = createActionsRuntime(io);
    const workspace = io.env.GITHUB_WORKSPACE || io.cwd;
    const inputs = parseInputs(releaseInputs, io.env, { cwd: workspace });
    // A terminal run with store: local needs no GitHub at all (docs/actions.md: a step can be
    // reproduced there); only the GitHub store needs the repository.
    const context = io.env.GITHUB_REPOSITORY ? resolveRunContext(io.env) : undefined;
    const cwd = workspace;
    const env = { ...io.env, ...(await taggerEnv(cwd, io.env)) };

    let stages: string[] | undefined;
    let name = inputs.model;
    let cardText: { description: string | null; intendedUse: string | null } = { description: null, intendedUse: null };
    const configPath = inputs.config ?? `${workspace}/mlops.yaml`;
    const hasConfig = inputs.config !== undefined || (await access(configPath).then(() => true, () => false));
    if (hasConfig) {
      const { loadConfig } = await import('../train/config.ts');
      const config = await loadConfig(configPath);
      stages = config.registry.stages;
      name ??= config.name;
      cardText = cardTextFromConfig(config);
    }
    if (!name) throw new InputError("input 'model' is required when there is no mlops.yaml with a name", { key: 'model' });

    const options: RegistryOptions = { cwd, env, stages, remote: inputs.remote };
    if (inputs.store === 'github') {
      const token = inputs.token;
      if (!token) throw new InputError("input 'token' is required for store: github (it needs contents: write)", { key: 'token' });
      if (!context) {
        throw new InputError('store: github needs the repository, and GITHUB_REPOSITORY is not set (GitHub Actions sets it; in a terminal set GITHUB_REPOSITORY=owner/name, or INPUT_STORE=local)', { key: 'GITHUB_REPOSITORY' });
      }
      runtime.setSecret(token);
      // GitHub asks integrations to space writes (~1 s); MLOPS_GITHUB_WRITE_SPACING_MS overrides
      // it for GitHub Enterprise Server instances without secondary rate limits (and for tests).
      const spacing = Number(io.env.MLOPS_GITHUB_WRITE_SPACING_MS);
      const octokit = createOctokit({
        token, env: io.env, onSecret: (v) => runtime.setSecret(v),
        ...(io.env.MLOPS_GITHUB_WRITE_SPACING_MS && Number.isFinite(spacing) && spacing >= 0 ? { writeSpacingMs: spacing } : {}),
      });
      options.store = new ReleaseArtifactStore(createReleaseBackend(octokit, context.owner, context.repo, context.serverUrl));
    }
    const registry = new GitRegistry(options);
    // Check the stage before anything is written: a bad stage must not leave a half-done release.
    if (inputs.stage) registry.checkStage(inputs.stage);
    const push = inputs.push || inputs.store === 'github';
    // CI checkouts are often shallow and tagless: fetch the tags so the next version and the
    // stage counters are computed from what the remote has.
    if (push) await runtime.group('Fetch registry tags', () => registry.fetch());

    const result = await runtime.group(`Register ${name}`, () => registry.register({
      name, modelDir: inputs['model-dir'], version: inputs.version, bump: inputs.version ? undefined : inputs.bump,
      push, idempotent: true, description: inputs.description ?? cardText.description, intendedUse: inputs['intended-use'] ?? cardText.intendedUse,
      pullRequest: context?.prNumber, runUrl: context?.runUrl, repositoryUrl: context ? `${context.serverUrl}/${context.owner}/${context.repo}` : null,
    }));
    runtime.info(`${result.operation === 'created' ? 'Registered' : 'Already registered'} ${result.name} ${result.version} (${result.tag})`);
    let promotion: AssignResult | null = null;
    const stage = inputs.stage;
    const state = stage && result.operation === 'unchanged' ? await registry.model(result.name) : null;
    const earlier = stage && state
      ? state.events.some((e) => e.event === 'assignment' && e.stage === stage && e.version === result.version)
      : false;
    // A stage that still holds this version is promoted again anyway: that changes nothing locally,
    // and with push it puts the assignment tag on the remote if an earlier run (push: false) did not.
    if (stage && earlier && state?.stages[stage] !== result.version) {
      // A re-run of an old job must not move the stage back: this version already had its turn.
      runtime.annotate('notice', `${result.name} ${result.version} was assigned to ${stage} before; a re-run does not assign it again (use 'mlops registry promote' to do that on purpose).`, { title: 'mlops release' });
    } else if (stage) {
      promotion = await runtime.group(`Assign ${stage}`, () => registry.promote({ name: result.name, version: result.version, stage, push }));
      runtime.info(`${stage}: ${promotion.operation === 'created' ? `now ${promotion.version}` : `already ${promotion.version}`}${promotion.operation !== 'created' && promotion.pushed ? ` (tag ${promotion.tag} on ${registry.remote})` : ''}`);
    }
    const operation = result.operation === 'created' || promotion?.operation === 'created' ? 'created'
      : result.store.operation === 'created' || result.store.operation === 'updated' ? 'updated' : 'unchanged';
    runtime.setOutput('version', result.version);
    runtime.setOutput('tag', result.tag);
    runtime.setOutput('release-url', result.store.url ?? '');
    runtime.setOutput('operation', operation);
    runtime.appendSummary(summaryMarkdown(result, promotion, inputs.artifact, operation));
    runtime.finish();
    return 0;
  },
};
export default entry;

