/**
 * The release action's job summary on a re-run said "nothing changed" even when the re-run
 * assigned the stage (its `operation` output: created) — e.g. the first run registered without a
 * stage, or failed between the registration and the assignment.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import releaseAction from '../../../src/actions/release.ts';
import { GIT_ENV, useSandbox, writeModel, type Sandbox } from './helpers.ts';

let box: Sandbox;
let repo: string;
useSandbox((b, r) => { box = b; repo = r; });

async function release(model: string, extra: Record<string, string> = {}): Promise<{ summary: string; outputs: string }> {
  const summary = join(box.root, 'summary.md');
  const outputs = join(box.root, 'outputs.txt');
  await writeFile(summary, '');
  await writeFile(outputs, '');
  const io = memoryIo({ cwd: repo, env: {
    ...GIT_ENV, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: outputs, GITHUB_WORKSPACE: repo,
    INPUT_MODEL: 'weather', 'INPUT_MODEL-DIR': model, INPUT_STORE: 'local', INPUT_PUSH: 'false', ...extra,
  } });
  expect(await releaseAction.run(io), io.out).toBe(0);
  return { summary: await readFile(summary, 'utf8'), outputs: await readFile(outputs, 'utf8') };
}

describe('actions/release job summary on a re-run', () => {
  it('does not say "nothing changed" when the re-run assigns the stage; says it when nothing did', async () => {
    const model = await writeModel(join(box.root, 'model'), 2);
    const first = await release(model);
    expect(first.outputs).toContain('operation=created\n');
    const second = await release(model, { INPUT_STAGE: 'staging' });
    expect(second.outputs).toContain('operation=created\n');
    expect(second.summary).toContain('was already registered with this model at this commit.');
    expect(second.summary).not.toContain('nothing changed');
    expect(second.summary).toContain('none → **v0.1.0**');
    const third = await release(model, { INPUT_STAGE: 'staging' });
    expect(third.outputs).toContain('operation=unchanged\n');
    expect(third.summary).toContain('was already registered with this model at this commit: nothing changed.');
  });
});
