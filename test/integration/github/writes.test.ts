import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubEmulator, EMULATOR_TOKENS } from '../../support/github-emulator/index.ts';
import type { GitHubEmulator } from '../../support/github-emulator/index.ts';
import {
  createOctokit, openOrUpdatePullRequest, ensureRelease, ensureTag, ensureBranch, dispatchWorkflow, upsertStickyComment, GitHubError,
} from '../../../src/github/index.ts';
import type { GitHubClient } from '../../../src/github/index.ts';

const owner = 'octo-org';
const repo = 'demo';
const full = `${owner}/${repo}`;
let emu: GitHubEmulator;
let dir: string;

const client = (token: string = EMULATOR_TOKENS.pat, baseUrl = emu.url): GitHubClient =>
  createOctokit({ token, baseUrl, env: {}, retryAfterBaseValue: 1, writeSpacingMs: 0, log: { warn() {}, error() {} } });

beforeEach(async () => {
  emu = await startGitHubEmulator();
  dir = await mkdtemp(join(tmpdir(), 'mlops-gh-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await emu.close();
});

describe('openOrUpdatePullRequest', () => {
  const pr = (fields: Partial<Parameters<typeof openOrUpdatePullRequest>[1]> = {}) => ({
    owner, repo, head: 'mlops/retrain/weather', base: 'main', title: 'Retrain weather', body: 'drift found', labels: ['retrain', 'drift'], ...fields,
  });

  it('creates, then updates, then reports unchanged — never a second PR', async () => {
    emu.addBranch(full, 'mlops/retrain/weather');
    const octokit = client();
    const created = await openOrUpdatePullRequest(octokit, pr());
    expect(created.operation).toBe('created');
    const updated = await openOrUpdatePullRequest(octokit, pr({ body: 'drift found again' }));
    expect(updated).toMatchObject({ operation: 'updated', number: created.number });
    const same = await openOrUpdatePullRequest(octokit, pr({ body: 'drift found again' }));
    expect(same).toMatchObject({ operation: 'unchanged', number: created.number });

    expect(emu.state.pulls).toHaveLength(1);
    expect(emu.state.pulls[0]).toMatchObject({ body: 'drift found again', labels: ['retrain', 'drift'], state: 'open' });
    expect(emu.requestsFor('issues/add-labels')).toHaveLength(1);
    expect(same.url).toBe(`${emu.webUrl}/${full}/pull/${created.number}`);
  });

  it('a 502 after the PR was really opened still reports created, with one PR', async () => {
    emu.addBranch(full, 'mlops/retrain/weather');
    emu.injectFault('pulls/create', { status: 502, effect: (e) => { e.addPullRequest(full, { head: 'mlops/retrain/weather', title: 'Retrain weather', body: 'drift found' }); } });
    const result = await openOrUpdatePullRequest(client(), pr());
    expect(result.operation).toBe('created');
    expect(emu.state.pulls).toHaveLength(1);
    expect(emu.state.pulls[0].labels).toEqual(['retrain', 'drift']);
  });

  it('adds a missing label to an otherwise identical PR and calls that an update', async () => {
    emu.addBranch(full, 'mlops/retrain/weather');
    const octokit = client();
    await openOrUpdatePullRequest(octokit, pr({ labels: ['retrain'] }));
    const again = await openOrUpdatePullRequest(octokit, pr({ labels: ['retrain', 'urgent'] }));
    expect(again.operation).toBe('updated');
    expect(emu.state.pulls[0].labels).toEqual(['retrain', 'urgent']);
  });

  it('resolves the 422 "already exists" race by updating the PR the other run opened', async () => {
    emu.addBranch(full, 'mlops/retrain/weather');
    emu.injectFault('pulls/create', {
      status: 422, kind: 'already-exists', resource: 'PullRequest', field: 'head', message: 'A pull request already exists for octo-org:mlops/retrain/weather.',
      effect: (e) => { e.addPullRequest(full, { head: 'mlops/retrain/weather', title: 'other run', body: 'theirs' }); },
    });
    const result = await openOrUpdatePullRequest(client(), pr());
    expect(result.operation).toBe('updated');
    expect(emu.state.pulls).toHaveLength(1);
    expect(emu.state.pulls[0]).toMatchObject({ title: 'Retrain weather', body: 'drift found', labels: ['retrain', 'drift'] });
  });

  it('explains the Actions setting when GITHUB_TOKEN may not create pull requests', async () => {
    emu.addBranch(full, 'mlops/retrain/weather');
    const error = await openOrUpdatePullRequest(client(EMULATOR_TOKENS.actions), pr()).catch((e: unknown) => e) as GitHubError;
    expect(error).toBeInstanceOf(GitHubError);
    expect(error.message).toContain("Allow GitHub Actions to create and approve pull requests");
    emu.allowActionsToCreatePullRequests = true;
    expect((await openOrUpdatePullRequest(client(EMULATOR_TOKENS.actions), pr())).operation).toBe('created');
  });

  it('says to push the branch when there is nothing to merge', async () => {
    const mainSha = emu.state.repos.get(full)!.refs.get('refs/heads/main')!;
    emu.addBranch(full, 'mlops/retrain/weather', mainSha);
    const error = await openOrUpdatePullRequest(client(), pr()).catch((e: unknown) => e) as GitHubError;
    expect(error.message).toMatch(/No commits between main and mlops\/retrain\/weather.*push the branch/s);
  });
});

describe('ensureRelease', () => {
  async function assets() {
    const model = join(dir, 'model.tgz');
    const card = join(dir, 'card.md');
    await writeFile(model, Buffer.alloc(3000, 7));
    await writeFile(card, '# weather v1.0.0\n');
    return [
      { name: 'model.tgz', path: model, contentType: 'application/gzip' },
      { name: 'MODEL_CARD.md', path: card, contentType: 'text/markdown' },
    ];
  }

  it('creates a draft, uploads, publishes; then unchanged', async () => {
    const octokit = client();
    const files = await assets();
    const options = { owner, repo, tag: 'weather@v1.0.0', name: 'weather v1.0.0', body: 'metrics', assets: files };
    const first = await ensureRelease(octokit, options);
    expect(first.operation).toBe('created');
    const release = emu.state.releases[0];
    expect(release).toMatchObject({ draft: false, tagName: 'weather@v1.0.0', name: 'weather v1.0.0' });
    expect(release.assets.map((a) => [a.name, a.size, a.state])).toEqual([['model.tgz', 3000, 'uploaded'], ['MODEL_CARD.md', 17, 'uploaded']]);
    // Draft first, uploads while draft, publish last.
    const order = emu.requests.filter((r) => r.write).map((r) => r.operationId);
    expect(order).toEqual(['repos/create-release', 'repos/upload-release-asset', 'repos/upload-release-asset', 'repos/update-release']);
    expect(emu.requestsFor('repos/create-release')[0].body).toMatchObject({ draft: true });
    expect(emu.state.repos.get(full)!.refs.has('refs/tags/weather@v1.0.0')).toBe(true);

    const writesBefore = emu.requests.filter((r) => r.write).length;
    const second = await ensureRelease(octokit, options);
    expect(second).toMatchObject({ operation: 'unchanged', id: first.id });
    expect(emu.requests.filter((r) => r.write).length).toBe(writesBefore);
  });

  it('replaces a partial asset and finishes a leftover draft', async () => {
    const octokit = client();
    const files = await assets();
    // A crashed run left a draft with a half-uploaded model.
    const user = emu.user('mlops-user');
    emu.state.releases.push({
      id: 9001, repo: full, tagName: 'weather@v1.0.1', targetCommitish: 'main', name: 'weather v1.0.1', body: 'metrics', draft: true, prerelease: false,
      author: user, createdAt: '2026-01-01T00:00:00Z', publishedAt: null,
      assets: [{ id: 9002, name: 'model.tgz', label: null, contentType: 'application/gzip', size: 100, state: 'open', sha256: '', data: Buffer.alloc(100), uploader: user, createdAt: '2026-01-01T00:00:00Z' }],
    });
    const result = await ensureRelease(octokit, { owner, repo, tag: 'weather@v1.0.1', name: 'weather v1.0.1', body: 'metrics', assets: files });
    expect(result).toMatchObject({ operation: 'updated', id: 9001 });
    const release = emu.state.releases.find((r) => r.id === 9001)!;
    expect(release.draft).toBe(false);
    expect(release.assets.map((a) => [a.name, a.size, a.state])).toEqual([['model.tgz', 3000, 'uploaded'], ['MODEL_CARD.md', 17, 'uploaded']]);
    expect(emu.requestsFor('repos/delete-release-asset')).toHaveLength(1);
    expect(emu.requestsFor('repos/create-release')).toHaveLength(0);
  });

  it('a 502 after the draft or an asset was really stored creates no duplicates', async () => {
    const files = await assets();
    emu.injectFault('repos/create-release', {
      status: 502,
      effect: (e) => {
        e.state.releases.push({ id: 8001, repo: full, tagName: 'weather@v4.0.0', targetCommitish: 'main', name: 'v4', body: 'b', draft: true, prerelease: false, author: e.user('mlops-user'), createdAt: '2026-01-01T00:00:00Z', publishedAt: null, assets: [] });
      },
    });
    emu.injectFault('repos/upload-release-asset', {
      status: 502,
      // Half the file arrived before the connection broke.
      effect: (e) => {
        const r = e.state.releases.find((x) => x.id === 8001)!;
        r.assets.push({ id: 8002, name: 'model.tgz', label: null, contentType: 'application/gzip', size: 1000, state: 'open', sha256: '', data: Buffer.alloc(1000), uploader: e.user('mlops-user'), createdAt: '2026-01-01T00:00:00Z' });
      },
    });
    const result = await ensureRelease(client(), { owner, repo, tag: 'weather@v4.0.0', name: 'v4', body: 'b', assets: files });
    expect(result).toMatchObject({ operation: 'created', id: 8001 });
    expect(emu.state.releases).toHaveLength(1);
    expect(emu.state.releases[0].draft).toBe(false);
    expect(emu.state.releases[0].assets.map((a) => [a.name, a.size, a.state])).toEqual([['model.tgz', 3000, 'uploaded'], ['MODEL_CARD.md', 17, 'uploaded']]);
    expect(emu.requestsFor('repos/delete-release-asset')).toHaveLength(1);
  });

  it('handles the 422 already_exists race by continuing with the existing release', async () => {
    const octokit = client();
    const files = await assets();
    emu.injectFault('repos/create-release', {
      status: 422, kind: 'already-exists', resource: 'Release', field: 'tag_name',
      effect: (e) => {
        const user = e.user('someone-else');
        e.state.releases.push({ id: 7001, repo: full, tagName: 'weather@v2.0.0', targetCommitish: 'main', name: 'weather v2.0.0', body: 'metrics', draft: false, prerelease: false, author: user, createdAt: '2026-01-01T00:00:00Z', publishedAt: '2026-01-01T00:00:00Z', assets: [] });
      },
    });
    const result = await ensureRelease(octokit, { owner, repo, tag: 'weather@v2.0.0', name: 'weather v2.0.0', body: 'metrics', assets: files });
    expect(result).toMatchObject({ operation: 'updated', id: 7001 });
    expect(emu.state.releases).toHaveLength(1);
    expect(emu.state.releases[0].assets).toHaveLength(2);
  });

  it('retries an upload after a 502 without leaving a duplicate asset', async () => {
    const files = await assets();
    emu.injectFault('repos/upload-release-asset', 502);
    const result = await ensureRelease(client(), { owner, repo, tag: 'weather@v3.0.0', name: 'v3', body: 'b', assets: files });
    expect(result.operation).toBe('created');
    expect(emu.state.releases[0].assets.map((a) => a.name)).toEqual(['model.tgz', 'MODEL_CARD.md']);
    expect(emu.state.releases[0].assets[0].data.equals(Buffer.alloc(3000, 7))).toBe(true);
  });
});

describe('tags, branches and dispatch', () => {
  it('creates an annotated tag once, then unchanged; refuses to move it', async () => {
    const octokit = client();
    const sha = emu.addBranch(full, 'feature');
    const options = { owner, repo, tag: 'weather@v1.0.0', sha, message: '{"model":"weather"}' };
    expect((await ensureTag(octokit, options)).operation).toBe('created');
    expect(emu.state.tags[0]).toMatchObject({ tag: 'weather@v1.0.0', message: '{"model":"weather"}', object: { sha, type: 'commit' } });
    expect((await ensureTag(octokit, options)).operation).toBe('unchanged');
    const other = emu.addBranch(full, 'other');
    await expect(ensureTag(octokit, { ...options, sha: other })).rejects.toThrow(/never moved/);
  });

  it('tag names with # and @ survive the URL round trip', async () => {
    const octokit = client();
    const sha = emu.addBranch(full, 'feature');
    expect((await ensureTag(octokit, { owner, repo, tag: 'weather#production#1', sha, message: 'm' })).operation).toBe('created');
    expect(emu.state.repos.get(full)!.refs.has('refs/tags/weather#production#1')).toBe(true);
    expect((await ensureTag(octokit, { owner, repo, tag: 'weather#production#1', sha, message: 'm' })).operation).toBe('unchanged');
  });

  it('creates, moves and leaves a branch', async () => {
    const octokit = client();
    const a = emu.commit('a');
    const b = emu.commit('b');
    expect((await ensureBranch(octokit, { owner, repo, branch: 'mlops/retrain/weather', sha: a })).operation).toBe('created');
    expect((await ensureBranch(octokit, { owner, repo, branch: 'mlops/retrain/weather', sha: a })).operation).toBe('unchanged');
    expect((await ensureBranch(octokit, { owner, repo, branch: 'mlops/retrain/weather', sha: b, force: true })).operation).toBe('updated');
    expect(emu.state.repos.get(full)!.refs.get('refs/heads/mlops/retrain/weather')).toBe(b);
  });

  it('dispatches a workflow and names `actions: write` when forbidden', async () => {
    await dispatchWorkflow(client(), { owner, repo, workflow: 'train.yml', ref: 'main', inputs: { model: 'weather', reason: 'drift' } });
    expect(emu.state.dispatches).toEqual([{ repo: full, workflow: 'train.yml', ref: 'main', inputs: { model: 'weather', reason: 'drift' } }]);
    await emu.close();
    emu = await startGitHubEmulator({ tokens: { t: { login: 'github-actions[bot]', type: 'Bot', kind: 'installation', permissions: { actions: 'read' } } } });
    await expect(dispatchWorkflow(client('t'), { owner, repo, workflow: 'train.yml', ref: 'main' })).rejects.toThrow(/`actions: write`/);
  });

  it('a dispatch answered 502 after it started its run is not sent again (one training run); one that did not is', async () => {
    const main = emu.state.repos.get(full)!.refs.get('refs/heads/main')!;
    const applied = (e: GitHubEmulator) => {
      e.state.dispatches.push({ repo: full, workflow: 'train.yml', ref: 'main', inputs: { pr: '7' } });
      e.state.workflowRuns.push({ id: 9001, repo: full, workflow: 'train.yml', headBranch: 'main', headSha: main, event: 'workflow_dispatch', inputs: { pr: '7' }, createdAt: new Date().toISOString() });
    };
    emu.injectFault('actions/create-workflow-dispatch', { status: 502, effect: applied });
    expect(await dispatchWorkflow(client(), { owner, repo, workflow: 'train.yml', ref: 'main', inputs: { pr: '7' }, headSha: main })).toEqual({ operation: 'created' });
    expect(emu.state.dispatches).toHaveLength(1);
    expect(emu.state.workflowRuns).toHaveLength(1);

    // Not applied (the gateway failed before GitHub saw it): dispatched again, once.
    emu.injectFault('actions/create-workflow-dispatch', 502);
    await dispatchWorkflow(client(), { owner, repo, workflow: 'train.yml', ref: 'main', inputs: { pr: '7' }, headSha: main });
    expect(emu.state.dispatches).toHaveLength(2);
    expect(emu.requestsFor('actions/create-workflow-dispatch')).toHaveLength(3);
  });

  it('says the token cannot see a repository that does not exist for it', async () => {
    const error = await upsertStickyComment(client(), { owner, repo: 'secret', issueNumber: 1, kind: 'k', name: 'n', body: 'b' }).catch((e: unknown) => e) as GitHubError;
    expect(error.status).toBe(404);
    expect(error.message).toContain('cannot see this repository');
  });
});

describe('GitHub Enterprise Server', () => {
  it('works under /api/v3 with uploads under /api/uploads, base URL taken from GITHUB_API_URL', async () => {
    await emu.close();
    emu = await startGitHubEmulator({ flavor: 'ghes' });
    expect(emu.url).toMatch(/\/api\/v3$/);
    const octokit = createOctokit({ env: { GITHUB_API_URL: emu.url, GITHUB_TOKEN: EMULATOR_TOKENS.actions }, retryAfterBaseValue: 1, writeSpacingMs: 0 });
    const pr = emu.addPullRequest(full, { head: 'feature' });
    expect((await upsertStickyComment(octokit, { owner, repo, issueNumber: pr.number, kind: 'validate', name: 'w', body: 'x' })).operation).toBe('created');
    const file = join(dir, 'a.txt');
    await writeFile(file, 'hello');
    expect((await ensureRelease(octokit, { owner, repo, tag: 'w@v1.0.0', name: 'w', body: 'b', assets: [{ name: 'a.txt', path: file, contentType: 'text/plain' }] })).operation).toBe('created');
    const raw = emu.requests.map((r) => r.path);
    expect(raw.every((p) => !p.startsWith('/api/'))).toBe(true); // prefixes stripped, so every request was routed
    expect(emu.requestsFor('repos/upload-release-asset')).toHaveLength(1);
  });
});

describe('connectivity', () => {
  it('a refused connection is described as unreachable, naming GITHUB_API_URL', async () => {
    const { createServer } = await import('node:net');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const octokit = createOctokit({ token: EMULATOR_TOKENS.pat, baseUrl: `http://127.0.0.1:${port}`, env: {}, retryAfterBaseValue: 1, retries: 1, log: { warn() {}, error() {} } });
    const error = await dispatchWorkflow(octokit, { owner, repo, workflow: 'train.yml', ref: 'main' }).catch((e: unknown) => e) as GitHubError;
    expect(error).toBeInstanceOf(GitHubError);
    expect(error.message).toMatch(/no answer from GitHub .*ECONNREFUSED/);
    expect(error.message).toContain(`http://127.0.0.1:${port} is reachable`);
    expect(error.message).toContain('GITHUB_API_URL');
  });
});
