import { describe, expect, expectTypeOf, it } from 'vitest';
import { describeGitHubError, withGitHubError, GitHubError, isMissingPermission } from '../../../src/github/index.ts';
import { isExpectedError, ServiceError } from '../../../src/core/errors.ts';

function requestError(status: number, method: string, path: string, message: string, headers: Record<string, string> = {}, data: unknown = { message }) {
  // The shape of @octokit/request-error's RequestError (what Octokit throws).
  return Object.assign(new Error(message), {
    name: 'HttpError', status,
    request: { method, url: `https://api.github.com${path}`, headers: { authorization: 'token secret-token-value' } },
    response: { status, url: `https://api.github.com${path}`, headers, data },
  });
}

describe('describeGitHubError', () => {
  it('403 on a comment names pull-requests: write', () => {
    const text = describeGitHubError(requestError(403, 'POST', '/repos/o/r/issues/7/comments', 'Resource not accessible by integration'), 'create the comment');
    expect(text).toMatch(/^Could not create the comment: GitHub answered 403 "Resource not accessible by integration"\./);
    expect(text).toContain('grant `pull-requests: write`');
    expect(text).not.toContain('secret-token-value');
  });

  it('maps each endpoint family to its permission', () => {
    const cases: Array<[string, string, string]> = [
      ['POST', '/repos/o/r/pulls', '`pull-requests: write` and `contents: write`'],
      ['POST', '/repos/o/r/releases', '`contents: write`'],
      ['POST', '/repos/o/r/git/refs', '`contents: write`'],
      ['POST', '/repos/o/r/actions/workflows/train.yml/dispatches', '`actions: write`'],
      ['POST', '/repos/o/r/issues/3/labels', '`pull-requests: write`'],
    ];
    for (const [method, path, permission] of cases) {
      expect(describeGitHubError(requestError(403, method, path, 'Resource not accessible by integration'), 'x')).toContain(permission);
    }
  });

  it('the Actions PR-creation setting', () => {
    const text = describeGitHubError(requestError(403, 'POST', '/repos/o/r/pulls', 'GitHub Actions is not permitted to create or approve pull requests.'), 'open the PR');
    expect(text).toContain("Enable 'Allow GitHub Actions to create and approve pull requests'");
    expect(text).toContain('Settings → Actions');
  });

  it('401, 404, 410, 422, 5xx, rate limits and network errors', () => {
    expect(describeGitHubError(requestError(401, 'GET', '/user', 'Bad credentials'), 'x')).toMatch(/token is missing, invalid or expired/);
    expect(describeGitHubError(requestError(404, 'GET', '/repos/o/r', 'Not Found'), 'x')).toMatch(/cannot see this repository/);
    expect(describeGitHubError(requestError(410, 'POST', '/repos/o/r/issues/1/comments', 'Issues are disabled for this repo'), 'x')).toMatch(/disabled/);
    const v = describeGitHubError(requestError(422, 'POST', '/repos/o/r/releases', 'Validation Failed', {}, { message: 'Validation Failed', errors: [{ resource: 'Release', field: 'tag_name', code: 'already_exists' }] }), 'x');
    expect(v).toContain('(Release tag_name already_exists)');
    expect(describeGitHubError(requestError(502, 'GET', '/repos/o/r', 'Bad Gateway'), 'x')).toMatch(/server error/);
    expect(describeGitHubError(requestError(403, 'POST', '/repos/o/r/issues/1/comments', 'You have exceeded a secondary rate limit', { 'retry-after': '60' }), 'x')).toMatch(/secondary rate limit/);
    expect(describeGitHubError(requestError(403, 'GET', '/repos/o/r', 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800000000' }), 'x')).toMatch(/resets at 2027-01-15T08:00:00.000Z/);
    expect(describeGitHubError(Object.assign(new Error('fetch failed'), {}), 'reach GitHub')).toMatch(/GITHUB_API_URL/);
  });

  it('withGitHubError wraps with status and cause, and passes GitHubErrors through', async () => {
    const original = requestError(403, 'PATCH', '/repos/o/r/issues/comments/1', 'Resource not accessible by integration');
    const error = await withGitHubError('update it', () => Promise.reject(original)).catch((e: unknown) => e) as GitHubError;
    expect(error).toBeInstanceOf(GitHubError);
    expect(error.status).toBe(403);
    expect(error.cause).toBe(original);
    expect(await withGitHubError('again', () => Promise.reject(error)).catch((e: unknown) => e)).toBe(error);
  });
});

describe('isMissingPermission and the exit-2 contract', () => {
  const wrap = (error: unknown) => withGitHubError('create the comment', () => Promise.reject(error)).catch((e: unknown) => e);

  it('is true for a permission 403, false for rate limits, the PR-creation setting and other statuses', async () => {
    expect(isMissingPermission(await wrap(requestError(403, 'POST', '/repos/o/r/issues/7/comments', 'Resource not accessible by integration')))).toBe(true);
    expect(isMissingPermission(await wrap(requestError(403, 'POST', '/repos/o/r/issues/7/comments', 'You have exceeded a secondary rate limit', { 'retry-after': '60' })))).toBe(false);
    expect(isMissingPermission(await wrap(requestError(403, 'GET', '/repos/o/r/issues/7/comments', 'API rate limit exceeded', { 'x-ratelimit-remaining': '0' })))).toBe(false);
    expect(isMissingPermission(await wrap(requestError(403, 'POST', '/repos/o/r/pulls', 'GitHub Actions is not permitted to create or approve pull requests.')))).toBe(false);
    expect(isMissingPermission(await wrap(requestError(401, 'POST', '/repos/o/r/issues/7/comments', 'Bad credentials')))).toBe(false);
    expect(isMissingPermission(requestError(403, 'POST', '/repos/o/r/issues/7/comments', 'Resource not accessible by integration'))).toBe(false);
  });

  it('is the one type guard the CLI and the actions share: true means a GitHubError, read without a cast (checked by tsc)', async () => {
    expectTypeOf(isMissingPermission).guards.toEqualTypeOf<GitHubError>();
    const error: unknown = await wrap(requestError(403, 'POST', '/repos/o/r/issues/7/comments', 'Resource not accessible by integration'));
    if (!isMissingPermission(error)) throw new Error('a permission 403 must be recognised');
    // `error` is narrowed from unknown: these compile only because the helper is a type guard.
    expect(error.attempted).toBe('create the comment');
    expect(error.status).toBe(403);
    // Something merely shaped like a permission 403 is not one (the guard must not lie).
    expect(isMissingPermission({ status: 403, message: 'Resource not accessible by integration', attempted: 'x' })).toBe(false);
  });

  it('a GitHubError is an expected error (exit 2, one line, no stack), not an internal one', async () => {
    const error = await wrap(requestError(401, 'GET', '/user', 'Bad credentials'));
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toBeInstanceOf(ServiceError);
    expect(isExpectedError(error)).toBe(true);
    expect(isExpectedError(new Error('bug'))).toBe(false);
  });
});
