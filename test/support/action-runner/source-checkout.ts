import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');

/**
 * Lays out `actions/<name>/action.yml` under `dir` with a `dist/mlops.mjs` stand-in that runs the
 * CLI from source (tsx), so a test covers YAML → env → entry → domain without building the bundle.
 * (`actionsCheckout()` is the alternative that tests the real bundle.) Returns the action folder.
 */
export async function sourceActionCheckout(dir: string, name: string): Promise<string> {
  const actionDir = join(dir, 'actions', name);
  await mkdir(actionDir, { recursive: true });
  await copyFile(join(PROJECT_ROOT, 'actions', name, 'action.yml'), join(actionDir, 'action.yml'));
  await mkdir(join(dir, 'dist'), { recursive: true });
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const main = join(PROJECT_ROOT, 'src', 'cli', 'main.ts');
  await writeFile(join(dir, 'dist', 'mlops.mjs'), [
    "import { spawnSync } from 'node:child_process';",
    `const r = spawnSync(process.execPath, ['--import', ${JSON.stringify(tsx)}, ${JSON.stringify(main)}, ...process.argv.slice(2)], { stdio: 'inherit' });`,
    'process.exit(r.status ?? 2);',
  ].join('\n'));
  return actionDir;
}
