import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './checks.ts';

/**
 * GitHub checks the permissions a called workflow's jobs declare before the run starts, whatever
 * the inputs and `if:` conditions: a caller that grants less gets no run at all. docs/drift.md said
 * `actions: write` could be dropped when a token is passed, while mlops-drift.yml's job always
 * declares it, so following the doc broke every scheduled drift check.
 */
const workflow = yaml.load(readFileSync(join(repoRoot, '.github', 'workflows', 'mlops-drift.yml'), 'utf8')) as { jobs: Record<string, { permissions?: Record<string, string> }> };
const requested = Object.values(workflow.jobs).flatMap((job) => Object.entries(job.permissions ?? {}).map(([scope, level]) => `${scope}: ${level}`));

describe('docs on the permissions of mlops-drift.yml', () => {
  it('the job declares actions: write, so no doc tells the caller to drop a permission the job asks for', () => {
    expect(requested).toContain('actions: write');
    for (const file of ['drift.md', 'workflows.md', 'github.md']) {
      const text = readFileSync(join(repoRoot, 'docs', file), 'utf8').replace(/\s+/g, ' ');
      expect(text, file).not.toMatch(/drop (it|`actions: write`)[^.]*(token|PAT)/i);
    }
  });

  it('docs/drift.md says the caller grants every permission the job declares, token or not', () => {
    const text = readFileSync(join(repoRoot, 'docs', 'drift.md'), 'utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Grant all three permissions even when you pass a token');
    for (const permission of requested) expect(text).toContain(permission);
  });
});
