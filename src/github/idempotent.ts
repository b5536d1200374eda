/**
 * Creating things exactly once over an unreliable network. A POST that fails with a 5xx or a
 * dropped connection may still have been applied by GitHub; plugin-retry would then send it again
 * and create a duplicate comment, draft release or asset. So creates run without automatic
 * retries, and after an ambiguous failure we look for the object before trying again.
 */
import { retryBaseOf } from './client.ts';
import type { GitHubClient } from './client.ts';
import { statusOf } from './errors.ts';

/** Per-request option that turns plugin-retry off for one call. */
export const NO_RETRY = { retries: 0 } as const;

/** True when a failure leaves it unknown whether GitHub applied the request. */
export function isAmbiguous(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

/**
 * Runs `create` (which must pass {@link NO_RETRY} as its `request` option); after an ambiguous
 * failure waits (quadratic backoff, the client's `retryAfterBaseValue`), calls `find`, and returns
 * what it finds — else tries `create` again, at most `attempts` times in all.
 */
export async function createOnce<T>(octokit: GitHubClient, create: () => Promise<T>, find: () => Promise<T | undefined>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!isAmbiguous(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryBaseOf(octokit) * attempt * attempt));
      const found = await find();
      if (found !== undefined) return found;
    }
  }
}
