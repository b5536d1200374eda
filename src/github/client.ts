/**
 * The one Octokit factory of the product (DESIGN §6): `@octokit/rest` with the retry and
 * throttling plugins, the base URL from `GITHUB_API_URL` (GitHub Enterprise Server works), the
 * token from an option or the environment, and mutating requests sent strictly one at a time.
 *
 * Domain code must stay free of `@actions/core`; the caller registers the token as a secret
 * through `onSecret` (src/actions passes `core.setSecret`).
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { ThrottlingOptions } from '@octokit/plugin-throttling';

/** The logger Octokit and our plugins write to. Every method receives already-redacted text. */
export interface GitHubLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Options of {@link createOctokit}. Every field is optional; the environment fills the gaps. */
export interface CreateOctokitOptions {
  /** Token (PAT, App installation token or `GITHUB_TOKEN`). Default: `INPUT_TOKEN`, then `GITHUB_TOKEN`. */
  token?: string;
  /** REST base URL. Default: `GITHUB_API_URL`, then `https://api.github.com`. */
  baseUrl?: string;
  /** Environment to read defaults from (tests pass their own). Default: `process.env`. */
  env?: Record<string, string | undefined>;
  /** Called once with the token so the caller can mask it (e.g. `core.setSecret`). */
  onSecret?: (value: string) => void;
  /** Where retries and rate-limit waits are reported. Default: warnings and errors to stderr. */
  log?: Partial<GitHubLogger>;
  /** Retries of a request after a 5xx / network error (plugin-retry). Default 3. */
  retries?: number;
  /** Retries after a primary or secondary rate limit (plugin-throttling). Default 3. */
  rateLimitRetries?: number;
  /**
   * Milliseconds per unit of backoff. plugin-retry waits `base × attempt²`, plugin-throttling waits
   * `retry-after × base`, and a rate limit that names no wait is retried after
   * {@link RATE_LIMIT_FALLBACK_SECONDS} `× base`. Default 1000 (real seconds); tests pass 1 to make
   * every wait tiny.
   */
  retryAfterBaseValue?: number;
  /** A rate limit that resets further away than this is not waited for (seconds). Default 900. */
  maxRateLimitWaitSeconds?: number;
  /**
   * Minimum gap between the end of one write and the start of the next (ms). GitHub asks
   * integrations to wait at least a second between mutating requests to stay clear of secondary
   * rate limits. Default 1000; tests pass 0.
   */
  writeSpacingMs?: number;
  /** `User-Agent` suffix. */
  userAgent?: string;
}

const DEFAULT_API_URL = 'https://api.github.com';
const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Seconds to wait after a rate-limit answer that says neither `retry-after` nor when the limit
 * resets: GitHub's guidance for secondary rate limits is then "wait at least one minute".
 */
export const RATE_LIMIT_FALLBACK_SECONDS = 60;

/** plugin-retry's statuses never retried, plus 429: a rate limit is waited out below, not retried within seconds. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

const ProductOctokit = Octokit.plugin(retry, throttling);

/** The client type every helper in src/github accepts. */
export type GitHubClient = Octokit;

/** Picks the token: option, then `INPUT_TOKEN` (the actions' `token` input), then `GITHUB_TOKEN`. */
export function resolveToken(options: Pick<CreateOctokitOptions, 'token' | 'env'> = {}): string | undefined {
  const env = options.env ?? process.env;
  for (const candidate of [options.token, env.INPUT_TOKEN, env.GITHUB_TOKEN]) {
    const trimmed = candidate?.trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

/** Picks the REST base URL: option, then `GITHUB_API_URL`, then api.github.com; no trailing slash. */
export function resolveBaseUrl(options: Pick<CreateOctokitOptions, 'baseUrl' | 'env'> = {}): string {
  const env = options.env ?? process.env;
  const url = options.baseUrl?.trim() || env.GITHUB_API_URL?.trim() || DEFAULT_API_URL;
  return url.replace(/\/+$/, '');
}

/**
 * Creates the product's Octokit: retry (5xx, network errors) + throttling (primary and secondary
 * rate limits, honouring `retry-after`, a bounded number of times, each wait logged) + a serial
 * queue that keeps mutating requests one at a time. plugin-throttling's write limiter only spaces
 * the *start* of writes (its job resolves before the request is sent), so it cannot guarantee that
 * two writes are never in flight together; the queue below does.
 */
export function createOctokit(options: CreateOctokitOptions = {}): GitHubClient {
  const env = options.env ?? process.env;
  const token = resolveToken({ token: options.token, env });
  if (token) options.onSecret?.(token);
  const baseUrl = resolveBaseUrl({ baseUrl: options.baseUrl, env });
  const log = makeLogger(options.log);
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRateLimitWaitSeconds ?? 900;
  const base = options.retryAfterBaseValue ?? 1000;

  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const what = `${request.method} ${request.url}`;
    if (retryCount >= rateLimitRetries) {
      log.warn(`GitHub ${kind} rate limit on ${what}: giving up after ${retryCount} ${retryCount === 1 ? 'retry' : 'retries'}`);
      return false;
    }
    if (retryAfter > maxWait) {
      log.warn(`GitHub ${kind} rate limit on ${what}: reset in ${retryAfter}s exceeds ${maxWait}s; not waiting`);
      return false;
    }
    log.warn(`GitHub ${kind} rate limit on ${what}: retrying after ${retryAfter}s (retry ${retryCount + 1} of ${rateLimitRetries})`);
    return true;
  };

  const octokit = new ProductOctokit({
    ...(token ? { auth: token } : {}),
    baseUrl,
    userAgent: `mlops-actions${options.userAgent ? ` ${options.userAgent}` : ''}`,
    log,
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: base, doNotRetry: DO_NOT_RETRY },
    throttle: {
      // A per-client id keeps Bottleneck's process-wide groups from coupling unrelated clients.
      id: `mlops-${++clientCounter}`,
      retryAfterBaseValue: base,
      fallbackSecondaryRateRetryAfter: RATE_LIMIT_FALLBACK_SECONDS,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      // Pacing of writes is done by our queue (below), which also serialises them; the plugin's
      // own write/notification limiters (1 s and 3 s between starts) would only add delay.
      write: PASS_THROUGH_GROUP,
      notifications: PASS_THROUGH_GROUP,
    } as unknown as ThrottlingOptions,
  });
  // Inside the write queue (registered first): a write waiting out a rate limit holds the later ones.
  installTooManyRequestsRetry(octokit, { retries: rateLimitRetries, base, maxWait, log });
  installWriteQueue(octokit, options.writeSpacingMs ?? 1000);
  retryBases.set(octokit, base);
  return octokit as unknown as GitHubClient;
}

const retryBases = new WeakMap<object, number>();

/** The backoff unit (ms) a client was created with; 1000 for clients not made by {@link createOctokit}. */
export function retryBaseOf(octokit: object): number {
  return retryBases.get(octokit) ?? 1000;
}

let clientCounter = 0;

/** A stand-in for a Bottleneck group that runs every job at once (see `throttle.write` above). */
const PASS_THROUGH_GROUP = {
  key: () => ({ schedule: (...args: unknown[]) => {
    const fnIndex = typeof args[0] === 'function' ? 0 : 1;
    const fn = args[fnIndex] as (...a: unknown[]) => unknown;
    return Promise.resolve().then(() => fn(...args.slice(fnIndex + 1)));
  } }),
};

/**
 * Wraps the request hook (registered last, so it is the outermost wrapper: a write holds the
 * queue through all of its retries and later writes cannot overtake it).
 */
function installWriteQueue(octokit: { hook: Octokit['hook'] }, spacingMs: number): void {
  let tail: Promise<unknown> = Promise.resolve();
  let lastEnd = 0;
  octokit.hook.wrap('request', (request, options) => {
    const method = String(options.method ?? 'GET').toUpperCase();
    if (!MUTATING.has(method)) return request(options);
    const run = tail.then(async () => {
      const wait = lastEnd + spacingMs - Date.now();
      if (lastEnd > 0 && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        return await request(options);
      } finally {
        lastEnd = Date.now();
      }
    });
    // The chain must survive a failed write; the caller still sees the failure through `run`.
    tail = run.catch(() => undefined);
    return run;
  });
}

interface RateLimitShape {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: { errors?: Array<{ type?: string }> } };
}

/**
 * Seconds to wait before retrying a 429 that plugin-throttling lets through, or undefined for any
 * other failure. plugin-throttling retries a 403/429 only when its message says "secondary rate"
 * or `x-ratelimit-remaining` is 0; GitHub also answers a bare 429 Too Many Requests, sometimes
 * without `retry-after`, and that is a rate limit all the same (the request was not carried out,
 * so even a create is safe to send again).
 */
function tooManyRequestsWait(error: unknown): { seconds: number; named: boolean } | undefined {
  const e = (error ?? {}) as RateLimitShape;
  if (e.status !== 429) return undefined;
  const headers = e.response?.headers ?? {};
  const throttled = /\bsecondary rate\b/i.test(e.message ?? '') || headers['x-ratelimit-remaining'] === '0'
    || (e.response?.data?.errors ?? []).some((item) => item?.type === 'RATE_LIMITED');
  if (throttled) return undefined;
  const after = Number(headers['retry-after']);
  return Number.isFinite(after) && after > 0 ? { seconds: after, named: true } : { seconds: RATE_LIMIT_FALLBACK_SECONDS, named: false };
}

/**
 * Retries the 429s plugin-throttling does not recognise (see {@link tooManyRequestsWait}) after
 * `retry-after`, else a minute, at most `retries` times, each wait logged as the plugin's are;
 * then the 429 reaches the caller, whose GitHubError names the rate limit.
 */
function installTooManyRequestsRetry(
  octokit: { hook: Octokit['hook'] },
  settings: { retries: number; base: number; maxWait: number; log: GitHubLogger },
): void {
  octokit.hook.wrap('request', async (request, options) => {
    for (let retry = 0; ; retry++) {
      try {
        return await request(options);
      } catch (error) {
        const wait = tooManyRequestsWait(error);
        if (wait === undefined) throw error;
        const what = `GitHub rate limit (429 Too Many Requests${wait.named ? '' : ', no retry-after'}) on ${String(options.method ?? 'GET').toUpperCase()} ${options.url}`;
        if (retry >= settings.retries) {
          settings.log.warn(`${what}: giving up after ${retry} ${retry === 1 ? 'retry' : 'retries'}`);
          throw error;
        }
        if (wait.seconds > settings.maxWait) {
          settings.log.warn(`${what}: retry-after ${wait.seconds}s exceeds ${settings.maxWait}s; not waiting`);
          throw error;
        }
        settings.log.warn(`${what}: retrying after ${wait.seconds}s (retry ${retry + 1} of ${settings.retries})`);
        await new Promise((resolve) => setTimeout(resolve, wait.seconds * settings.base));
      }
    }
  });
}

/** `@octokit/plugin-request-log` reports every failed request as an error line like this. */
const REQUEST_LOG_LINE = /^[A-Z]+ \S+ - \d{3} with id /;

function makeLogger(partial: Partial<GitHubLogger> | undefined): GitHubLogger {
  const stderr = (message: string) => void process.stderr.write(`${message}\n`);
  const info = partial?.info ?? (() => {});
  const error = partial?.error ?? stderr;
  return {
    debug: partial?.debug ?? (() => {}),
    info,
    warn: partial?.warn ?? stderr,
    // Failed requests are expected (GET /user → 403 with GITHUB_TOKEN, a release looked up by tag
    // → 404) and every real failure reaches the caller as a GitHubError naming the fix, so the
    // request log's own error lines are only informational.
    error: (message: string) => (REQUEST_LOG_LINE.test(String(message)) ? info(message) : error(message)),
  };
}
