import { describe, expect, it } from 'vitest';
import { createOctokit, resolveBaseUrl, resolveToken } from '../../../src/github/index.ts';

describe('createOctokit', () => {
  it('token: option, then INPUT_TOKEN, then GITHUB_TOKEN', () => {
    expect(resolveToken({ token: 'opt', env: { INPUT_TOKEN: 'in', GITHUB_TOKEN: 'gh' } })).toBe('opt');
    expect(resolveToken({ env: { INPUT_TOKEN: 'in', GITHUB_TOKEN: 'gh' } })).toBe('in');
    expect(resolveToken({ env: { INPUT_TOKEN: '  ', GITHUB_TOKEN: 'gh' } })).toBe('gh');
    expect(resolveToken({ env: {} })).toBeUndefined();
  });

  it('base URL: option, then GITHUB_API_URL (GHES), then api.github.com', () => {
    expect(resolveBaseUrl({ baseUrl: 'http://x/', env: { GITHUB_API_URL: 'http://y' } })).toBe('http://x');
    expect(resolveBaseUrl({ env: { GITHUB_API_URL: 'https://ghe.example.com/api/v3/' } })).toBe('https://ghe.example.com/api/v3');
    expect(resolveBaseUrl({ env: {} })).toBe('https://api.github.com');
  });

  it('hands the token to onSecret once, and nothing when there is none', () => {
    const seen: string[] = [];
    const octokit = createOctokit({ env: { GITHUB_TOKEN: 'ghs_abc' }, onSecret: (v) => seen.push(v) });
    expect(seen).toEqual(['ghs_abc']);
    expect(octokit.request.endpoint.DEFAULTS.baseUrl).toBe('https://api.github.com');
    createOctokit({ env: {}, onSecret: (v) => seen.push(v) });
    expect(seen).toEqual(['ghs_abc']);
  });

  it('uses GITHUB_API_URL for requests', () => {
    const octokit = createOctokit({ env: { GITHUB_API_URL: 'https://ghe.example.com/api/v3' } });
    const { url } = octokit.request.endpoint('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' });
    expect(url).toBe('https://ghe.example.com/api/v3/repos/o/r');
  });
});
