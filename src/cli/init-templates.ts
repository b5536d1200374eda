/**
 * The three workflows `mlops init` writes: the README's "three workflows to copy", verbatim, with
 * the data and schema paths of the project filled in. test/unit/hygiene checks that the README
 * blocks equal these with the defaults (`data/train.csv`, `schema.yaml`), so the two never diverge.
 */

/** Where a project keeps what the pull-request workflow reads. */
export interface WorkflowPaths {
  /** Training data, repository-relative (forward slashes). */
  data: string;
  /** Table Schema, repository-relative. */
  schema: string;
  /** mlops.yaml, repository-relative. */
  config: string;
}

export const DEFAULT_WORKFLOW_PATHS: WorkflowPaths = { data: 'data/train.csv', schema: 'schema.yaml', config: 'mlops.yaml' };

/** The data's folder as a `paths:` filter (`data/**`), or the file itself at the root. */
function dataFolder(p: WorkflowPaths): string {
  const slash = p.data.lastIndexOf('/');
  return slash > 0 ? `${p.data.slice(0, slash)}/**` : p.data;
}

/** `.github/workflows/<file>` → content. */
export function workflowFiles(p: WorkflowPaths = DEFAULT_WORKFLOW_PATHS): Record<'pull-request' | 'release' | 'drift', { file: string; text: string }> {
  return {
    'pull-request': {
      file: 'mlops-pull-request.yml',
      text: `# .github/workflows/mlops-pull-request.yml
name: mlops pull request
on:
  pull_request:
    paths: [${dataFolder(p)}, ${p.config}, ${p.schema}, .mlops/retrain/**]   # .mlops/retrain: the drift check's retraining PRs
  workflow_dispatch:          # the drift check dispatches it on its retraining branch
    inputs:
      pr: { description: 'Pull request to comment on', required: false }
permissions: {}
jobs:
  mlops:
    uses: mlops-actions/mlops-actions/.github/workflows/mlops-pull-request.yml@v1
    permissions:
      contents: read
      pull-requests: write
    with:
      config: ${p.config}
      data: ${p.data}
      schema: ${p.schema}
      train-runs-on: '["ubuntu-latest"]'   # or '["self-hosted", "gpu"]'
`,
    },
    release: {
      file: 'mlops-release.yml',
      text: `# .github/workflows/mlops-release.yml
name: mlops release
on:
  push:
    branches: [main]
    paths: [${dataFolder(p)}, ${p.config}]
  workflow_dispatch:
    inputs:
      stage: { description: 'Stage to assign', default: staging }
permissions: {}
jobs:
  train:
    uses: mlops-actions/mlops-actions/.github/workflows/mlops-train.yml@v1
    permissions:
      contents: read
    with:
      config: ${p.config}
      runs-on: '["ubuntu-latest"]'
      install-native: none
  release:
    needs: train
    uses: mlops-actions/mlops-actions/.github/workflows/mlops-release.yml@v1
    permissions:
      contents: write
    with:
      config: ${p.config}
      artifact: \${{ needs.train.outputs.artifact-name }}
      bump: minor
      stage: \${{ inputs.stage || 'staging' }}
`,
    },
    drift: {
      file: 'mlops-drift.yml',
      text: `# .github/workflows/mlops-drift.yml
name: mlops drift
on:
  schedule:
    - cron: '17 6 * * 1-5'
  workflow_dispatch:
permissions: {}
jobs:
  drift:
    uses: mlops-actions/mlops-actions/.github/workflows/mlops-drift.yml@v1
    permissions:
      contents: write
      pull-requests: write
      actions: write
    with:
      config: ${p.config}
      dispatch-workflow: mlops-pull-request.yml
    secrets:
      token: \${{ secrets.MLOPS_TOKEN }}
`,
    },
  };
}
