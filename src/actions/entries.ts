import type { ActionEntry } from './entry.ts';

/**
 * The composite actions' entry points, loaded lazily. Each `actions/<name>/action.yml` runs
 * `node "$GITHUB_ACTION_PATH/../../dist/mlops.mjs" action <name>` with its inputs passed as
 * `INPUT_<NAME>` environment variables.
 */
export const actionEntries: Record<string, () => Promise<ActionEntry>> = {
  validate: async () => (await import('./validate.ts')).default,
  train: async () => (await import('./train.ts')).default,
  evaluate: async () => (await import('./evaluate.ts')).default,
  release: async () => (await import('./release.ts')).default,
  drift: async () => (await import('./drift.ts')).default,
};
