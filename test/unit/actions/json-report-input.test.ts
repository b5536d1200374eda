/**
 * The validate and drift actions write one report, JSON. `report: out/drift.md` wrote JSON under a
 * markdown name (and the evaluate action wrote JSON to .md and the markdown to .md.md). These two
 * actions now refuse a markdown path as an input error naming the input, before any work.
 */
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { checkJsonReportInput } from '../../../src/actions/report-path.ts';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'mlops-json-report-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the 'report' input of validate and drift", () => {
  it.each([
    ['validate', { INPUT_DATA: 'data.csv', INPUT_SCHEMA: 'schema.yaml' }],
    ['drift', { INPUT_CURRENT: 'current.csv', INPUT_REFERENCE: 'reference.csv' }],
  ] as const)('actions/%s: report ending in .md is exit 2 naming the input; nothing is written', async (action, inputs) => {
    const io = memoryIo({ cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, ...inputs, INPUT_REPORT: 'out/report.md', 'INPUT_SETUP-NODE': 'false' } });
    expect(await runCli(['action', action], io)).toBe(2);
    expect(io.out + io.err).toContain("input 'report' is where the JSON report is written, and 'report.md' names a markdown file");
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('accepts .json and other names; refuses .md and .markdown in any case', () => {
    for (const ok of [undefined, '/w/r.json', '/w/r', '/w/r.txt', '/w/md']) expect(() => checkJsonReportInput(ok)).not.toThrow();
    for (const bad of ['/w/r.md', '/w/R.MD', '/w/r.markdown']) expect(() => checkJsonReportInput(bad)).toThrow(/input 'report'/);
  });
});
