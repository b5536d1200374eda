import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './checks.ts';

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sources(path, out);
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const files = sources(join(repoRoot, 'src')).map((path) => ({ path: relative(repoRoot, path), text: readFileSync(path, 'utf8') }));
// Comments may mention the names; code may not.
const code = (text: string) => text.replace(/\/\*[^]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('source hygiene of the Actions glue', () => {
  it('only `mlops action` fails a step: no other setFailed, no process.exit anywhere', () => {
    const offenders = files
      .filter((f) => f.path !== join('src', 'actions', 'runtime.ts') && f.path !== join('src', 'cli', 'commands', 'action.ts'))
      .filter((f) => /\bsetFailed\s*\(|\bprocess\.exit\s*\(/.test(code(f.text)))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('nothing writes workflow commands around the runtime (caps and masking would be bypassed)', () => {
    const offenders = files
      .filter((f) => !f.path.startsWith(join('src', 'actions', 'runtime.ts')))
      .filter((f) => /['"`]::(error|warning|notice|add-mask|set-output|group)\b/.test(code(f.text)))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('domain modules never import the GitHub or Actions adapters (DESIGN §2)', () => {
    const domain = ['table', 'profile', 'schema', 'train', 'evaluate', 'drift', 'registry', 'report'];
    const offenders = files
      .filter((f) => domain.some((d) => f.path.startsWith(join('src', d) + '/')))
      .filter((f) => /from\s+['"][./]*\/(github|actions|cli)\//.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});
