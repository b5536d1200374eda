import { runGit } from '../core/git.ts';
import { GitRegistry } from '../registry/index.ts';
import type { ActionsRuntime } from './runtime.ts';

/**
 * Fetches the registry's tags into a shallow checkout, before an action resolves a registry
 * reference (`<name>#production`). The registry is the repository's tags, and actions/checkout's
 * default clone (fetch-depth 1) has none: the evaluate action then saw "no model" and judged every
 * pull request as the first model, its relative gates skipped. The fetch uses the credentials
 * checkout left; one that fails is a warning, and the tags at hand are used. A full clone is left
 * alone: it has the tags.
 */
export async function fetchRegistryTags(workspace: string, env: Record<string, string | undefined>, runtime: Pick<ActionsRuntime, 'info' | 'annotate'>): Promise<void> {
  const shallow = await runGit({ cwd: workspace, env }, ['rev-parse', '--is-shallow-repository']).then((out) => out.trim() === 'true', () => false);
  if (!shallow) return;
  try {
    await new GitRegistry({ cwd: workspace, env }).fetch();
    runtime.info('fetched the registry tags (the checkout is shallow)');
  } catch (error) {
    runtime.annotate('warning', `could not fetch the registry tags into this shallow checkout (${(error as Error).message.split('\n')[0]}): registry references are looked up among the tags it has; check out with fetch-depth: 0 to have them all`);
  }
}
