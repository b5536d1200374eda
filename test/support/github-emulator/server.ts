/**
 * A stateful GitHub REST API emulator on 127.0.0.1 (random port) implementing what the product
 * calls. Every request and response is validated against GitHub's OpenAPI description; a
 * violation is recorded and makes `assertNoViolations()` and `close()` throw, failing the test.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { operation, validateRequest, validateResponse } from './openapi.ts';
import { build } from './synth.ts';

export type Permission = 'contents' | 'pull_requests' | 'issues' | 'actions' | 'metadata';
export type Access = 'none' | 'read' | 'write';

/** An account a token authenticates as. */
export interface EmulatorToken {
  login: string;
  type?: 'User' | 'Bot';
  /** `installation`: GITHUB_TOKEN / App token (GET /user answers 403); `pat`: a person's token. */
  kind?: 'pat' | 'installation';
  /** Installation tokens only; missing permissions default to `write`. */
  permissions?: Partial<Record<Permission, Access>>;
}

/** The tokens every emulator accepts unless `tokens` replaces them. */
export const EMULATOR_TOKENS = {
  /** A person's PAT, user `mlops-user`. */
  pat: 'ghp_EmulatorPersonalAccessToken0000000001',
  /** The workflow's GITHUB_TOKEN (`github-actions[bot]`). */
  actions: 'ghs_EmulatorActionsInstallationToken00001',
  /** Another person, for "someone else's comment" tests. */
  other: 'ghp_EmulatorOtherUserToken00000000000002',
} as const;

export interface EmulatorOptions {
  /** Repositories to create; default `octo-org/demo`. */
  repos?: string[];
  tokens?: Record<string, EmulatorToken>;
  /** `ghes`: serve under `/api/v3` (uploads under `/api/uploads`) as GitHub Enterprise Server does. */
  flavor?: 'dotcom' | 'ghes';
  /** Delay before each response (ms), so overlapping requests really overlap. Default 0. */
  latencyMs?: number;
  /** Repository setting "Allow GitHub Actions to create and approve pull requests". Default false (GitHub's default). */
  allowActionsToCreatePullRequests?: boolean;
}

export interface Fault {
  status: number;
  /** `secondary-rate-limit` (403/429 + retry-after), `already-exists` (422), `not-permitted` (403 PR creation setting). */
  kind?: 'secondary-rate-limit' | 'already-exists' | 'not-permitted';
  retryAfter?: number;
  message?: string;
  /** For `already-exists`: the resource and field named in `errors`. */
  resource?: string;
  field?: string;
  /** Runs when the fault fires (e.g. another run creating the PR in the meantime). */
  effect?: (emulator: GitHubEmulator) => void;
}

export interface LoggedRequest {
  method: string;
  /** Path without the API prefix, e.g. `/repos/o/r/issues/1/comments`. */
  path: string;
  query: Record<string, string>;
  operationId?: string;
  body: unknown;
  status: number;
  /** Login the request authenticated as, if any. The token itself is never stored. */
  login?: string;
  fault?: boolean;
  write: boolean;
  startedAt: number;
  endedAt: number;
  /** Writes in flight (this one included) when this request arrived. */
  concurrentWrites: number;
}

interface User { login: string; id: number; type: 'User' | 'Bot' | 'Organization' }
interface Repo { id: number; owner: User; name: string; defaultBranch: string; private: boolean; labels: Map<string, { id: number; name: string; color: string }>; refs: Map<string, string> }
export interface CommentRecord { id: number; repo: string; issueNumber: number; body: string; user: User; createdAt: string; updatedAt: string }
export interface PullRecord { number: number; id: number; repo: string; title: string; body: string | null; state: 'open' | 'closed'; head: string; headOwner: string; base: string; draft: boolean; labels: string[]; user: User; createdAt: string; updatedAt: string }
export interface IssueRecord { number: number; repo: string; title: string; user: User; isPull: boolean }
export interface AssetRecord { id: number; name: string; label: string | null; contentType: string; size: number; state: 'uploaded' | 'open'; sha256: string; data: Buffer; uploader: User; createdAt: string }
export interface ReleaseRecord { id: number; repo: string; tagName: string; targetCommitish: string; name: string | null; body: string | null; draft: boolean; prerelease: boolean; author: User; createdAt: string; publishedAt: string | null; assets: AssetRecord[] }
export interface TagObject { sha: string; repo: string; tag: string; message: string; object: { sha: string; type: string }; tagger: { name: string; email: string; date: string } }
export interface DispatchRecord { repo: string; workflow: string; ref: string; inputs: Record<string, unknown> }
/** A workflow run (a dispatch starts one at the ref's commit; tests may add others). */
export interface WorkflowRunRecord { id: number; repo: string; workflow: string; headBranch: string; headSha: string; event: string; inputs: Record<string, unknown>; createdAt: string }

export interface EmulatorState {
  repos: Map<string, Repo>;
  users: Map<string, User>;
  issues: IssueRecord[];
  comments: CommentRecord[];
  pulls: PullRecord[];
  releases: ReleaseRecord[];
  tags: TagObject[];
  dispatches: DispatchRecord[];
  workflowRuns: WorkflowRunRecord[];
  commits: Set<string>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly errors?: unknown[], readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

interface Route { method: string; operationId: string; regex: RegExp; names: string[]; literals: number; upload?: boolean; handler: Handler }
interface Ctx { params: Record<string, string>; query: Record<string, string>; body: any; raw: Buffer; token?: EmulatorToken & { login: string }; repo?: Repo; req: IncomingMessage }
interface Reply { status: number; body?: unknown; headers?: Record<string, string> }
type Handler = (ctx: Ctx) => Reply;

const DOCS = 'https://docs.github.com/rest';

/**
 * GitHub's size limits on text fields, in characters (Ruby counts code points): a longer value is
 * refused with 422 "<field> is too long (maximum is N characters)", nothing is written.
 */
export const GITHUB_LIMITS = { title: 256, body: 65_536, releaseBody: 125_000 } as const;

function checkLength(resource: string, field: string, value: unknown, max: number): void {
  if (typeof value !== 'string' || [...value].length <= max) return;
  throw new HttpError(422, 'Validation Failed', [{ resource, code: 'custom', field, message: `${field} is too long (maximum is ${max} characters)` }]);
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A running emulator. */
export class GitHubEmulator {
  /** REST base URL to hand to Octokit (`…/api/v3` for GHES). */
  url = '';
  /** Web URL (html_url prefix). */
  webUrl = '';
  readonly state: EmulatorState;
  readonly requests: LoggedRequest[] = [];
  readonly violations: string[] = [];
  maxConcurrentWrites = 0;
  private inFlightWrites = 0;
  private readonly faults = new Map<string, Fault[]>();
  private readonly routes: Route[] = [];
  private readonly tokens: Record<string, EmulatorToken>;
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private nextId = 1000;
  private readonly apiPrefix: string;
  private readonly uploadPrefix: string;
  allowActionsToCreatePullRequests: boolean;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.apiPrefix = options.flavor === 'ghes' ? '/api/v3' : '';
    this.uploadPrefix = options.flavor === 'ghes' ? '/api/uploads' : '/uploads';
    this.allowActionsToCreatePullRequests = options.allowActionsToCreatePullRequests ?? false;
    this.tokens = options.tokens ?? {
      [EMULATOR_TOKENS.pat]: { login: 'mlops-user', type: 'User', kind: 'pat' },
      [EMULATOR_TOKENS.actions]: { login: 'github-actions[bot]', type: 'Bot', kind: 'installation' },
      [EMULATOR_TOKENS.other]: { login: 'someone-else', type: 'User', kind: 'pat' },
    };
    this.state = { repos: new Map(), users: new Map(), issues: [], comments: [], pulls: [], releases: [], tags: [], dispatches: [], workflowRuns: [], commits: new Set() };
    for (const token of Object.values(this.tokens)) this.user(token.login, token.type ?? 'User');
    for (const full of options.repos ?? ['octo-org/demo']) this.addRepo(full);
    this.defineRoutes();
  }

  /** Starts listening on 127.0.0.1 with a random port. */
  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.webUrl = `http://127.0.0.1:${port}`;
    this.url = `${this.webUrl}${this.apiPrefix}`;
    return this;
  }

  /** Stops the server; throws if any request or response violated the OpenAPI description. */
  async close(): Promise<void> {
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.assertNoViolations();
  }

  /** Throws listing every OpenAPI violation seen so far. */
  assertNoViolations(): void {
    if (this.violations.length > 0) throw new Error(`GitHub emulator: ${this.violations.length} OpenAPI violation(s):\n${this.violations.join('\n')}`);
  }

  /**
   * Queues faults for a route, named by operationId (`issues/create-comment`) or
   * `METHOD /path/template`. Each matching request consumes the next fault.
   */
  injectFault(route: string, ...faults: Array<Fault | number>): void {
    const id = this.routeId(route);
    const queue = this.faults.get(id) ?? [];
    for (const fault of faults) queue.push(typeof fault === 'number' ? { status: fault } : fault);
    this.faults.set(id, queue);
  }

  /** Faults still queued (0 once all have fired). */
  pendingFaults(): number {
    return [...this.faults.values()].reduce((n, q) => n + q.length, 0);
  }

  /** Requests for one operation. */
  requestsFor(operationId: string): LoggedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId);
  }

  // ---------------------------------------------------------------- seeding

  /** Creates (or returns) a user account. */
  user(login: string, type: User['type'] = 'User'): User {
    let user = this.state.users.get(login);
    if (!user) {
      user = { login, id: this.nextId++, type };
      this.state.users.set(login, user);
    }
    return user;
  }

  addRepo(fullName: string): Repo {
    const [ownerLogin, name] = fullName.split('/');
    const sha = this.commit(`${fullName} initial`);
    const repo: Repo = { id: this.nextId++, owner: this.user(ownerLogin, 'Organization'), name, defaultBranch: 'main', private: false, labels: new Map(), refs: new Map([['refs/heads/main', sha]]) };
    this.state.repos.set(fullName, repo);
    return repo;
  }

  /** Registers a commit sha (derived from `seed`) that refs may point at. */
  commit(seed: string): string {
    const sha = createHash('sha1').update(seed).digest('hex');
    this.state.commits.add(sha);
    return sha;
  }

  /** Creates or moves a branch; returns its sha. */
  addBranch(repo: string, branch: string, sha = this.commit(`${repo} ${branch} ${this.nextId++}`)): string {
    this.state.commits.add(sha);
    this.repo(repo).refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  /** Opens a pull request directly in the state (as another actor would). */
  addPullRequest(repo: string, fields: { head: string; base?: string; title?: string; body?: string; login?: string }): PullRecord {
    if (!this.repo(repo).refs.has(`refs/heads/${fields.head}`)) this.addBranch(repo, fields.head);
    const number = this.nextIssueNumber(repo);
    const user = this.user(fields.login ?? 'mlops-user');
    const pull: PullRecord = { number, id: this.nextId++, repo, title: fields.title ?? `PR from ${fields.head}`, body: fields.body ?? null, state: 'open', head: fields.head, headOwner: repo.split('/')[0], base: fields.base ?? 'main', draft: false, labels: [], user, createdAt: now(), updatedAt: now() };
    this.state.pulls.push(pull);
    this.state.issues.push({ number, repo, title: pull.title, user, isPull: true });
    return pull;
  }

  /** Adds a comment directly in the state. */
  addComment(repo: string, issueNumber: number, body: string, login = 'someone-else', type: User['type'] = 'User'): CommentRecord {
    const comment: CommentRecord = { id: this.nextId++, repo, issueNumber, body, user: this.user(login, type), createdAt: now(), updatedAt: now() };
    this.state.comments.push(comment);
    return comment;
  }

  /** Comments on one issue/PR, oldest first. */
  commentsOn(repo: string, issueNumber: number): CommentRecord[] {
    return this.state.comments.filter((c) => c.repo === repo && c.issueNumber === issueNumber);
  }

  // ---------------------------------------------------------------- plumbing

  private repo(fullName: string): Repo {
    const repo = this.state.repos.get(fullName);
    if (!repo) throw new Error(`emulator has no repository ${fullName}`);
    return repo;
  }

  private nextIssueNumber(repo: string): number {
    return this.state.issues.filter((i) => i.repo === repo).reduce((max, i) => Math.max(max, i.number), 0) + 1;
  }

  private routeId(route: string): string {
    const found = this.routes.find((r) => r.operationId === route || `${r.method} ${operation(r.operationId).path}` === route);
    if (!found) throw new Error(`emulator does not implement ${route}`);
    return found.operationId;
  }

  private on(operationId: string, handler: Handler, upload = false): void {
    const op = operation(operationId);
    const names: string[] = [];
    let literals = 0;
    const pattern = op.path.split('/').map((segment) => {
      const m = /^\{(.+)\}$/.exec(segment);
      if (!m) { literals++; return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
      names.push(m[1]);
      // A git ref may arrive with raw slashes (`heads/main`) as well as encoded (%2F).
      return m[1] === 'ref' ? '(.+)' : '([^/]+)';
    }).join('/');
    this.routes.push({ method: op.method, operationId, regex: new RegExp(`^${pattern}$`), names, literals, upload, handler });
    this.routes.sort((a, b) => b.literals - a.literals);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const write = method !== 'GET' && method !== 'HEAD';
    if (write) {
      this.inFlightWrites++;
      this.maxConcurrentWrites = Math.max(this.maxConcurrentWrites, this.inFlightWrites);
    }
    const concurrentWrites = this.inFlightWrites;
    const url = new URL(req.url ?? '/', this.webUrl);
    const query = Object.fromEntries(url.searchParams);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const entry: LoggedRequest = { method, path: url.pathname, query, body: undefined, status: 0, write, startedAt, endedAt: 0, concurrentWrites };
    this.requests.push(entry);
    // Asset bytes (browser_download_url, where the API's 302 points): not part of the REST API,
    // so served here without OpenAPI validation.
    const download = method === 'GET' ? /^\/([^/]+\/[^/]+)\/releases\/download\/(\d+)\/[^/]+$/.exec(url.pathname) : null;
    if (download) {
      const asset = this.state.releases.filter((r) => r.repo === download[1]).flatMap((r) => r.assets).find((a) => a.id === Number(download[2]));
      entry.status = asset ? 200 : 404;
      entry.endedAt = Date.now();
      res.writeHead(entry.status, { 'content-type': asset ? 'application/octet-stream' : 'text/plain' });
      res.end(asset ? asset.data : 'Not Found');
      return;
    }
    let reply: Reply;
    try {
      reply = await this.dispatch(req, method, url, query, raw, entry);
    } catch (error) {
      if (error instanceof HttpError) {
        reply = { status: error.status, body: this.errorBody(error.status, error.message, error.errors), headers: error.headers };
      } else {
        this.violations.push(`emulator crashed on ${method} ${url.pathname}: ${(error as Error).stack}`);
        reply = { status: 500, body: { message: 'emulator error' } };
      }
    }
    if (entry.operationId && reply.status !== 400) {
      for (const problem of validateResponse(entry.operationId, reply.status, reply.body)) {
        this.violations.push(`response ${method} ${url.pathname} → ${reply.status} (${entry.operationId}): ${problem}`);
      }
    }
    if (this.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    entry.status = reply.status;
    entry.endedAt = Date.now();
    const headers: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `EMU:${this.requests.length}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      ...reply.headers,
    };
    if (reply.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    res.writeHead(reply.status, headers);
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body), () => {
      if (write) this.inFlightWrites--;
    });
  }

  private async dispatch(req: IncomingMessage, method: string, url: URL, query: Record<string, string>, raw: Buffer, entry: LoggedRequest): Promise<Reply> {
    let path = url.pathname;
    let upload = false;
    if (path.startsWith(`${this.uploadPrefix}/`)) { upload = true; path = path.slice(this.uploadPrefix.length); }
    else if (this.apiPrefix && path.startsWith(`${this.apiPrefix}/`)) path = path.slice(this.apiPrefix.length);
    else if (this.apiPrefix) throw this.unimplemented(method, url.pathname);
    // Pagination links use /repositories/{id}/… as GitHub's do.
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
    if (byId) {
      const repo = [...this.state.repos.entries()].find(([, r]) => r.id === Number(byId[1]));
      if (!repo) throw new HttpError(404, 'Not Found');
      path = `/repos/${repo[0]}${byId[2] ?? ''}`;
    }
    entry.path = path;
    const route = this.routes.find((r) => r.method === method && Boolean(r.upload) === upload && r.regex.test(path));
    if (!route) throw this.unimplemented(method, url.pathname);
    entry.operationId = route.operationId;
    const match = route.regex.exec(path)!;
    const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));

    const contentType = req.headers['content-type'];
    let body: unknown;
    if (raw.length > 0 && !upload) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        this.violations.push(`request ${method} ${path}: body is not JSON`);
        throw new HttpError(400, 'Problems parsing JSON');
      }
    }
    entry.body = upload ? `<${raw.length} bytes>` : body;
    const problems = validateRequest(route.operationId, { pathParams: params, query, body, hasBody: raw.length > 0, contentType });
    if (problems.length > 0) {
      for (const problem of problems) this.violations.push(`request ${method} ${path} (${route.operationId}): ${problem}`);
      throw new HttpError(422, 'Validation Failed (the request violates GitHub\'s OpenAPI description)');
    }

    const queue = this.faults.get(route.operationId);
    const fault = queue?.shift();
    if (fault) {
      entry.fault = true;
      fault.effect?.(this);
      return this.faultReply(fault);
    }

    const token = this.authenticate(req);
    if (token) entry.login = token.login;
    const ctx: Ctx = { params, query, body, raw, token, req };
    if (params.owner && params.repo) {
      ctx.repo = this.state.repos.get(`${params.owner}/${params.repo}`);
      if (!ctx.repo) throw new HttpError(404, 'Not Found');
    }
    return route.handler(ctx);
  }

  private unimplemented(method: string, path: string): HttpError {
    this.violations.push(`unimplemented: ${method} ${path} (the emulator only serves what the product is known to call)`);
    return new HttpError(404, 'Not Found');
  }

  private authenticate(req: IncomingMessage): (EmulatorToken & { login: string }) | undefined {
    const header = req.headers.authorization;
    if (!header) return undefined;
    const token = header.replace(/^(token|bearer)\s+/i, '');
    const found = this.tokens[token];
    if (!found) throw new HttpError(401, 'Bad credentials');
    return found;
  }

  private require(ctx: Ctx, permission: Permission, access: Access): User {
    if (!ctx.token) throw new HttpError(401, 'Requires authentication');
    if (ctx.token.kind === 'installation') {
      const granted = ctx.token.permissions?.[permission] ?? 'write';
      const rank = { none: 0, read: 1, write: 2 };
      if (rank[granted] < rank[access]) throw new HttpError(403, 'Resource not accessible by integration');
    }
    return this.user(ctx.token.login, ctx.token.type ?? 'User');
  }

  private errorBody(status: number, message: string, errors?: unknown[]): Record<string, unknown> {
    return { message, documentation_url: DOCS, status: String(status), ...(errors ? { errors } : {}) };
  }

  private faultReply(fault: Fault): Reply {
    const headers: Record<string, string> = {};
    if (fault.kind === 'secondary-rate-limit') {
      headers['retry-after'] = String(fault.retryAfter ?? 1);
      return { status: fault.status, headers, body: this.errorBody(fault.status, fault.message ?? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.') };
    }
    if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
    if (fault.kind === 'already-exists') {
      const errors = [{ resource: fault.resource ?? 'Release', code: 'already_exists', field: fault.field ?? 'tag_name', ...(fault.message ? { message: fault.message } : {}) }];
      return { status: 422, headers, body: this.errorBody(422, 'Validation Failed', errors) };
    }
    if (fault.kind === 'not-permitted') {
      return { status: 403, headers, body: this.errorBody(403, 'GitHub Actions is not permitted to create or approve pull requests.') };
    }
    const messages: Record<number, string> = { 500: 'Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 429: 'Too Many Requests', 403: 'Forbidden', 404: 'Not Found' };
    return { status: fault.status, headers, body: this.errorBody(fault.status, fault.message ?? messages[fault.status] ?? 'Error') };
  }

  private paginate<T>(ctx: Ctx, items: T[], pathAfterRepo: string): { page: T[]; headers: Record<string, string> } {
    const perPage = Math.min(Math.max(Number(ctx.query.per_page ?? 30) || 30, 1), 100);
    const page = Math.max(Number(ctx.query.page ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (p: number) => {
      const params = new URLSearchParams();
      if (ctx.query.per_page) params.set('per_page', String(perPage));
      for (const [k, v] of Object.entries(ctx.query)) if (k !== 'page' && k !== 'per_page') params.set(k, v);
      params.set('page', String(p));
      return `<${this.url}/repositories/${ctx.repo!.id}${pathAfterRepo}?${params}>`;
    };
    const parts: string[] = [];
    if (page > 1) parts.push(`${link(page - 1)}; rel="prev"`);
    if (page < last) parts.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1) parts.push(`${link(1)}; rel="first"`);
    return { page: slice, headers: parts.length ? { link: parts.join(', ') } : {} };
  }

  // ---------------------------------------------------------------- renderers

  private renderUser(user: User): Record<string, unknown> {
    const api = `${this.url}/users/${encodeURIComponent(user.login)}`;
    return build('simple-user', {
      login: user.login, id: user.id, node_id: `U_${user.id}`, type: user.type, site_admin: false,
      avatar_url: `${this.webUrl}/avatars/${user.id}`, url: api, html_url: `${this.webUrl}/${user.login}`,
      followers_url: `${api}/followers`, following_url: `${api}/following{/other_user}`, gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`, subscriptions_url: `${api}/subscriptions`, organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`, events_url: `${api}/events{/privacy}`, received_events_url: `${api}/received_events`,
      gravatar_id: '', user_view_type: 'public',
    });
  }

  private repoFields(repo: Repo): Record<string, unknown> {
    const full = `${repo.owner.login}/${repo.name}`;
    return {
      id: repo.id, node_id: `R_${repo.id}`, name: repo.name, full_name: full, private: repo.private, owner: this.renderUser(repo.owner),
      html_url: `${this.webUrl}/${full}`, url: `${this.url}/repos/${full}`, default_branch: repo.defaultBranch, visibility: repo.private ? 'private' : 'public',
      fork: false, archived: false, disabled: false,
    };
  }

  private renderComment(c: CommentRecord): Record<string, unknown> {
    const isPull = this.state.issues.find((i) => i.repo === c.repo && i.number === c.issueNumber)?.isPull;
    return build('issue-comment', {
      id: c.id, node_id: `IC_${c.id}`, url: `${this.url}/repos/${c.repo}/issues/comments/${c.id}`,
      html_url: `${this.webUrl}/${c.repo}/${isPull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${this.url}/repos/${c.repo}/issues/${c.issueNumber}`, body: c.body, user: this.renderUser(c.user),
      created_at: c.createdAt, updated_at: c.updatedAt, author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    });
  }

  private renderLabel(repo: Repo, name: string): Record<string, unknown> {
    const label = repo.labels.get(name.toLowerCase())!;
    return build('label', { id: label.id, node_id: `LA_${label.id}`, url: `${this.url}/repos/${repo.owner.login}/${repo.name}/labels/${encodeURIComponent(label.name)}`, name: label.name, color: label.color, default: false, description: '' });
  }

  private renderPull(p: PullRecord, component: 'pull-request' | 'pull-request-simple'): Record<string, unknown> {
    const repo = this.repo(p.repo);
    const api = `${this.url}/repos/${p.repo}`;
    const side = (ref: string, owner: string) => ({
      label: `${owner}:${ref}`, ref, sha: repo.refs.get(`refs/heads/${ref}`) ?? '0'.repeat(40), user: this.renderUser(repo.owner),
      repo: build('repository', this.repoFields(repo)),
    });
    return build(component, {
      id: p.id, node_id: `PR_${p.id}`, number: p.number, state: p.state, locked: false, title: p.title, body: p.body, draft: p.draft,
      user: this.renderUser(p.user), labels: p.labels.map((name) => this.renderLabel(repo, name)),
      url: `${api}/pulls/${p.number}`, html_url: `${this.webUrl}/${p.repo}/pull/${p.number}`, issue_url: `${api}/issues/${p.number}`,
      diff_url: `${this.webUrl}/${p.repo}/pull/${p.number}.diff`, patch_url: `${this.webUrl}/${p.repo}/pull/${p.number}.patch`,
      commits_url: `${api}/pulls/${p.number}/commits`, review_comments_url: `${api}/pulls/${p.number}/comments`,
      review_comment_url: `${api}/pulls/comments{/number}`, comments_url: `${api}/issues/${p.number}/comments`, statuses_url: `${api}/statuses/${repo.refs.get(`refs/heads/${p.head}`) ?? ''}`,
      created_at: p.createdAt, updated_at: p.updatedAt, closed_at: null, merged_at: null, merge_commit_sha: null,
      head: side(p.head, p.headOwner), base: side(p.base, repo.owner.login), author_association: 'MEMBER',
      _links: Object.fromEntries(['self', 'html', 'issue', 'comments', 'review_comments', 'review_comment', 'commits', 'statuses'].map((k) => [k, { href: `${api}/pulls/${p.number}` }])),
      ...(component === 'pull-request' ? { merged: false, mergeable: null, rebaseable: null, mergeable_state: 'unknown', merged_by: null, comments: 0, review_comments: 0, maintainer_can_modify: false, commits: 1, additions: 0, deletions: 0, changed_files: 0 } : {}),
    });
  }

  private renderRun(repo: Repo, r: WorkflowRunRecord): Record<string, unknown> {
    const api = `${this.url}/repos/${r.repo}/actions/runs/${r.id}`;
    return build('workflow-run', {
      id: r.id, node_id: `WFR_${r.id}`, name: r.workflow, head_branch: r.headBranch, head_sha: r.headSha, path: `.github/workflows/${r.workflow}`,
      run_number: r.id, run_attempt: 1, event: r.event, status: 'queued', conclusion: null, workflow_id: 1, display_title: r.workflow,
      url: api, html_url: `${this.webUrl}/${r.repo}/actions/runs/${r.id}`, jobs_url: `${api}/jobs`, logs_url: `${api}/logs`,
      check_suite_url: `${this.url}/repos/${r.repo}/check-suites/${r.id}`, artifacts_url: `${api}/artifacts`, cancel_url: `${api}/cancel`,
      rerun_url: `${api}/rerun`, workflow_url: `${this.url}/repos/${r.repo}/actions/workflows/${r.workflow}`,
      created_at: r.createdAt, updated_at: r.createdAt, run_started_at: r.createdAt, pull_requests: [],
      repository: { id: repo.id, node_id: `R_${repo.id}`, name: repo.name, full_name: r.repo, owner: this.renderUser(repo.owner), private: repo.private },
      head_repository: { id: repo.id, node_id: `R_${repo.id}`, name: repo.name, full_name: r.repo, owner: this.renderUser(repo.owner), private: repo.private },
    });
  }

  private renderAsset(repo: string, a: AssetRecord): Record<string, unknown> {
    return build('release-asset', {
      id: a.id, node_id: `RA_${a.id}`, name: a.name, label: a.label, content_type: a.contentType, size: a.size, state: a.state,
      digest: a.state === 'uploaded' ? `sha256:${a.sha256}` : null, download_count: 0, uploader: this.renderUser(a.uploader),
      url: `${this.url}/repos/${repo}/releases/assets/${a.id}`, browser_download_url: `${this.webUrl}/${repo}/releases/download/${a.id}/${encodeURIComponent(a.name)}`,
      created_at: a.createdAt, updated_at: a.createdAt,
    });
  }

  private renderRelease(r: ReleaseRecord): Record<string, unknown> {
    const api = `${this.url}/repos/${r.repo}/releases/${r.id}`;
    const uploadBase = `${this.webUrl}${this.uploadPrefix}`;
    return build('release', {
      id: r.id, node_id: `RE_${r.id}`, url: api, assets_url: `${api}/assets`,
      upload_url: `${uploadBase}/repos/${r.repo}/releases/${r.id}/assets{?name,label}`,
      html_url: `${this.webUrl}/${r.repo}/releases/tag/${r.draft ? `untagged-${r.id}` : encodeURIComponent(r.tagName)}`,
      tarball_url: null, zipball_url: null, tag_name: r.tagName, target_commitish: r.targetCommitish, name: r.name, body: r.body,
      draft: r.draft, prerelease: r.prerelease, immutable: false, created_at: r.createdAt, published_at: r.publishedAt, updated_at: r.publishedAt ?? r.createdAt,
      author: this.renderUser(r.author), assets: r.assets.map((a) => this.renderAsset(r.repo, a)),
    });
  }

  private renderRef(repo: Repo, ref: string): Record<string, unknown> {
    const sha = repo.refs.get(ref)!;
    const isTag = this.state.tags.some((t) => t.sha === sha);
    const full = `${repo.owner.login}/${repo.name}`;
    return build('git-ref', { ref, node_id: `REF_${Buffer.from(ref).toString('hex').slice(0, 12)}`, url: `${this.url}/repos/${full}/git/${ref}`, object: { type: isTag ? 'tag' : 'commit', sha, url: `${this.url}/repos/${full}/git/${isTag ? 'tags' : 'commits'}/${sha}` } });
  }

  private renderTag(t: TagObject): Record<string, unknown> {
    return build('git-tag', {
      node_id: `TAG_${t.sha.slice(0, 8)}`, tag: t.tag, sha: t.sha, url: `${this.url}/repos/${t.repo}/git/tags/${t.sha}`, message: t.message, tagger: t.tagger,
      object: { sha: t.object.sha, type: t.object.type, url: `${this.url}/repos/${t.repo}/git/commits/${t.object.sha}` },
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    });
  }

  // ---------------------------------------------------------------- routes

  private defineRoutes(): void {
    const full = (ctx: Ctx) => `${ctx.repo!.owner.login}/${ctx.repo!.name}`;
    const issue = (ctx: Ctx) => {
      const number = Number(ctx.params.issue_number);
      const found = this.state.issues.find((i) => i.repo === full(ctx) && i.number === number);
      if (!found) throw new HttpError(404, 'Not Found');
      return found;
    };

    this.on('repos/get', (ctx) => ({ status: 200, body: build('full-repository', { ...this.repoFields(ctx.repo!), permissions: { admin: false, maintain: false, push: true, triage: true, pull: true } }) }));

    this.on('users/get-authenticated', (ctx) => {
      if (!ctx.token) throw new HttpError(401, 'Requires authentication');
      if (ctx.token.kind === 'installation') throw new HttpError(403, 'Resource not accessible by integration');
      const user = this.user(ctx.token.login, ctx.token.type ?? 'User');
      return { status: 200, body: build('private-user', { ...this.renderUser(user), user_view_type: 'private', name: null, company: null, blog: null, location: null, email: null, hireable: null, bio: null, public_repos: 0, public_gists: 0, followers: 0, following: 0, created_at: now(), updated_at: now(), private_gists: 0, total_private_repos: 0, owned_private_repos: 0, disk_usage: 0, collaborators: 0, two_factor_authentication: true, plan: undefined }) };
    });

    this.on('issues/list-comments', (ctx) => {
      const found = issue(ctx);
      const { page, headers } = this.paginate(ctx, this.commentsOn(found.repo, found.number), `/issues/${found.number}/comments`);
      return { status: 200, headers, body: page.map((c) => this.renderComment(c)) };
    });
    this.on('issues/get-comment', (ctx) => {
      const c = this.state.comments.find((x) => x.id === Number(ctx.params.comment_id) && x.repo === full(ctx));
      if (!c) throw new HttpError(404, 'Not Found');
      return { status: 200, body: this.renderComment(c) };
    });
    this.on('issues/create-comment', (ctx) => {
      const found = issue(ctx);
      const user = this.require(ctx, found.isPull ? 'pull_requests' : 'issues', 'write');
      checkLength('IssueComment', 'body', ctx.body.body, GITHUB_LIMITS.body);
      const c = this.addComment(found.repo, found.number, ctx.body.body, user.login, user.type);
      return { status: 201, headers: { location: `${this.url}/repos/${found.repo}/issues/comments/${c.id}` }, body: this.renderComment(c) };
    });
    this.on('issues/update-comment', (ctx) => {
      const c = this.state.comments.find((x) => x.id === Number(ctx.params.comment_id) && x.repo === full(ctx));
      if (!c) throw new HttpError(404, 'Not Found');
      const user = this.require(ctx, 'pull_requests', 'write');
      // GitHub lets only the author (or a maintainer's PAT) edit; our tokens are never maintainers of others' comments.
      if (user.login !== c.user.login) throw new HttpError(403, 'You must be the comment author to edit it');
      checkLength('IssueComment', 'body', ctx.body.body, GITHUB_LIMITS.body);
      c.body = ctx.body.body;
      c.updatedAt = now();
      return { status: 200, body: this.renderComment(c) };
    });

    this.on('issues/delete-comment', (ctx) => {
      const c = this.state.comments.find((x) => x.id === Number(ctx.params.comment_id) && x.repo === full(ctx));
      if (!c) throw new HttpError(404, 'Not Found');
      const user = this.require(ctx, 'pull_requests', 'write');
      if (user.login !== c.user.login) throw new HttpError(403, 'You must be the comment author to delete it');
      this.state.comments = this.state.comments.filter((x) => x !== c);
      return { status: 204 };
    });

    this.on('issues/add-labels', (ctx) => {
      const found = issue(ctx);
      this.require(ctx, found.isPull ? 'pull_requests' : 'issues', 'write');
      const names: string[] = Array.isArray(ctx.body) ? ctx.body : Array.isArray(ctx.body?.labels) ? ctx.body.labels.map((l: string | { name: string }) => (typeof l === 'string' ? l : l.name)) : [];
      const repo = ctx.repo!;
      const pull = this.state.pulls.find((p) => p.repo === found.repo && p.number === found.number);
      const current = pull?.labels ?? [];
      for (const name of names) {
        if (!repo.labels.has(name.toLowerCase())) repo.labels.set(name.toLowerCase(), { id: this.nextId++, name, color: 'ededed' });
        if (!current.some((l) => l.toLowerCase() === name.toLowerCase())) current.push(repo.labels.get(name.toLowerCase())!.name);
      }
      if (pull) pull.labels = current;
      return { status: 200, body: current.map((name) => this.renderLabel(repo, name)) };
    });

    this.on('pulls/list', (ctx) => {
      const state = ctx.query.state ?? 'open';
      let pulls = this.state.pulls.filter((p) => p.repo === full(ctx) && (state === 'all' || p.state === state));
      // GitHub's `head` filter is `user:ref`; a bare branch name filters nothing.
      if (ctx.query.head?.includes(':')) {
        const [owner, ref] = [ctx.query.head.slice(0, ctx.query.head.indexOf(':')), ctx.query.head.slice(ctx.query.head.indexOf(':') + 1)];
        pulls = pulls.filter((p) => p.headOwner.toLowerCase() === owner.toLowerCase() && p.head === ref);
      }
      if (ctx.query.base) pulls = pulls.filter((p) => p.base === ctx.query.base);
      pulls = [...pulls].sort((a, b) => b.number - a.number);
      const { page, headers } = this.paginate(ctx, pulls, '/pulls');
      return { status: 200, headers, body: page.map((p) => this.renderPull(p, 'pull-request-simple')) };
    });
    const pullOf = (ctx: Ctx) => {
      const p = this.state.pulls.find((x) => x.repo === full(ctx) && x.number === Number(ctx.params.pull_number));
      if (!p) throw new HttpError(404, 'Not Found');
      return p;
    };
    this.on('pulls/get', (ctx) => ({ status: 200, body: this.renderPull(pullOf(ctx), 'pull-request') }));
    this.on('pulls/create', (ctx) => {
      const user = this.require(ctx, 'pull_requests', 'write');
      if (ctx.token?.kind === 'installation' && !this.allowActionsToCreatePullRequests) {
        throw new HttpError(403, 'GitHub Actions is not permitted to create or approve pull requests.');
      }
      const repo = ctx.repo!;
      const { head, base, title, body, draft } = ctx.body as { head: string; base: string; title?: string; body?: string; draft?: boolean };
      const headRef = head.includes(':') ? head.slice(head.indexOf(':') + 1) : head;
      const headOwner = head.includes(':') ? head.slice(0, head.indexOf(':')) : repo.owner.login;
      const invalid = (field: string) => new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', field, code: 'invalid' }]);
      if (!repo.refs.has(`refs/heads/${headRef}`)) throw invalid('head');
      if (!repo.refs.has(`refs/heads/${base}`)) throw invalid('base');
      if (!title) throw new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);
      checkLength('Issue', 'title', title, GITHUB_LIMITS.title);
      checkLength('Issue', 'body', body, GITHUB_LIMITS.body);
      const existing = this.state.pulls.find((p) => p.repo === full(ctx) && p.state === 'open' && p.head === headRef && p.base === base);
      if (existing) throw new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${headOwner}:${headRef}.` }]);
      if (repo.refs.get(`refs/heads/${headRef}`) === repo.refs.get(`refs/heads/${base}`)) {
        throw new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${headRef}` }]);
      }
      const number = this.nextIssueNumber(full(ctx));
      const pull: PullRecord = { number, id: this.nextId++, repo: full(ctx), title, body: body ?? null, state: 'open', head: headRef, headOwner, base, draft: draft ?? false, labels: [], user, createdAt: now(), updatedAt: now() };
      this.state.pulls.push(pull);
      this.state.issues.push({ number, repo: full(ctx), title, user, isPull: true });
      return { status: 201, headers: { location: `${this.url}/repos/${full(ctx)}/pulls/${number}` }, body: this.renderPull(pull, 'pull-request') };
    });
    this.on('pulls/update', (ctx) => {
      this.require(ctx, 'pull_requests', 'write');
      const p = pullOf(ctx);
      const { title, body, state, base } = ctx.body as { title?: string; body?: string; state?: 'open' | 'closed'; base?: string };
      if (base !== undefined && !ctx.repo!.refs.has(`refs/heads/${base}`)) throw new HttpError(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
      checkLength('Issue', 'title', title, GITHUB_LIMITS.title);
      checkLength('Issue', 'body', body, GITHUB_LIMITS.body);
      if (title !== undefined) p.title = title;
      if (body !== undefined) p.body = body;
      if (state !== undefined) p.state = state;
      if (base !== undefined) p.base = base;
      p.updatedAt = now();
      return { status: 200, body: this.renderPull(p, 'pull-request') };
    });

    const refName = (ctx: Ctx) => `refs/${ctx.params.ref.replace(/^refs\//, '')}`;
    this.on('git/get-ref', (ctx) => {
      const ref = refName(ctx);
      if (!ctx.repo!.refs.has(ref)) throw new HttpError(404, 'Not Found');
      return { status: 200, body: this.renderRef(ctx.repo!, ref) };
    });
    this.on('git/list-matching-refs', (ctx) => {
      const prefix = refName(ctx);
      const refs = [...ctx.repo!.refs.keys()].filter((r) => r.startsWith(prefix)).sort();
      return { status: 200, body: refs.map((r) => this.renderRef(ctx.repo!, r)) };
    });
    this.on('git/create-ref', (ctx) => {
      this.require(ctx, 'contents', 'write');
      const { ref, sha } = ctx.body as { ref: string; sha: string };
      if (!/^refs\/.+/.test(ref) || ref.split('/').length < 3) throw new HttpError(422, 'Reference name must start with \'refs/\' and have at least two slashes.');
      if (ctx.repo!.refs.has(ref)) throw new HttpError(422, 'Reference already exists');
      if (!this.state.commits.has(sha) && !this.state.tags.some((t) => t.sha === sha)) throw new HttpError(422, 'Object does not exist');
      ctx.repo!.refs.set(ref, sha);
      return { status: 201, headers: { location: `${this.url}/repos/${full(ctx)}/git/${ref}` }, body: this.renderRef(ctx.repo!, ref) };
    });
    this.on('git/update-ref', (ctx) => {
      this.require(ctx, 'contents', 'write');
      const ref = refName(ctx);
      const { sha } = ctx.body as { sha: string; force?: boolean };
      if (!ctx.repo!.refs.has(ref)) throw new HttpError(422, 'Reference does not exist');
      if (!this.state.commits.has(sha)) throw new HttpError(422, 'Object does not exist');
      ctx.repo!.refs.set(ref, sha);
      return { status: 200, body: this.renderRef(ctx.repo!, ref) };
    });
    this.on('git/delete-ref', (ctx) => {
      this.require(ctx, 'contents', 'write');
      const ref = refName(ctx);
      if (!ctx.repo!.refs.delete(ref)) throw new HttpError(422, 'Reference does not exist');
      return { status: 204 };
    });
    this.on('git/create-tag', (ctx) => {
      this.require(ctx, 'contents', 'write');
      const { tag, message, object, type, tagger } = ctx.body as { tag: string; message: string; object: string; type: string; tagger?: { name: string; email: string; date?: string } };
      if (!this.state.commits.has(object)) throw new HttpError(422, 'Object does not exist');
      const sha = createHash('sha1').update(`tag ${tag} ${object} ${message} ${this.nextId++}`).digest('hex');
      const record: TagObject = { sha, repo: full(ctx), tag, message, object: { sha: object, type }, tagger: { name: tagger?.name ?? 'github-actions[bot]', email: tagger?.email ?? '41898282+github-actions[bot]@users.noreply.github.com', date: tagger?.date ?? now() } };
      this.state.tags.push(record);
      return { status: 201, headers: { location: `${this.url}/repos/${full(ctx)}/git/tags/${sha}` }, body: this.renderTag(record) };
    });
    this.on('git/get-tag', (ctx) => {
      const t = this.state.tags.find((x) => x.sha === ctx.params.tag_sha && x.repo === full(ctx));
      if (!t) throw new HttpError(404, 'Not Found');
      return { status: 200, body: this.renderTag(t) };
    });

    const releaseOf = (ctx: Ctx) => {
      const r = this.state.releases.find((x) => x.repo === full(ctx) && x.id === Number(ctx.params.release_id));
      if (!r) throw new HttpError(404, 'Not Found');
      return r;
    };
    this.on('repos/list-releases', (ctx) => {
      // Drafts are listed only for users with push access; our tokens have it.
      const releases = this.state.releases.filter((r) => r.repo === full(ctx)).sort((a, b) => b.id - a.id);
      const { page, headers } = this.paginate(ctx, releases, '/releases');
      return { status: 200, headers, body: page.map((r) => this.renderRelease(r)) };
    });
    this.on('repos/get-release-by-tag', (ctx) => {
      // Drafts have no tag yet: GitHub does not return them here.
      const r = this.state.releases.find((x) => x.repo === full(ctx) && !x.draft && x.tagName === ctx.params.tag);
      if (!r) throw new HttpError(404, 'Not Found');
      return { status: 200, body: this.renderRelease(r) };
    });
    this.on('repos/get-release', (ctx) => ({ status: 200, body: this.renderRelease(releaseOf(ctx)) }));
    this.on('repos/create-release', (ctx) => {
      const user = this.require(ctx, 'contents', 'write');
      const b = ctx.body as { tag_name: string; target_commitish?: string; name?: string; body?: string; draft?: boolean; prerelease?: boolean };
      checkLength('Release', 'body', b.body, GITHUB_LIMITS.releaseBody);
      if (this.state.releases.some((r) => r.repo === full(ctx) && !r.draft && r.tagName === b.tag_name)) {
        throw new HttpError(422, 'Validation Failed', [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);
      }
      const release: ReleaseRecord = { id: this.nextId++, repo: full(ctx), tagName: b.tag_name, targetCommitish: b.target_commitish ?? ctx.repo!.defaultBranch, name: b.name ?? null, body: b.body ?? null, draft: b.draft ?? false, prerelease: b.prerelease ?? false, author: user, createdAt: now(), publishedAt: null, assets: [] };
      if (!release.draft) this.publish(ctx.repo!, release);
      this.state.releases.push(release);
      return { status: 201, headers: { location: `${this.url}/repos/${full(ctx)}/releases/${release.id}` }, body: this.renderRelease(release) };
    });
    this.on('repos/update-release', (ctx) => {
      this.require(ctx, 'contents', 'write');
      const r = releaseOf(ctx);
      const b = ctx.body as { tag_name?: string; name?: string; body?: string; draft?: boolean; prerelease?: boolean };
      checkLength('Release', 'body', b.body, GITHUB_LIMITS.releaseBody);
      if (b.tag_name !== undefined) r.tagName = b.tag_name;
      if (b.name !== undefined) r.name = b.name;
      if (b.body !== undefined) r.body = b.body;
      if (b.prerelease !== undefined) r.prerelease = b.prerelease;
      if (b.draft === false && r.draft) {
        if (this.state.releases.some((x) => x !== r && x.repo === r.repo && !x.draft && x.tagName === r.tagName)) {
          throw new HttpError(422, 'Validation Failed', [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);
        }
        this.publish(ctx.repo!, r);
      } else if (b.draft === true) r.draft = true;
      return { status: 200, body: this.renderRelease(r) };
    });
    this.on('repos/list-release-assets', (ctx) => {
      const r = releaseOf(ctx);
      const { page, headers } = this.paginate(ctx, r.assets, `/releases/${r.id}/assets`);
      return { status: 200, headers, body: page.map((a) => this.renderAsset(r.repo, a)) };
    });
    this.on('repos/upload-release-asset', (ctx) => {
      const user = this.require(ctx, 'contents', 'write');
      const r = releaseOf(ctx);
      const name = ctx.query.name;
      if (r.assets.some((a) => a.name === name)) throw new HttpError(422, 'Validation Failed', [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]);
      const asset: AssetRecord = { id: this.nextId++, name, label: ctx.query.label ?? null, contentType: String(ctx.req.headers['content-type'] ?? 'application/octet-stream'), size: ctx.raw.length, state: 'uploaded', sha256: createHash('sha256').update(ctx.raw).digest('hex'), data: ctx.raw, uploader: user, createdAt: now() };
      r.assets.push(asset);
      return { status: 201, body: this.renderAsset(r.repo, asset) };
    }, true);
    const assetOf = (ctx: Ctx) => {
      for (const r of this.state.releases.filter((x) => x.repo === full(ctx))) {
        const a = r.assets.find((x) => x.id === Number(ctx.params.asset_id));
        if (a) return { r, a };
      }
      throw new HttpError(404, 'Not Found');
    };
    this.on('repos/get-release-asset', (ctx) => {
      const { r, a } = assetOf(ctx);
      // `accept: application/octet-stream` asks for the bytes: GitHub answers 302 to the download URL.
      if (String(ctx.req.headers.accept ?? '').includes('application/octet-stream')) {
        return { status: 302, headers: { location: String(this.renderAsset(r.repo, a).browser_download_url) } };
      }
      return { status: 200, body: this.renderAsset(r.repo, a) };
    });
    this.on('repos/delete-release-asset', (ctx) => {
      this.require(ctx, 'contents', 'write');
      const { r, a } = assetOf(ctx);
      r.assets = r.assets.filter((x) => x !== a);
      return { status: 204 };
    });

    this.on('actions/create-workflow-dispatch', (ctx) => {
      this.require(ctx, 'actions', 'write');
      const { ref, inputs, return_run_details: details } = ctx.body as { ref: string; inputs?: Record<string, unknown>; return_run_details?: boolean };
      const branch = ref.replace(/^refs\/(heads|tags)\//, '');
      if (!ctx.repo!.refs.has(`refs/heads/${branch}`) && !ctx.repo!.refs.has(`refs/tags/${branch}`)) throw new HttpError(422, `No ref found for: ${ref}`);
      this.state.dispatches.push({ repo: full(ctx), workflow: ctx.params.workflow_id, ref, inputs: inputs ?? {} });
      // The run the dispatch starts, at the ref's commit (a branch first, as GitHub resolves it).
      const id = this.nextId++;
      const headSha = ctx.repo!.refs.get(`refs/heads/${branch}`) ?? ctx.repo!.refs.get(`refs/tags/${branch}`)!;
      this.state.workflowRuns.push({ id, repo: full(ctx), workflow: ctx.params.workflow_id, headBranch: branch, headSha, event: 'workflow_dispatch', inputs: inputs ?? {}, createdAt: now() });
      if (!details) return { status: 204 };
      return { status: 200, body: { workflow_run_id: id, run_url: `${this.url}/repos/${full(ctx)}/actions/runs/${id}`, html_url: `${this.webUrl}/${full(ctx)}/actions/runs/${id}` } };
    });
    this.on('actions/list-workflow-runs', (ctx) => {
      this.require(ctx, 'actions', 'read');
      // Runs of one workflow (by file name), newest first, filtered as GitHub filters them.
      const { branch, event, head_sha: headSha } = ctx.query;
      const runs = this.state.workflowRuns
        .filter((r) => r.repo === full(ctx) && r.workflow === ctx.params.workflow_id)
        .filter((r) => (branch === undefined || r.headBranch === branch) && (event === undefined || r.event === event) && (headSha === undefined || r.headSha === headSha))
        .sort((a, b) => b.id - a.id);
      const { page, headers } = this.paginate(ctx, runs, `/actions/workflows/${ctx.params.workflow_id}/runs`);
      return { status: 200, headers, body: { total_count: runs.length, workflow_runs: page.map((r) => this.renderRun(ctx.repo!, r)) } };
    });
  }

  private publish(repo: Repo, release: ReleaseRecord): void {
    release.draft = false;
    release.publishedAt = now();
    const tagRef = `refs/tags/${release.tagName}`;
    // Publishing creates the tag on target_commitish when it does not exist, as GitHub does.
    if (!repo.refs.has(tagRef)) {
      const sha = repo.refs.get(`refs/heads/${release.targetCommitish}`) ?? (this.state.commits.has(release.targetCommitish) ? release.targetCommitish : repo.refs.get(`refs/heads/${repo.defaultBranch}`)!);
      repo.refs.set(tagRef, sha);
    }
  }
}

/** Starts an emulator on 127.0.0.1 with a random port. */
export async function startGitHubEmulator(options: EmulatorOptions = {}): Promise<GitHubEmulator> {
  return new GitHubEmulator(options).listen();
}
