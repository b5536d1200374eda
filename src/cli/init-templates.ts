/**
 * The three workflows `mlops init` writes: the README's "three workflows to copy", verbatim, with
 * the data and schema paths of the project filled in. test/unit/hygiene checks that the README
 * blocks equal these with the defaults (`data/train.csv`, `schema.yaml`), so the two never diverge.
 */

import { parse as parseYaml } from 'yaml';

/** Where a project keeps what the pull-request workflow reads. */
export interface WorkflowPaths {
  /** Training data, repository-relative (forward slashes). */
  data: string;
  /** Table Schema, repository-relative. */
  schema: string;
  /** mlops.yaml, repository-relative. */
  config: string;
  /**
   * The model's name, for a model in a subdirectory of the repository: a repository may hold
   * several, so its workflows are `mlops-<model>-pull-request.yml` (and so on), named after it,
   * instead of files that a second model's `mlops init --force` would replace.
   */
  model?: string;
  /** The golden test set (`data.test`), repository-relative: a change to it changes the evaluation. */
  test?: string;
  /** The branch whose pushes register the model (the repository's default branch); default `main`. */
  branch?: string;
  /**
   * The code of an external trainer (`train.command`, `train.predictCommand`), repository-relative:
   * a script, or a folder (`folder: true`, all under it). A change to it is a change to the model,
   * so the pull-request check and the release run for it as for the data.
   */
  code?: Array<{ path: string; folder: boolean }>;
}

export const DEFAULT_WORKFLOW_PATHS: WorkflowPaths = { data: 'data/train.csv', schema: 'schema.yaml', config: 'mlops.yaml' };

/**
 * A string as a YAML scalar: plain when YAML reads it back as that same string and it holds no
 * character that means something in a flow sequence (`[a, b]`), else double-quoted (a JSON string
 * is a valid YAML double-quoted scalar). A path such as `my data/train #1.csv` or `*.csv` would
 * otherwise be read as a comment, an alias or a mapping.
 */
export function yamlScalar(value: string): string {
  return /^[A-Za-z0-9_./][A-Za-z0-9_./ ()@+=~*-]*$/.test(value) && !/ $/.test(value) && parseYaml(value) === value
    ? value : JSON.stringify(value);
}

/**
 * A literal path as a GitHub `paths:` filter pattern: the characters the filter treats as
 * wildcards (`* ? [ ] + !`) are escaped with a backslash, so a folder named `runs[1]` matches itself.
 */
function filterPattern(path: string): string {
  return path.replace(/[*?[\]+!]/g, (c) => `\\${c}`);
}

/** A data file's folder as a `paths:` filter (`data/**`), or the file itself at the root. */
function folderFilter(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash > 0 ? `${filterPattern(path.slice(0, slash))}/**` : filterPattern(path);
}

/** The training data's folder as a `paths:` filter. */
function dataFolder(p: WorkflowPaths): string {
  return folderFilter(p.data);
}

/** The trainer's code as `paths:` filter patterns: a folder's whole tree, or the script itself. */
function codeFilters(p: WorkflowPaths): string[] {
  return (p.code ?? []).map((c) => (c.folder ? `${filterPattern(c.path)}/**` : filterPattern(c.path)));
}

/** Filter patterns, each once (a trainer's command may name the data folder or mlops.yaml too). */
function unique(patterns: string[]): string[] {
  return [...new Set(patterns)];
}

/** The workflow files' names: `mlops-<kind>.yml`, or `mlops-<model>-<kind>.yml` for a model in a subdirectory. */
export function workflowFileName(kind: 'pull-request' | 'release' | 'drift', model?: string): string {
  return model === undefined ? `mlops-${kind}.yml` : `mlops-${model}-${kind}.yml`;
}

/** `.github/workflows/<file>` → content. */
export function workflowFiles(p: WorkflowPaths = DEFAULT_WORKFLOW_PATHS): Record<'pull-request' | 'release' | 'drift', { file: string; text: string }> {
  const files = {
    'pull-request': workflowFileName('pull-request', p.model),
    release: workflowFileName('release', p.model),
    drift: workflowFileName('drift', p.model),
  };
  const title = (what: string): string => (p.model === undefined ? `mlops ${what}` : `mlops ${p.model} ${what}`);
  // One model's retraining commit touches only its own .mlops/retrain/<name>.json.
  const retrain = p.model === undefined ? '.mlops/retrain/**' : `.mlops/retrain/${p.model}.json`;
  return {
    'pull-request': {
      file: files['pull-request'],
      text: `# .github/workflows/${files['pull-request']}
name: ${title('pull request')}
on:
  pull_request:
    paths: [${unique([dataFolder(p), filterPattern(p.config), filterPattern(p.schema), ...(p.test !== undefined ? [folderFilter(p.test)] : []), ...codeFilters(p), retrain]).map(yamlScalar).join(', ')}]   # .mlops/retrain: the drift check's retraining PRs
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
      config: ${yamlScalar(p.config)}
      data: ${yamlScalar(p.data)}
      schema: ${yamlScalar(p.schema)}
      train-runs-on: '["ubuntu-latest"]'   # or '["self-hosted", "gpu"]'
`,
    },
    release: {
      file: files.release,
      text: `# .github/workflows/${files.release}
name: ${title('release')}
on:
  push:
    branches: [${yamlScalar(p.branch ?? 'main')}]
    paths: [${unique([dataFolder(p), filterPattern(p.config), ...codeFilters(p)]).map(yamlScalar).join(', ')}]
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
      config: ${yamlScalar(p.config)}
      runs-on: '["ubuntu-latest"]'
      install-native: none
  release:
    needs: train
    uses: mlops-actions/mlops-actions/.github/workflows/mlops-release.yml@v1
    permissions:
      contents: write
    with:
      config: ${yamlScalar(p.config)}
      artifact: \${{ needs.train.outputs.artifact-name }}
      bump: minor
      stage: \${{ inputs.stage || 'staging' }}
`,
    },
    drift: {
      file: files.drift,
      text: `# .github/workflows/${files.drift}
name: ${title('drift')}
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
      config: ${yamlScalar(p.config)}
      dispatch-workflow: ${files['pull-request']}
    secrets:
      token: \${{ secrets.MLOPS_TOKEN }}
`,
    },
  };
}
