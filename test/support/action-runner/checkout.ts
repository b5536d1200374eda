import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * A copy of this project as an action user gets it — `action.yml`, `actions/`, the reusable
 * workflows in `.github/workflows/` and a `dist/`
 * built from the CURRENT sources — so end-to-end tests exercise the working tree, not whatever
 * `dist/` was last committed (its freshness is checked separately by `npm run check-dist`).
 *
 * Built once per content hash under node_modules/.cache/mlops-test/ and reused by every test
 * file; pass the directory as `firstParty` / action path to the runner:
 *
 *     const root = await actionsCheckout();
 *     await runCompositeAction(join(root, 'actions/validate'), { firstParty: { 'mlops-actions/mlops-actions': root } });
 */

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');

function filesUnder(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

/** Hash of everything that goes into the checkout. */
function contentKey(root: string): string {
  const files: string[] = [];
  for (const dir of ['src', 'actions', join('.github', 'workflows')]) filesUnder(join(root, dir), files);
  for (const file of ['action.yml', 'scripts/build.mjs', 'package-lock.json']) if (existsSync(join(root, file))) files.push(join(root, file));
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Builds (or reuses) the checkout and returns its directory. */
export function actionsCheckout(root = PROJECT_ROOT): string {
  const cache = join(root, 'node_modules', '.cache', 'mlops-test');
  const dir = join(cache, `checkout-${contentKey(root)}`);
  if (existsSync(join(dir, 'dist', 'mlops.mjs'))) return dir;
  mkdirSync(cache, { recursive: true });
  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', join(temp, 'dist')], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building dist for the test checkout failed:\n${build.stderr}${build.stdout}`);
    cpSync(join(root, 'actions'), join(temp, 'actions'), { recursive: true });
    // The reusable workflows too, so runCallerWorkflow resolves `…/.github/workflows/<file>@v1` here.
    if (existsSync(join(root, '.github', 'workflows'))) cpSync(join(root, '.github', 'workflows'), join(temp, '.github', 'workflows'), { recursive: true });
    if (existsSync(join(root, 'action.yml'))) cpSync(join(root, 'action.yml'), join(temp, 'action.yml'));
    try {
      renameSync(temp, dir);
    } catch {
      // Another test process finished the same checkout first: use theirs.
      rmSync(temp, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  // Best effort: drop stale checkouts older than an hour.
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (name.startsWith('checkout-') && path !== dir) {
      try {
        if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
      } catch { /* raced with another process */ }
    }
  }
  return dir;
}
