import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import evaluateAction from '../../../src/actions/evaluate.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { createOctokit, stickyMarker, upsertStickyComment } from '../../../src/github/index.ts';
import { EMULATOR_TOKENS, startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.ts';

// The pull-request workflow calls the evaluate action with `outdated: <reason>` when a push was
// not evaluated (validation failed, training failed or was skipped): the sticky comment of the
// earlier evaluation must say that it is about an earlier commit.

const repoName = 'octo-org/demo';
let emu: GitHubEmulator;
let dir: string;
beforeEach(async () => {
  emu = await startGitHubEmulator();
  dir = await mkdtemp(join(tmpdir(), 'mlops-outdated-'));
  await writeFile(join(dir, 'mlops.yaml'), 'name: weather\ndata: { train: train.csv, label: weather }\nmodel: { type: mlp }\n');
});
afterEach(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

async function runAction(prNumber: number, inputs: Record<string, string>): Promise<{ code: number; out: string; outputs: string }> {
  const event = join(dir, 'event.json');
  await writeFile(event, JSON.stringify({ pull_request: { number: prNumber, head: { sha: 'c0ffee1'.padEnd(40, '0'), ref: 'feature' }, base: { ref: 'main' } }, number: prNumber }));
  const outputs = join(dir, 'outputs.txt');
  await writeFile(outputs, '');
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: dir, GITHUB_REPOSITORY: repoName, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: emu.url, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '77', GITHUB_SHA: 'b'.repeat(40), GITHUB_OUTPUT: outputs, GITHUB_ACTIONS: 'true',
    INPUT_TOKEN: EMULATOR_TOKENS.actions, 'INPUT_TOKEN-IS-DEFAULT': 'true',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const io = memoryIo({ cwd: dir, env });
  const code = await evaluateAction.run(io);
  return { code, out: io.out + io.err, outputs: await readFile(outputs, 'utf8') };
}

describe('actions/evaluate with outdated: <reason>', () => {
  it('puts the reason and the head commit above the earlier report, once, without evaluating anything', async () => {
    const pr = emu.addPullRequest(repoName, { head: 'feature' });
    const octokit = createOctokit({ token: EMULATOR_TOKENS.actions, baseUrl: emu.url, env: {} });
    await upsertStickyComment(octokit, { owner: 'octo-org', repo: 'demo', issueNumber: pr.number, kind: 'evaluate', name: 'weather', body: '## Evaluation of `weather`\n✅ passed' });

    const first = await runAction(pr.number, { outdated: 'validation failed <img src=x> **see** the validation comment' });
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/evaluation comment marked outdated \(updated\) on pull request #/);
    const body = emu.commentsOn(repoName, pr.number)[0].body;
    expect(body.startsWith(`${stickyMarker('evaluate', 'weather')}\n<!-- mlops:notice -->\n> [!WARNING]\n> **Not evaluated at \`c0ffee1\`:** validation failed &#60;img src=x&#62; &#42;&#42;see&#42;&#42; the validation comment.`)).toBe(true);
    expect(body.endsWith('## Evaluation of `weather`\n✅ passed')).toBe(true);
    expect(first.outputs).toMatch(/^comment-url=\S+#issuecomment-\d+\n$/);

    const again = await runAction(pr.number, { outdated: 'validation failed <img src=x> **see** the validation comment' });
    expect(again.out).toMatch(/marked outdated \(unchanged\)/);
    expect(emu.commentsOn(repoName, pr.number)).toHaveLength(1);
    emu.assertNoViolations();
  });

  it('does nothing when the pull request has no evaluation comment, or comments are off', async () => {
    const pr = emu.addPullRequest(repoName, { head: 'feature' });
    const none = await runAction(pr.number, { outdated: 'training failed' });
    expect(none.code, none.out).toBe(0);
    expect(none.out).toMatch(/evaluation comment not marked: no evaluate comment for weather/);
    const off = await runAction(pr.number, { outdated: 'training failed', comment: 'false' });
    expect(off.code).toBe(0);
    expect(emu.commentsOn(repoName, pr.number)).toHaveLength(0);
    expect(emu.requests.filter((r) => r.write)).toHaveLength(0);
  });
});
