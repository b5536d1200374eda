import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseWorkflowCommands } from '../../support/action-runner/index.ts';
import { GIT_ENV, mlops, useSandbox, writeModel, type Sandbox } from './helpers.ts';

/**
 * `mlops registry show|history` print who wrote each tag: the `createdBy` of the tag's metadata or
 * the tagger's name — text anyone who can push a tag chooses, line breaks included. Run from a
 * workflow's `run:` step (GITHUB_ACTIONS=true) the runner reads workflow commands from stdout: a
 * `##[error …]` anywhere in a line, or `::name::` at a line's start, must be printed, never run.
 */
let box: Sandbox;
let repo: string;

useSandbox((b, r) => { box = b; repo = r; });

const FORGED_ACTOR = 'octocat ##[error file=README.md]forged by an actor\n::warning file=README.md,line=1::forged on its own line';
const FORGED_TAGGER = '##[error file=README.md]forged by a tagger';

/** A registered model whose tag records FORGED_ACTOR, and a GTO-style tag (no metadata) by FORGED_TAGGER. */
async function forgedRegistry(): Promise<void> {
  const model = await writeModel(join(box.root, 'm1'), 1);
  expect((await mlops(repo, ['registry', 'register', 'weather', '--model', model], { GITHUB_ACTOR: FORGED_ACTOR })).code).toBe(0);
  await promisify(execFile)('git', ['tag', '-a', 'penguins@v1.0.0', '-m', 'Registering artifact penguins version v1.0.0'], {
    cwd: repo, env: { ...process.env, ...GIT_ENV, GIT_COMMITTER_NAME: FORGED_TAGGER },
  });
}

describe('registry show and history with an actor that holds a line break', () => {
  it('print each version and event on one row (the break written \\n); --json keeps the actor exactly', async () => {
    await forgedRegistry();
    const history = await mlops(repo, ['registry', 'history', 'weather']);
    const rows = history.out.trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/ registration +weather +v0\.1\.0 .*octocat ##\[error file=README\.md\]forged by an actor\\n::warning file=README\.md,line=1::forged on its own line$/);

    const show = await mlops(repo, ['registry', 'show', 'weather']);
    const lines = show.out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^v0\.1\.0 .*forged by an actor\\n::warning/);
    expect((await mlops(repo, ['registry', 'show', 'penguins'])).out).toContain(FORGED_TAGGER);

    const json = await mlops(repo, ['registry', 'history', 'weather', '--json']);
    expect((json.json() as Array<{ actor: string }>)[0]!.actor).toBe(FORGED_ACTOR);
  });

  it('in a run: step, show and history print a forged actor without running it', async () => {
    await forgedRegistry();
    for (const args of [['show', 'weather'], ['history'], ['history', 'penguins'], ['show', 'penguins'], ['history', 'weather', '--json']]) {
      const run = await mlops(repo, ['registry', ...args], { GITHUB_ACTIONS: 'true' });
      expect(run.code, run.err).toBe(0);
      const seen = parseWorkflowCommands(run.out);
      expect(seen.annotations, args.join(' ')).toEqual([]);
      expect(seen.masks).toEqual([]);
      // The log still shows the text as it is.
      expect(seen.log.join('\n')).toContain(args[1] === 'penguins' ? 'forged by a tagger' : 'forged by an actor');
    }
  });
});
