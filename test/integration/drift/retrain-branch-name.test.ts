import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { exampleRemote, GIT_ENV, gitWith } from './example-remote.ts';

/**
 * drift.retrain.branch is free text in mlops.yaml. Set to the base branch (read as "the branch to
 * retrain on"), the scheduled check committed its report straight onto main and pushed it there,
 * unreviewed; a name git refuses ('retrain weather') failed only at the push, blaming "someone
 * else" who "may have updated it". Both are now exit 2 at the key's line, before any commit.
 */
const git = gitWith();
let root: string;
let work: string;
let remote: string;
beforeEach(() => { ({ root, work, remote } = exampleRemote('mlops-drift-branch-name-', git)); });
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** mlops.yaml with `drift.retrain.branch` set to `branch`, committed and pushed; the line of the key. */
function setBranch(branch: string): number {
  const file = join(work, 'mlops.yaml');
  const text = readFileSync(file, 'utf8').replace('branch: mlops/retrain/weather', `branch: ${JSON.stringify(branch)}`);
  writeFileSync(file, text);
  git(work, 'commit', '-q', '-am', 'retrain branch');
  git(work, 'push', '-q', 'origin', 'main');
  return text.split('\n').findIndex((l) => l.includes('retrain: {')) + 1;
}

async function drift(): Promise<{ code: number; err: string }> {
  const io = memoryIo({ cwd: work, env: { ...process.env, ...GIT_ENV, GITHUB_ACTIONS: '', GITHUB_TOKEN: '', INPUT_TOKEN: '', GITHUB_REPOSITORY: '' } });
  const code = await runCli(['drift', '--reference', 'data/train.csv', '--open-pr'], io);
  return { code, err: io.err };
}

describe('drift.retrain.branch', () => {
  it('the base branch itself is refused: nothing is committed to main', async () => {
    const line = setBranch('main');
    const main = git(remote, 'rev-parse', 'main');
    const { code, err } = await drift();
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`mlops drift: mlops\\.yaml:${line}:\\d+ \\(drift\\.retrain\\.branch\\): the retraining branch 'main' is the base of its pull request`));
    expect(git(remote, 'rev-parse', 'main')).toBe(main);
    expect(git(work, 'rev-parse', 'main')).toBe(main);
  });

  it('a name git refuses is named as such, before any commit', async () => {
    const line = setBranch('retrain weather');
    const { code, err } = await drift();
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`mlops\\.yaml:${line}:\\d+ \\(drift\\.retrain\\.branch\\): 'retrain weather' is not a valid git branch name`));
    expect(err).not.toMatch(/someone else/);
    expect(git(remote, 'for-each-ref', '--format=%(refname)', 'refs/heads')).toBe('refs/heads/main');
  });
});
