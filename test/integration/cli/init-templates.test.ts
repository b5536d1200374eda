import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { workflowFiles, type WorkflowPaths } from '../../../src/cli/init-templates.ts';
import { loadWorkflowParser } from '../../support/action-runner/workflow-parser.ts';

// The retraining commit of `mlops drift --open-pr` changes only .mlops/retrain/<name>.json: a
// pull-request workflow whose paths filter lacks it never runs for a retraining PR opened with a
// PAT or App token (README's caller workflow is this template: test/unit/hygiene/readme.test.ts).

const layouts: WorkflowPaths[] = [
  { data: 'data/train.csv', schema: 'schema.yaml', config: 'mlops.yaml' },
  { data: 'train.csv', schema: 'schema.yaml', config: 'mlops.yaml' },
  { data: 'ml/data/penguins.csv', schema: 'ml/schema.yaml', config: 'ml/mlops.yaml' },
];

describe('the pull-request workflow mlops init writes', () => {
  it.each(layouts.map((p) => [p.data, p] as const))('(data %s) runs for retraining PRs: its paths filter lists .mlops/retrain/**', async (_data, p) => {
    const { text } = workflowFiles(p)['pull-request'];
    const doc = yaml.load(text) as { on: { pull_request: { paths: string[] } } };
    expect(doc.on.pull_request.paths).toEqual([p.data.includes('/') ? `${p.data.slice(0, p.data.lastIndexOf('/'))}/**` : p.data, p.config, p.schema, '.mlops/retrain/**']);
    // GitHub's own parser accepts it.
    const parser = await loadWorkflowParser();
    const parsed = parser.parseWorkflow({ name: 'mlops-pull-request.yml', content: text }, new parser.NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });
});
