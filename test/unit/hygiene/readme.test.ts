import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEGIN, renderAction, updatedReadme } from '../../../scripts/action-tables.ts';
import { workflowFiles } from '../../../src/cli/init-templates.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('starts with the two commands that work on a fresh clone', () => {
    const head = readme.slice(0, 1500);
    expect(head).toContain('npm ci && npm run demo');
    expect(head).toContain('npm test');
  });

  it('installs with nothing but the bundle: no runtime dependencies, and npx only after the install', () => {
    // dist/ is self-contained (tested by running it without node_modules); a runtime dependency would
    // make `npm install github:…` fetch every bundled library again for nothing.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; bin?: Record<string, string> };
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.bin).toEqual({ mlops: 'dist/mlops.mjs' });
    // `npx mlops` before installing would run whatever the npm registry holds under that name.
    expect(readme.indexOf('npm install --save-dev github:')).toBeGreaterThan(0);
    expect(readme.indexOf('npm install --save-dev github:')).toBeLessThan(readme.indexOf('npx mlops'));
  });

  it('documents every action input and output exactly as the action.yml files declare them', () => {
    expect(readme).toContain(BEGIN);
    expect(readme, "README action tables are stale: run 'npx tsx scripts/action-tables.ts --write'").toBe(updatedReadme(readme, root));
  });

  it("shows the three workflows exactly as 'mlops init' writes them (default paths)", () => {
    for (const [kind, { text }] of Object.entries(workflowFiles())) {
      const marker = `<!-- workflow:${kind} -->`;
      const at = readme.indexOf(marker);
      expect(at, marker).toBeGreaterThan(0);
      const block = /^\s*```yaml\n([\s\S]*?)\n```/.exec(readme.slice(at + marker.length));
      expect(`${block?.[1]}\n`, `README ${marker} differs from src/cli/init-templates.ts`).toBe(text);
    }
  });

  it('renders a table row per input and per output', () => {
    const table = renderAction('x', { description: 'd', inputs: { a: { description: 'has | pipe', required: true }, b: { default: '1' } }, outputs: { o: { description: 'out' } } });
    expect(table).toContain('| `a` | yes |  | has \\| pipe |');
    expect(table).toContain('| `b` | no | `1` |  |');
    expect(table).toContain('| `o` | out |');
  });
});
