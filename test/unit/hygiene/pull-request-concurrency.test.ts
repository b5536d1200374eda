import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { evaluateTemplate } from '../../support/action-runner/expressions.ts';
import { repoRoot } from './checks.ts';

/**
 * mlops-pull-request.yml posts sticky comments. Without a concurrency group per pull request, the
 * run of an older push that finished after the newer one overwrote the comments with outdated
 * results. The group is per pull request (a dispatch with input `pr` included) and model, and a
 * newer run cancels the older one.
 */
const doc = yaml.load(readFileSync(join(repoRoot, '.github', 'workflows', 'mlops-pull-request.yml'), 'utf8')) as { concurrency?: { group: string; 'cancel-in-progress': unknown } };

interface Run { event?: Record<string, unknown>; runId?: string; config?: string; artifact?: string }
const group = (run: Run): string => evaluateTemplate(doc.concurrency!.group, {
  contexts: {
    github: { repository: 'octo-org/models', workflow: 'ci', run_id: run.runId ?? '1', event: run.event ?? {} },
    inputs: { config: run.config ?? 'mlops.yaml', 'artifact-name': run.artifact ?? 'mlops-model' },
  },
  failed: false,
  workspace: repoRoot,
});

describe('mlops-pull-request.yml concurrency', () => {
  it('two runs of one pull request share a group and the newer cancels the older', () => {
    expect(doc.concurrency, 'no concurrency group').toBeDefined();
    expect(doc.concurrency!['cancel-in-progress']).toBe(true);
    const older = group({ event: { pull_request: { number: 7 } }, runId: '100' });
    const newer = group({ event: { pull_request: { number: 7 } }, runId: '101' });
    expect(newer).toBe(older);
    expect(group({ event: { pull_request: { number: 8 } } })).not.toBe(older);
    // The drift check's dispatch on the retraining branch comments on the same pull request.
    expect(group({ event: { inputs: { pr: '7' } }, runId: '102' })).toBe(older);
  });

  it('keeps models apart, never cancels runs of other events, never equals a caller\'s group', () => {
    const pr = { pull_request: { number: 7 } };
    expect(group({ event: pr, config: 'models/a/mlops.yaml', artifact: 'a' })).not.toBe(group({ event: pr, config: 'models/b/mlops.yaml', artifact: 'b' }));
    expect(group({ event: pr, artifact: 'a' })).not.toBe(group({ event: pr, artifact: 'b' }));
    expect(group({ runId: '200' })).not.toBe(group({ runId: '201' }));
    expect(doc.concurrency!.group).not.toMatch(/github\.workflow/);
    expect(group({ event: pr })).toMatch(/^mlops-pull-request-/);
  });

  it('docs/workflows.md describes it', () => {
    const docs = readFileSync(join(repoRoot, 'docs', 'workflows.md'), 'utf8');
    const section = docs.slice(docs.indexOf('## `mlops-pull-request.yml`'), docs.indexOf('## `mlops-train.yml`'));
    expect(section).toContain('`concurrency` group `mlops-pull-request-<repository>-<pull request number>-<config>-<artifact-name>`');
    expect(section).toContain('`cancel-in-progress: true`');
  });
});
