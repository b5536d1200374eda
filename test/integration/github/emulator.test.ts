import { describe, expect, it } from 'vitest';
import { startGitHubEmulator, EMULATOR_TOKENS } from '../../support/github-emulator/index.ts';

const auth = { authorization: `token ${EMULATOR_TOKENS.pat}`, 'content-type': 'application/json' };

describe('GitHub emulator contract checks', () => {
  it('records a request that violates the OpenAPI description and fails close()', async () => {
    const emu = await startGitHubEmulator();
    const pr = emu.addPullRequest('octo-org/demo', { head: 'f' });
    // `text` instead of the required `body`.
    const res = await fetch(`${emu.url}/repos/octo-org/demo/issues/${pr.number}/comments`, { method: 'POST', headers: auth, body: JSON.stringify({ text: 'hi' }) });
    expect(res.status).toBe(422);
    await res.arrayBuffer();
    expect(emu.violations.join('\n')).toMatch(/request body must have required property 'body'/);
    expect(emu.state.comments).toHaveLength(0);
    await expect(emu.close()).rejects.toThrow(/OpenAPI violation/);
  });

  it('rejects unknown query parameters and path parameters of the wrong type', async () => {
    const emu = await startGitHubEmulator();
    emu.addPullRequest('octo-org/demo', { head: 'f' });
    for (const path of ['/repos/octo-org/demo/issues/1/comments?perPage=100', '/repos/octo-org/demo/issues/one/comments']) {
      const res = await fetch(`${emu.url}${path}`, { headers: auth });
      await res.arrayBuffer();
    }
    expect(emu.violations.join('\n')).toMatch(/query parameters must NOT have additional properties/);
    expect(emu.violations.join('\n')).toMatch(/path parameters\/issue_number must be integer/);
    expect(() => emu.assertNoViolations()).toThrow();
    emu.violations.length = 0;
    await emu.close();
  });

  it('treats a call the product is not known to make as a violation', async () => {
    const emu = await startGitHubEmulator();
    const res = await fetch(`${emu.url}/repos/octo-org/demo/deployments`, { headers: auth });
    expect(res.status).toBe(404);
    await res.arrayBuffer();
    expect(emu.violations[0]).toMatch(/^unimplemented: GET \/repos\/octo-org\/demo\/deployments/);
    emu.violations.length = 0;
    await emu.close();
  });

  it('serves queued faults in order, with retry-after on secondary rate limits, then recovers', async () => {
    const emu = await startGitHubEmulator();
    emu.injectFault('GET /repos/{owner}/{repo}', 500, { status: 403, kind: 'secondary-rate-limit', retryAfter: 7 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    let message = '';
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${emu.url}/repos/octo-org/demo`, { headers: auth });
      statuses.push(res.status);
      const body = await res.json() as { message: string };
      if (res.status === 403) { retryAfter = res.headers.get('retry-after'); message = body.message; }
    }
    expect(statuses).toEqual([500, 403, 200]);
    expect(retryAfter).toBe('7');
    expect(message).toMatch(/secondary rate limit/);
    expect(emu.pendingFaults()).toBe(0);
    await emu.close();
  });

  it('answers GET /user with 403 for an installation token and 401 for an unknown one', async () => {
    const emu = await startGitHubEmulator();
    const status = async (token: string) => { const r = await fetch(`${emu.url}/user`, { headers: { authorization: `token ${token}` } }); await r.arrayBuffer(); return r.status; };
    expect(await status(EMULATOR_TOKENS.actions)).toBe(403);
    expect(await status('ghp_unknown')).toBe(401);
    expect(await status(EMULATOR_TOKENS.pat)).toBe(200);
    await emu.close();
  });
});
