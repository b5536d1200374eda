import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCallerWorkflow } from '../../support/action-runner/index.ts';

// runCallerWorkflow against a throw-away "first-party" repository of tiny reusable workflows
// (run: steps only), so each rule of the caller ↔ called contract is checked in isolation.
let root: string;
const firstParty = () => ({ 'acme/ml': root });

const CALLED = `name: called
on:
  workflow_call:
    inputs:
      name: { type: string, required: true }
      loud: { type: boolean, default: false }
      times: { type: number, default: 2 }
      skip-second: { type: boolean, default: false }
      artifact: { type: string, default: names }
    secrets:
      token: { required: false }
    outputs:
      greeting:
        value: \${{ jobs.second.outputs.greeting }}
      first-result:
        value: \${{ jobs.first.result }}
permissions: {}
jobs:
  first:
    runs-on: \${{ fromJSON('["ubuntu-latest"]') }}
    permissions: { contents: read }
    outputs:
      word: \${{ steps.w.outputs.word }}
    steps:
      - id: w
        env:
          NAME: \${{ inputs.name }}
          LOUD: \${{ inputs.loud }}
          TIMES: \${{ inputs.times }}
          TOKEN: \${{ secrets.token }}
          GH: \${{ secrets.GITHUB_TOKEN }}
        run: |
          echo "word=$NAME/$LOUD/$TIMES/\${#TOKEN}/$GH" >> "$GITHUB_OUTPUT"
          mkdir -p out && echo "$NAME" > out/name.txt
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
        with:
          name: \${{ inputs.artifact }}
          path: out/name.txt
  second:
    needs: first
    if: \${{ !inputs.skip-second }}
    runs-on: ubuntu-latest
    permissions: { contents: read, pull-requests: write }
    outputs:
      greeting: \${{ steps.g.outputs.greeting }}
    steps:
      - uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093 # v4.3.0
        with:
          name: \${{ inputs.artifact }}
          path: got
      - id: g
        env:
          WORD: \${{ needs.first.outputs.word }}
        run: echo "greeting=hello $WORD $(cat got/name.txt)" >> "$GITHUB_OUTPUT"
`;

const FAILING = `name: failing
on:
  workflow_call: {}
jobs:
  boom:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: exit 3
  after:
    needs: boom
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo never
  cleanup:
    needs: boom
    if: always()
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo cleaned
`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mlops-caller-'));
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(root, '.github', 'workflows', 'called.yml'), CALLED);
  writeFileSync(join(root, '.github', 'workflows', 'failing.yml'), FAILING);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const caller = (jobs: string, top = 'permissions: {}') => `name: caller
on:
  push:
  workflow_dispatch:
    inputs:
      who: { default: ada }
${top}
jobs:
${jobs}`;

describe('runCallerWorkflow', () => {
  it('maps with/secrets/needs, types inputs, shares artifacts, honours job if, returns workflow outputs', async () => {
    const yaml = caller(`  a:
    uses: acme/ml/.github/workflows/called.yml@v1
    permissions: { contents: read, pull-requests: write }
    with:
      name: \${{ inputs.who }}
      loud: true
      times: '3'
    secrets:
      token: \${{ secrets.MY_PAT }}
  b:
    needs: a
    uses: acme/ml/.github/workflows/called.yml@v1
    permissions: write-all
    with:
      name: \${{ needs.a.outputs.greeting }}
      skip-second: true
      artifact: names-b
  c:
    needs: a
    if: \${{ github.event_name == 'push' }}
    uses: acme/ml/.github/workflows/called.yml@v1
    permissions: { contents: read, pull-requests: write }
    with: { name: c, artifact: names-c }`);
    const run = await runCallerWorkflow(yaml, { firstParty: firstParty(), eventName: 'workflow_dispatch', event: { inputs: { who: 'grace' } }, token: 'ghs_t', secrets: { MY_PAT: 'pat12' } });
    expect(run.success).toBe(true);
    expect(run.jobs.a!.inputs).toEqual({ name: 'grace', loud: true, times: 3, 'skip-second': false, artifact: 'names' });
    expect(run.jobs.a!.jobs.first!.outputs.word).toBe('grace/true/3/5/ghs_t');
    expect(run.jobs.a!.jobs.first!.runsOn).toEqual(['ubuntu-latest']);
    expect(run.jobs.a!.jobs.second!.permissions).toMatchObject({ contents: 'read', 'pull-requests': 'write' });
    expect(run.jobs.a!.outputs).toEqual({ greeting: 'hello grace/true/3/5/ghs_t grace', 'first-result': 'success' });
    // b: needs.a outputs in `with`, no secret passed (length 0), second job skipped by its if.
    expect(run.jobs.b!.jobs.first!.outputs.word).toBe('hello grace/true/3/5/ghs_t grace/false/2/0/ghs_t');
    expect(run.jobs.b!.jobs.second!.result).toBe('skipped');
    expect(run.jobs.b!.outputs.greeting).toBe('');
    // c: its if is false on workflow_dispatch.
    expect(run.jobs.c).toEqual({ result: 'skipped', outputs: {}, jobs: {} });
  });

  it('rejects, before running anything, unknown or missing inputs, unknown secrets and missing permissions', async () => {
    const marker = join(root, 'ran');
    const touch = `  pre:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: touch "${marker}"
`;
    const call = (extra: string, perms = '{ contents: read, pull-requests: write }') => caller(`${touch}  x:
    needs: pre
    uses: acme/ml/.github/workflows/called.yml@v1
    permissions: ${perms}
${extra}`);
    const options = { firstParty: firstParty(), eventName: 'push' };
    await expect(runCallerWorkflow(call('    with: { name: n, colour: red }'), options)).rejects.toThrow(/Invalid input, colour is not defined in the referenced workflow/);
    await expect(runCallerWorkflow(call('    with: { loud: true }'), options)).rejects.toThrow(/Input name is required/);
    await expect(runCallerWorkflow(call('    with: { name: n }\n    secrets: { tokn: x }'), options)).rejects.toThrow(/Invalid secret, tokn/);
    await expect(runCallerWorkflow(call('    with: { name: n }', '{ contents: read }'), options))
      .rejects.toThrow(/nested job 'second' is requesting 'pull-requests: write', but is only allowed 'pull-requests: none'/);
    // No permissions anywhere: GitHub's restricted default (contents: read) is the ceiling.
    const noPerms = caller(`  x:
    uses: acme/ml/.github/workflows/called.yml@v1
    with: { name: n }`, '');
    await expect(runCallerWorkflow(noPerms, options)).rejects.toThrow(/'pull-requests: write', but is only allowed 'pull-requests: none'/);
    await expect(runCallerWorkflow(call('    with: { name: n }').replace('called.yml', 'nope.yml'), options)).rejects.toThrow(/does not exist/);
    expect(() => rmSync(marker)).toThrow();
  });

  it('a failed job skips its dependents (unless always()) and fails the caller job; later caller jobs are skipped', async () => {
    const yaml = caller(`  f:
    uses: acme/ml/.github/workflows/failing.yml@v1
  g:
    needs: f
    uses: acme/ml/.github/workflows/failing.yml@v1
  h:
    needs: f
    if: always()
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo "f was \${F}"
        env:
          F: \${{ needs.f.result }}`);
    const run = await runCallerWorkflow(yaml, { firstParty: firstParty(), eventName: 'push' });
    expect(run.success).toBe(false);
    expect(run.jobs.f!.result).toBe('failure');
    expect(run.jobs.f!.jobs.boom!.exitCode).toBe(3);
    expect(run.jobs.f!.jobs.after!.result).toBe('skipped');
    expect(run.jobs.f!.jobs.cleanup!.result).toBe('success');
    expect(run.jobs.g!.result).toBe('skipped');
    expect(run.jobs.h!.result).toBe('success');
    expect(run.jobs.h!.jobs.h!.stdout).toContain('f was failure');
  });
});
