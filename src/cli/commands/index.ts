import type { Command } from '../command.ts';

/** A command's name and summary, with its implementation loaded on first use. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
  /**
   * The size from which this command cuts a data file given as an argument into segments for
   * worker threads (VALIDATE_SEGMENT_BYTES, DEFAULT_SEGMENT_BYTES; a test checks they agree):
   * the CLI then starts the workers before loading the command (src/core/parallel.ts).
   */
  splitsFilesFrom?: number;
}

export const commands: CommandEntry[] = [
  { name: 'init', summary: 'set up mlops.yaml, schema.yaml and the three workflows for your data', load: async () => (await import('./init.ts')).default },
  { name: 'validate', summary: 'validate a data file against a Table Schema', load: async () => (await import('./validate.ts')).default, splitsFilesFrom: 8 << 20 },
  { name: 'schema', summary: 'infer a schema from data, or diff two schemas (infer | diff)', load: async () => (await import('./schema.ts')).default },
  { name: 'profile', summary: 'profile a data file, or merge shard profiles (merge)', load: async () => (await import('./profile.ts')).default, splitsFilesFrom: 32 << 20 },
  { name: 'train', summary: 'train a model from mlops.yaml into a model directory', load: async () => (await import('./train.ts')).default },
  { name: 'evaluate', summary: 'compare a candidate model with the baseline: metrics, latency, gates', load: async () => (await import('./evaluate.ts')).default },
  { name: 'registry', summary: 'model registry on git tags: register, promote, rollback, deprecate, list, show, history, pull', load: async () => (await import('./registry.ts')).default },
  { name: 'drift', summary: 'compare current data with the reference; open a retraining PR on drift', load: async () => (await import('./drift.ts')).default, splitsFilesFrom: 32 << 20 },
  { name: 'demo', summary: 'run the whole life cycle on the bundled fixtures, locally', load: async () => (await import('./demo.ts')).default },
  { name: 'action', summary: "run a composite action's step (used by action.yml)", load: async () => (await import('./action.ts')).default },
];
