import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadConfig, type MlopsConfig } from '../train/config.ts';
import { shellWord } from './io.ts';

/**
 * The config a command runs with: `--config <file>` (must exist), else `mlops.yaml` in the working
 * directory when there is one, else none (commands that can run from flags alone then do).
 */
export async function loadConfigIfAny(flag: string | undefined, cwd: string): Promise<MlopsConfig | undefined> {
  if (flag) return loadConfig(resolve(cwd, flag));
  const implicit = resolve(cwd, 'mlops.yaml');
  return existsSync(implicit) ? loadConfig(implicit) : undefined;
}

/**
 * The nearest `mlops.yaml` in a directory above `cwd` (not `cwd` itself), looking no higher than
 * the git work tree around it (the directory holding `.git`), or null. Commands read the default
 * config from the working directory only (paths outside the config follow the working directory,
 * docs/config.md), so this only serves to say where the config is when it is not here.
 */
export function configAbove(cwd: string): string | null {
  let dir = resolve(cwd);
  while (!existsSync(join(dir, '.git'))) {
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
    const candidate = join(dir, 'mlops.yaml');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * `; ../mlops.yaml is the nearest: run from <dir>, or pass --config ../mlops.yaml` when the working
 * directory has no mlops.yaml but one above it has (a user in data/ or models/), else ''.
 */
export function configAboveHint(cwd: string): string {
  const above = configAbove(cwd);
  if (above === null) return '';
  const shown = relative(cwd, above);
  return `; ${shown} is the nearest: run from ${shellWord(dirname(above))}, or pass --config ${shellWord(shown)}`;
}
