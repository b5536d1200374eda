import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { evaluateTemplate } from '../../support/action-runner/expressions.ts';

/**
 * mlops-release.yml serialises registrations with a concurrency group (versions and stage counters
 * are computed from the tags). GitHub keeps at most ONE pending run per group and cancels the
 * pending one when another arrives, so the group must be per model: with `model` left empty (the
 * name then comes from mlops.yaml), every model of a repository shared one group, and in a matrix
 * of three models the second model's registration was cancelled — never registered.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const doc = yaml.load(readFileSync(resolve(ROOT, '.github/workflows/mlops-release.yml'), 'utf8')) as { concurrency: { group: string; 'cancel-in-progress': boolean } };

const group = (inputs: Record<string, string>) => String(evaluateTemplate(doc.concurrency.group, {
  contexts: { github: { repository: 'octo-org/models', workflow: 'release' }, inputs: { model: '', config: '', ...inputs } }, failed: false, workspace: ROOT,
}));

describe('mlops-release.yml concurrency', () => {
  it('one group per model, also when the model name comes from its mlops.yaml', () => {
    const a = group({ config: 'models/a/mlops.yaml' });
    const b = group({ config: 'models/b/mlops.yaml' });
    expect(a).not.toBe(b);
    expect(group({ model: 'weather' })).not.toBe(group({ model: 'churn' }));
    // The same model registers one at a time.
    expect(group({ model: 'weather', config: 'models/a/mlops.yaml' })).toBe(group({ model: 'weather', config: 'models/b/mlops.yaml' }));
    expect(group({})).toBe(group({ config: 'mlops.yaml' }));
    expect(doc.concurrency['cancel-in-progress']).toBe(false);
  });

  it('never collides with a caller that uses github.workflow in its own group (deadlock)', () => {
    expect(doc.concurrency.group).not.toMatch(/github\.workflow/);
    expect(group({ model: 'weather' })).toMatch(/^mlops-release-/);
  });
});
