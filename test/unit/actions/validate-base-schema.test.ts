import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';
import { parseWorkflowCommands } from '../../support/action-runner/index.ts';

// The pull-request workflow hands actions/validate the base branch's schema. That file may not
// load with this release (a drift method or key an older release let through, or a schema broken
// on the base branch): the pull request that fixes it must still be validated, not fail exit 2.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlops-base-schema-'));
  writeFileSync(join(dir, 'data.csv'), 'id,score\n1,0.5\n2,1.5\n');
  writeFileSync(join(dir, 'schema.yaml'), 'fields:\n  - { name: id, type: integer }\n  - { name: score, type: number, constraints: { maximum: 1 } }\n');
  // What the base branch held: a misspelt drift method, which schema load now rejects at its line.
  writeFileSync(join(dir, 'base.yaml'), 'fields:\n  - { name: id, type: integer }\n  - name: score\n    type: number\n    drift: { method: kolmogorov }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function action(baseSchema: string) {
  const output = join(dir, 'output.txt');
  const summary = join(dir, 'summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const io = memoryIo({
    cwd: dir,
    env: {
      GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary,
      INPUT_DATA: 'data.csv', INPUT_SCHEMA: 'schema.yaml', 'INPUT_BASE-SCHEMA': baseSchema, INPUT_COMMENT: 'false', INPUT_REPORT: 'report.json',
    },
  });
  const code = await runCli(['action', 'validate'], io);
  return { code, io, output: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8'), annotations: parseWorkflowCommands(io.out).annotations };
}

describe('actions/validate with a base-branch schema that does not load', () => {
  it('validates the data against the branch schema and skips the diff with a warning saying why', async () => {
    const r = await action(join(dir, 'base.yaml'));
    // The verdict is the data's (one row over the maximum), not "could not run".
    expect(r.code, r.io.out + r.io.err).toBe(1);
    expect(r.output).toBe(`valid=false\nerror-count=1\nreport=${join(dir, 'report.json')}\n`);
    expect(r.annotations.map((a) => [a.level, a.title, a.file, a.line])).toEqual([
      ['warning', 'Schema diff skipped', 'schema.yaml', undefined],
      ['error', 'score: maximum', 'data.csv', 3],
    ]);
    expect(r.annotations[0]!.message).toMatch(/^The base branch's schema could not be read, so the schema diff is skipped: .*base\.yaml:5:14 \(fields\[1\]\.drift\.method\): unknown drift method 'kolmogorov'/);
    expect(r.summary).toContain('**Invalid**: 1 error in 2 rows');
    expect(r.summary).toMatch(/#### Schema changes against the base branch\n\n> \[!WARNING\]\n> The base branch's schema could not be read/);
    expect(r.summary).toContain("(fields[1].drift.method): unknown drift method 'kolmogorov'");
    // The JSON report is the validation's, with no schema diff in it.
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect([report.valid, report.errorCount, report.schemaDiff]).toEqual([false, 1, undefined]);
  });

  it('a base-schema path that names no file is still the workflow\'s mistake: exit 2', async () => {
    const r = await action(join(dir, 'nosuch.yaml'));
    expect(r.code).toBe(2);
    expect(r.annotations.map((a) => [a.level, a.message])).toEqual([['error', expect.stringMatching(/nosuch\.yaml: base schema file not found$/)]]);
    expect(r.output).toBe('');
  });
});
