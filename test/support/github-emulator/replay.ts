/**
 * Replays a recorded real GitHub interaction from `@octokit/fixtures` on 127.0.0.1: each incoming
 * request must match the next recorded one (method, path with query, authorization, body); the
 * recorded response is served with api.github.com / uploads.github.com rewritten to this server.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  scope: string;
  method: string;
  path: string;
  body: unknown;
  status: number;
  response: unknown;
  headers: Record<string, string>;
  reqheaders: Record<string, string | number>;
}

export interface FixtureReplay {
  url: string;
  recording: RecordedCall[];
  /** One line per mismatch between what our client sent and what was recorded. */
  mismatches: string[];
  /** Number of recorded calls served so far. */
  served(): number;
  close(): Promise<void>;
}

const UPLOADS = '/__uploads';

/** Loads `scenarios/<name>/normalized-fixture.json` from @octokit/fixtures. */
export function loadFixture(name: string): RecordedCall[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@octokit/fixtures/package.json'));
  return JSON.parse(readFileSync(join(root, 'scenarios', name, 'normalized-fixture.json'), 'utf8')) as RecordedCall[];
}

/** Starts a replay server for a recorded scenario such as `api.github.com/release-assets`. */
export async function startFixtureReplay(name: string): Promise<FixtureReplay> {
  const recording = loadFixture(name);
  const mismatches: string[] = [];
  let next = 0;
  let base = '';
  const rewrite = (text: string) => text.replaceAll('https://uploads.github.com', `${base}${UPLOADS}`).replaceAll('https://api.github.com', base);

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const call = recording[next++];
    let path = req.url ?? '/';
    const upload = path.startsWith(`${UPLOADS}/`);
    if (upload) path = path.slice(UPLOADS.length);
    const label = `call ${next}`;
    if (!call) {
      mismatches.push(`${label}: unexpected ${req.method} ${path} after the recording ended`);
      res.writeHead(500).end();
      return;
    }
    const expectUpload = call.scope.includes('uploads.github.com');
    if (upload !== expectUpload) mismatches.push(`${label}: sent to ${upload ? 'uploads' : 'api'} host, recorded on ${call.scope}`);
    if ((req.method ?? '').toLowerCase() !== call.method.toLowerCase()) mismatches.push(`${label}: method ${req.method}, recorded ${call.method}`);
    if (path !== call.path) mismatches.push(`${label}: path ${path}, recorded ${call.path}`);
    if (req.headers.authorization !== call.reqheaders.authorization) mismatches.push(`${label}: authorization header differs from the recording`);
    for (const header of ['content-type', 'content-length'] as const) {
      const recorded = call.reqheaders[header];
      if (recorded !== undefined && String(req.headers[header]).split(';')[0] !== String(recorded).split(';')[0]) {
        mismatches.push(`${label}: ${header} ${req.headers[header]}, recorded ${recorded}`);
      }
    }
    const recordedBody = call.body === '' || call.body === undefined ? '' : call.body;
    const sentBody = raw === '' ? '' : typeof recordedBody === 'string' ? raw : safeJson(raw);
    if (JSON.stringify(sentBody) !== JSON.stringify(recordedBody)) mismatches.push(`${label}: body ${JSON.stringify(sentBody)}, recorded ${JSON.stringify(recordedBody)}`);

    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(call.headers)) {
      if (['content-length', 'connection', 'transfer-encoding'].includes(key)) continue;
      headers[key] = rewrite(String(value));
    }
    const body = call.response === '' || call.response === undefined ? undefined : rewrite(JSON.stringify(call.response));
    res.writeHead(call.status, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    recording,
    mismatches,
    served: () => next,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
