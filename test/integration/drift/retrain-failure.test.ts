import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { parseWorkflowCommands } from '../../support/action-runner/index.ts';
import { exampleRemote, GIT_ENV, gitWith } from './example-remote.ts';

/**
 * The check ran and found drift, then the retraining flow failed (here: the remote refuses the
 * push, as a protected branch or a token without `contents: write` does). The drift report used
 * to be lost with it: no stdout, no --report file, no job summary, no outputs — a scheduled run
 * showed the error alone and the findings had to be computed again after fixing the permission.
 */
let root: string;
let work: string;
let remote: string;
beforeEach(() => {
  ({ root, work, remote } = exampleRemote('mlops-drift-retrain-failure-', gitWith()));
  const hook = join(remote, 'hooks', 'pre-receive');
  writeFileSync(hook, '#!/bin/sh\necho "protected branch: pushes refused" >&2\nexit 1\n');
  chmodSync(hook, 0o755);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const env = { ...process.env, ...GIT_ENV, GITHUB_ACTIONS: '', GITHUB_TOKEN: '', INPUT_TOKEN: '', GITHUB_REPOSITORY: '' };

describe('drift --open-pr when the retraining flow fails', () => {
  it('the CLI still prints and writes the report, then exits 2 with the error', async () => {
    const io = memoryIo({ cwd: work, env });
    const code = await runCli(['drift', '--reference', 'data/train.csv', '--current', 'monitoring/latest.csv', '--open-pr', '--json',
      '--report', 'drift.json', '--markdown', 'drift.md', '--fail-on-drift'], io);
    expect(code).toBe(2);
    expect(io.err).toMatch(/push of mlops\/retrain\/weather to 'origin' was refused/);
    const printed = JSON.parse(io.out);
    expect(printed).toMatchObject({ model: 'weather', drifted: true });
    expect(printed.retrain.error).toMatch(/protected branch: pushes refused/);
    expect(JSON.parse(readFileSync(join(work, 'drift.json'), 'utf8'))).toEqual(printed);
    expect(readFileSync(join(work, 'drift.md'), 'utf8')).toMatch(/^## Data drift: weather\n/);
    expect(io.err).toMatch(/mlops drift: dataset drift: \d+\/\d+ features drifted/);
  });

  it('the action still writes the job summary, drift warnings, report and outputs, then fails the step once', async () => {
    const output = join(root, 'output');
    const summary = join(root, 'summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const report = join(root, 'drift.json');
    const io = memoryIo({ cwd: work, env: {
      ...env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: work, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary,
      INPUT_REFERENCE: 'data/train.csv', INPUT_CURRENT: 'monitoring/latest.csv', INPUT_REPORT: report,
    } });
    expect(await runCli(['action', 'drift'], io)).toBe(2);
    const commands = parseWorkflowCommands(io.out);
    const errors = commands.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/push of mlops\/retrain\/weather to 'origin' was refused/);
    expect(commands.annotations.filter((a) => a.level === 'warning' && /^drift in /.test(a.title ?? '')).length).toBeGreaterThan(0);
    expect(readFileSync(summary, 'utf8')).toMatch(/## Data drift: weather\n/);
    expect(existsSync(report)).toBe(true);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.retrain.error).toMatch(/protected branch: pushes refused/);
    // Byte for byte: the drift outputs are set, operation and pr-url are not (nothing was opened).
    expect(readFileSync(output, 'utf8')).toBe(`drifted=true\nshare=${json.share}\nreport=${report}\n`);
  });
});
