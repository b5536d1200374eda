import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { inputEnvName } from '../../../src/actions/inputs.ts';
import { loadWorkflowParser } from '../../support/action-runner/workflow-parser.ts';
import { generateUmbrella } from './umbrella.ts';
import {
  actionPathExpressions, hyphenatedEnvWithoutBash, expressionInRun, repoRoot, findYamlFiles, missingPermissions, runBlocks, shellcheckAvailable, shellcheckBlocks, unpinnedUses, type YamlFile,
} from './checks.ts';

const files = findYamlFiles();
const blocks = files.flatMap(runBlocks);
const haveShellcheck = shellcheckAvailable();
if (!haveShellcheck && process.env.CI !== 'true') {
  console.warn('\n!!! shellcheck is not installed: the shellcheck hygiene test is SKIPPED. Install it (apt-get install shellcheck); under CI=true its absence fails.\n');
}

async function parseErrors(file: YamlFile): Promise<string[]> {
  const parser = await loadWorkflowParser();
  const trace = new parser.NoOperationTraceWriter();
  const source = { name: file.path, content: file.content };
  const parsed = file.kind === 'action' ? parser.parseAction(source, trace) : parser.parseWorkflow(source, trace);
  return parsed.context.errors.getErrors().map((e) => e.message);
}

describe('YAML hygiene of every action and workflow', () => {
  it('finds the repository files (the root action and CI workflow at least)', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('action.yml');
    expect(paths).toContain('.github/workflows/ci.yml');
  });

  it.each(files.map((f) => [f.path, f] as const))('%s parses with @actions/workflow-parser', async (_path, file) => {
    expect(await parseErrors(file)).toEqual([]);
  });

  it('no run: block contains ${{ (inputs reach scripts only through env:)', () => {
    expect(expressionInRun(blocks)).toEqual([]);
  });

  it('no ${{ github.action_path }} (breaks in container jobs) and hyphenated INPUT_ names only under bash', () => {
    expect(files.flatMap(actionPathExpressions)).toEqual([]);
    expect(files.flatMap(hyphenatedEnvWithoutBash)).toEqual([]);
  });

  it('every workflow declares permissions: at the top or on every job', () => {
    expect(files.flatMap(missingPermissions)).toEqual([]);
  });

  it('every third-party uses: is pinned to a commit SHA', () => {
    expect(files.flatMap(unpinnedUses)).toEqual([]);
  });

  it.skipIf(!haveShellcheck && process.env.CI !== 'true')('shellcheck passes on every bash/sh run: script', () => {
    expect(haveShellcheck, 'shellcheck must be installed under CI (.ci/run installs it)').toBe(true);
    expect(shellcheckBlocks(blocks)).toEqual([]);
  });
});

describe('the hygiene checks catch violations', () => {
  const bad: YamlFile = {
    path: 'bad.yml',
    kind: 'workflow',
    content: [
      'on: pull_request',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: ./actions/validate',
      '      - name: greet',
      '        run: echo ${{ github.event.pull_request.title }}',
      '      - run: |',
      '          for f in $(ls *.csv); do echo $f; done',
      '  b:',
      '    uses: octo/repo/.github/workflows/x.yml@main',
      '',
    ].join('\n'),
  };

  it('flags ${{ in run:, missing permissions and unpinned uses', () => {
    expect(expressionInRun(runBlocks(bad))).toEqual(['bad.yml jobs.a.steps[2] (greet): `${{` inside a run: script — pass the value through env: instead']);
    expect(missingPermissions(bad)).toHaveLength(2);
    expect(unpinnedUses(bad)).toEqual([
      "bad.yml jobs.a.steps[0]: 'actions/checkout@v4' is not pinned to a 40-character commit SHA",
      "bad.yml jobs.b: 'octo/repo/.github/workflows/x.yml@main' is not pinned to a 40-character commit SHA",
    ]);
    expect(missingPermissions({ ...bad, content: `permissions: {}\n${bad.content}` })).toEqual([]);
    // The project's own actions, called by tag from its reusable workflows, are first-party.
    expect(unpinnedUses({ ...bad, content: bad.content.replace('actions/checkout@v4', 'mlops-actions/mlops-actions/actions/drift@v1') })).toHaveLength(1);
  });

  it('flags github.action_path expressions and hyphenated env under sh', () => {
    const action: YamlFile = {
      path: 'a/action.yml',
      kind: 'action',
      content: 'name: a\ndescription: d\nruns:\n  using: composite\n  steps:\n    - shell: sh\n      env:\n        INPUT_MAX-ERRORS: "1"\n        P: ${{ github.action_path }}\n      run: node "$P/x.mjs"\n',
    };
    expect(actionPathExpressions(action)).toEqual(['a/action.yml:9: uses ${{ github.action_path }}; use "$GITHUB_ACTION_PATH"']);
    expect(hyphenatedEnvWithoutBash(action)).toEqual(['a/action.yml runs.steps[0]: sets hyphenated env names but does not run under bash (sh drops them)']);
    expect(hyphenatedEnvWithoutBash({ ...action, content: action.content.replace('shell: sh', 'shell: bash') })).toEqual([]);
  });

  it('reports parser errors', async () => {
    expect((await parseErrors({ path: 'a.yml', kind: 'action', content: 'name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: echo\n' })).join('\n')).toContain('Required property is missing: shell');
    expect((await parseErrors({ ...bad, content: bad.content.replace('runs-on', 'runs_on') })).length).toBeGreaterThan(0);
  });

  it.skipIf(!haveShellcheck)('shellcheck findings name the file and step', () => {
    const findings = shellcheckBlocks(runBlocks(bad));
    expect(findings.some((f) => f.startsWith('bad.yml jobs.a.steps[3], script line 1:') && /SC2045|SC2086/.test(f))).toBe(true);
    // The ${{ block is reported by its own test, not fed to shellcheck.
    expect(findings.some((f) => f.includes('steps[2]'))).toBe(false);
  });
});

describe('actions pass their inputs on, and the umbrella action covers every action', () => {
  type ActionDoc = { inputs?: Record<string, unknown>; outputs?: Record<string, unknown>; runs?: { steps?: { env?: Record<string, unknown> }[] } };
  const actions = files.filter((f) => f.kind === 'action' && (f.path === 'action.yml' || f.path.startsWith('actions/')));
  const docOf = (file: YamlFile) => yaml.load(file.content) as ActionDoc;
  const envKeys = (doc: ActionDoc) => new Set((doc.runs?.steps ?? []).flatMap((s) => Object.keys(s.env ?? {})));
  // Inputs consumed by the YAML itself rather than by `mlops action` (none: setup-node is also
  // passed on, so the typed input module refuses a value that is no boolean).
  const yamlOnly = new Set<string>([]);

  it.each(actions.map((f) => [f.path, f] as const))('%s passes every input to the CLI as INPUT_<NAME>', (_path, file) => {
    const doc = docOf(file);
    const keys = envKeys(doc);
    const missing = Object.keys(doc.inputs ?? {}).filter((name) => !yamlOnly.has(name) && !keys.has(inputEnvName(name)));
    expect(missing, `inputs declared but never passed through env: (add INPUT_<NAME>: \${{ inputs.<name> }})`).toEqual([]);
  });

  it('the root action.yml is the umbrella generated from actions/*/action.yml (up to date)', () => {
    const current = files.find((f) => f.path === 'action.yml')!.content;
    expect(current, 'action.yml is stale: run `npx tsx test/unit/hygiene/umbrella.ts --write`').toBe(generateUmbrella(repoRoot));
  });
});
