import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCompositeAction } from '../../support/action-runner/index.ts';

/**
 * `with: { token: ${{ secrets.MLOPS_TOKEN }} }` passes an EMPTY string when the secret is not set
 * — and GitHub never passes secrets to workflows run for fork pull requests. An input given as ''
 * does not take its default (`github.token`), so each action falls back to it itself, as the
 * reusable workflows do (`secrets.token || github.token`). Without that, evaluate wrote its
 * comment to a file in the workspace, drift pushed the branch but opened no pull request (and
 * passed), and release failed asking for a token.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const GITHUB_TOKEN = 'ghs_theJobsOwnToken42';
let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'mlops-empty-token-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of actions/<name> whose CLI is a stub that reports the token variables it was given. */
function stubbedAction(name: string): string {
  const actionRoot = join(dir, 'action-root');
  mkdirSync(join(actionRoot, 'actions', name), { recursive: true });
  mkdirSync(join(actionRoot, 'dist'), { recursive: true });
  cpSync(join(root, 'actions', name, 'action.yml'), join(actionRoot, 'actions', name, 'action.yml'));
  writeFileSync(join(actionRoot, 'dist', 'mlops.mjs'), [
    "import { appendFileSync } from 'node:fs';",
    "const seen = ['INPUT_TOKEN', 'INPUT_TOKEN-IS-DEFAULT', 'GITHUB_TOKEN'].map((k) => `${k}=${process.env[k] ?? '<unset>'}`);",
    "appendFileSync(process.env.GITHUB_OUTPUT, `seen=${seen.join(' ')}\\n`);",
  ].join('\n'));
  return join(actionRoot, 'actions', name);
}

async function tokensSeen(name: 'validate' | 'evaluate' | 'release' | 'drift', token: string): Promise<string> {
  const result = await runCompositeAction(stubbedAction(name), {
    inputs: { token, 'setup-node': 'false', ...(name === 'release' ? { 'model-dir': 'model' } : {}) },
    workspace: dir,
    token: GITHUB_TOKEN,
    eventName: 'push',
  });
  expect(result.exitCode, result.stderr).toBe(0);
  const step = result.steps.find((s) => s.outputs.seen !== undefined);
  expect(step, JSON.stringify(result.steps.map((s) => s.name))).toBeDefined();
  return step!.outputs.seen!;
}

describe('an empty token input falls back to github.token', () => {
  it.each(['validate', 'evaluate', 'drift'] as const)('actions/%s: an empty token is the job\'s GITHUB_TOKEN, known as the default token', async (name) => {
    const seen = await tokensSeen(name, '');
    expect(seen).toContain(`INPUT_TOKEN=${GITHUB_TOKEN} `);
    expect(seen).toContain('INPUT_TOKEN-IS-DEFAULT=true');
  });

  it('actions/release: an empty token is the job\'s GITHUB_TOKEN', async () => {
    expect(await tokensSeen('release', '')).toContain(`INPUT_TOKEN=${GITHUB_TOKEN} `);
  });

  it('actions/drift: the GITHUB_TOKEN the git and API calls read is the same fallback', async () => {
    expect(await tokensSeen('drift', '')).toContain(`GITHUB_TOKEN=${GITHUB_TOKEN}`);
  });

  it.each(['evaluate', 'drift'] as const)('actions/%s: a token that is given is used, and is not the default token', async (name) => {
    const seen = await tokensSeen(name, 'ghp_aPersonalToken');
    expect(seen).toContain('INPUT_TOKEN=ghp_aPersonalToken ');
    expect(seen).toContain('INPUT_TOKEN-IS-DEFAULT=false');
  });
});
