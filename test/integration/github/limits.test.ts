import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_TOKENS, GITHUB_LIMITS, startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.ts';
import { createOctokit, openOrUpdatePullRequest, type GitHubClient } from '../../../src/github/index.ts';
import { retrainTitle } from '../../../src/github/retrain.ts';

/**
 * GitHub refuses a pull-request title over 256 characters (422 "title is too long (maximum is 256
 * characters)"). The retraining pull request names the drifted columns in its title, and column
 * names are data: three long ones made every drift run fail after pushing the branch, run after
 * run, since the same findings give the same title.
 */
const owner = 'octo-org';
const repo = 'demo';
let emu: GitHubEmulator;
const client = (): GitHubClient => createOctokit({ token: EMULATOR_TOKENS.pat, baseUrl: emu.url, env: {}, retryAfterBaseValue: 1, writeSpacingMs: 0, log: { warn() {}, error() {} } });
const points = (text: string) => [...text].length;

beforeEach(async () => {
  emu = await startGitHubEmulator();
  emu.addBranch(`${owner}/${repo}`, 'mlops/retrain/weather');
});
afterEach(async () => {
  emu.assertNoViolations();
  await emu.close();
});

describe('pull-request titles fit GitHub\'s 256 characters', () => {
  it('the emulator refuses a longer title, as GitHub does', async () => {
    const octokit = client();
    await expect(octokit.rest.pulls.create({ owner, repo, head: 'mlops/retrain/weather', base: 'main', title: 'x'.repeat(257) }))
      .rejects.toMatchObject({ status: 422 });
    expect(emu.state.pulls).toHaveLength(0);
  });

  it('openOrUpdatePullRequest cuts a long title (on one line) and opens the pull request; the next run with the same title is unchanged', async () => {
    const title = `Retrain weather: data drift in ${'feature_with_a_really_long_engineered_name_'.repeat(8)}`;
    const options = { owner, repo, head: 'mlops/retrain/weather', base: 'main', title: `${title}\nsecond line`, body: 'drift' };
    const first = await openOrUpdatePullRequest(client(), options);
    expect(first.operation).toBe('created');
    const pull = emu.state.pulls[0]!;
    expect(points(pull.title)).toBeLessThanOrEqual(GITHUB_LIMITS.title);
    expect(pull.title).not.toMatch(/\n/);
    expect(pull.title.startsWith('Retrain weather: data drift in feature_with')).toBe(true);
    expect(pull.title.endsWith('…')).toBe(true);
    const again = await openOrUpdatePullRequest(client(), options);
    expect(again).toMatchObject({ operation: 'unchanged', number: first.number });
  });

  it('a title of astral characters is measured in characters, not UTF-16 units', async () => {
    const title = '📈'.repeat(200);
    await openOrUpdatePullRequest(client(), { owner, repo, head: 'mlops/retrain/weather', base: 'main', title, body: 'drift' });
    expect(emu.state.pulls[0]!.title).toBe(title);
  });
});

describe('retrainTitle', () => {
  it('names up to three drifted columns and how many more, within the limit', () => {
    expect(retrainTitle('weather', ['wind'])).toBe('Retrain weather: data drift in wind');
    expect(retrainTitle('weather', ['a', 'b', 'c', 'd', 'e'])).toBe('Retrain weather: data drift in a, b, c and 2 more');
  });

  it('shortens long column names so that the count of the others is kept', () => {
    const long = (i: number) => `customer_transactions_rolling_30d_mean_amount_normalized_by_region_and_segment_${i}_${'x'.repeat(40)}`;
    const title = retrainTitle('weather', [long(1), long(2), long(3), long(4)]);
    expect(points(title)).toBeLessThanOrEqual(GITHUB_LIMITS.title);
    expect(title).toMatch(/^Retrain weather: data drift in customer_transactions/);
    expect(title).toMatch(/ and 1 more$/);
    // A name with a line break (a CSV header may hold one) stays on one line.
    expect(retrainTitle('weather', ['a\nb'])).toBe('Retrain weather: data drift in a b');
  });
});
