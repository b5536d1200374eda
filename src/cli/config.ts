import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, type MlopsConfig } from '../train/config.ts';

/**
 * The config a command runs with: `--config <file>` (must exist), else `mlops.yaml` in the working
 * directory when there is one, else none (commands that can run from flags alone then do).
 */
export async function loadConfigIfAny(flag: string | undefined, cwd: string): Promise<MlopsConfig | undefined> {
  if (flag) return loadConfig(resolve(cwd, flag));
  const implicit = resolve(cwd, 'mlops.yaml');
  return existsSync(implicit) ? loadConfig(implicit) : undefined;
}
