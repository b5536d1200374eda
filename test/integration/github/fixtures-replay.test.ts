import { describe, expect, it } from 'vitest';
import { startFixtureReplay, loadFixture } from '../../support/github-emulator/replay.ts';
import { validateResponse } from '../../support/github-emulator/index.ts';
import { createOctokit } from '../../../src/github/index.ts';

// The token recorded in @octokit/fixtures (a placeholder, not a secret).
const FIXTURE_TOKEN = '0000000000000000000000000000000000000001';

describe('recorded GitHub interactions (@octokit/fixtures) replayed through our client', () => {
  it('release assets: get by tag, upload to upload_url, list, get, update, delete', async () => {
    const replay = await startFixtureReplay('api.github.com/release-assets');
    try {
      const octokit = createOctokit({ token: FIXTURE_TOKEN, baseUrl: replay.url, env: {}, retryAfterBaseValue: 1, writeSpacingMs: 0, retries: 0 });
      const owner = 'octokit-fixture-org';
      const repo = 'release-assets';
      const { data: release } = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v1.0.0' });
      // The upload goes to the release's upload_url exactly as ensureRelease sends it.
      const { data: asset } = await octokit.request({
        method: 'POST', url: release.upload_url, name: 'test-upload.txt', label: 'test',
        data: 'Hello, world!\n', headers: { 'content-type': 'text/plain', 'content-length': 14 },
      });
      expect(asset.name).toBe('test-upload.txt');
      const { data: assets } = await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: release.id });
      expect(assets.map((a) => a.id)).toEqual([asset.id]);
      await octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id: asset.id });
      await octokit.rest.repos.updateReleaseAsset({ owner, repo, asset_id: asset.id, name: 'new-filename.txt', label: 'new label' });
      await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id });
      expect(replay.mismatches).toEqual([]);
      expect(replay.served()).toBe(replay.recording.length);
    } finally {
      await replay.close();
    }
  });

  it('pagination: octokit.paginate follows GitHub\'s recorded /repositories/{id} Link headers', async () => {
    const replay = await startFixtureReplay('api.github.com/paginate-issues');
    try {
      const octokit = createOctokit({ token: FIXTURE_TOKEN, baseUrl: replay.url, env: {}, retries: 0 });
      const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: 'octokit-fixture-org', repo: 'paginate-issues', per_page: 3 });
      expect(issues.length).toBe(replay.recording.reduce((n, call) => n + (call.response as unknown[]).length, 0));
      expect(replay.mismatches).toEqual([]);
      expect(replay.served()).toBe(5);
    } finally {
      await replay.close();
    }
  });

  it('the emulator writes Link headers in the recorded format', async () => {
    const recorded = loadFixture('api.github.com/paginate-issues').map((c) => c.headers.link);
    // rel order on first, middle and last pages: next,last / prev,next,last,first / prev,first
    const rels = (link: string) => [...link.matchAll(/rel="(\w+)"/g)].map((m) => m[1]).join(',');
    expect(recorded.map(rels)).toEqual(['next,last', 'prev,next,last,first', 'prev,next,last,first', 'prev,next,last,first', 'prev,first']);
    const { startGitHubEmulator } = await import('../../support/github-emulator/index.ts');
    const emu = await startGitHubEmulator();
    try {
      const pr = emu.addPullRequest('octo-org/demo', { head: 'f' });
      for (let i = 0; i < 7; i++) emu.addComment('octo-org/demo', pr.number, `c${i}`);
      const links: string[] = [];
      for (const page of [1, 2, 3]) {
        const res = await fetch(`${emu.url}/repos/octo-org/demo/issues/${pr.number}/comments?per_page=3&page=${page}`);
        links.push(res.headers.get('link') ?? '');
        await res.arrayBuffer();
      }
      expect(links.map(rels)).toEqual(['next,last', 'prev,next,last,first', 'prev,first']);
      const repoId = emu.state.repos.get('octo-org/demo')!.id;
      expect(links[0]).toBe(`<${emu.url}/repositories/${repoId}/issues/${pr.number}/comments?per_page=3&page=2>; rel="next", <${emu.url}/repositories/${repoId}/issues/${pr.number}/comments?per_page=3&page=3>; rel="last"`);
    } finally {
      await emu.close();
    }
  });

  it('real recorded responses pass our OpenAPI validator, except the `digest` field GitHub added later', () => {
    const calls = loadFixture('api.github.com/release-assets');
    const ids = ['repos/get-release-by-tag', 'repos/upload-release-asset', 'repos/list-release-assets', 'repos/get-release-asset', 'repos/update-release-asset', 'repos/delete-release-asset'];
    const problems = calls.map((call, i) => validateResponse(ids[i], call.status, call.response === '' ? undefined : call.response));
    expect(problems[0]).toEqual([]);
    expect(problems[5]).toEqual([]);
    for (const list of problems.slice(1, 5)) {
      expect(list.length).toBe(1);
      expect(list[0]).toMatch(/required property 'digest'/);
    }
    // And the validator is not blind: a recorded release with a wrong type is rejected.
    const broken = { ...(calls[0].response as Record<string, unknown>), id: 'not-a-number' };
    expect(validateResponse('repos/get-release-by-tag', 200, broken).join('\n')).toMatch(/\/id must be integer/);
  });
});
