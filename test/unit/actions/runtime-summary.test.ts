import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { createActionsRuntime } from '../../../src/actions/runtime.ts';

const NOTE = '> [!WARNING]\n> The job summary was cut here to stay under GitHub\'s 1 MiB limit per step; the full report is in the step log and the uploaded artifacts.\n';

let dir: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-runtime-summary-'));
  env = { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  await writeFile(env.GITHUB_OUTPUT!, '');
  await writeFile(env.GITHUB_STEP_SUMMARY!, '');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('job summary near the limit', () => {
  it('says the summary was cut when a section arrives with less room left than the note takes', async () => {
    const io = memoryIo({ env });
    const rt = createActionsRuntime(io, { summaryLimitBytes: 2000 });
    const first = `${'a'.repeat(1900)}\n`;
    rt.appendSummary(first);
    // 99 bytes of room: no block of this section fits, nor does the note within the limit.
    rt.appendSummary(`## Per-class scores\n\n${'| x | 1 |\n'.repeat(50)}`);
    rt.appendSummary('## Footer\n');
    const written = await readFile(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(written).toBe(`${first}\n\n${NOTE}`);
    expect(rt.summary).toBe(written);
    const before = io.out.length;
    rt.finish();
    expect(io.out.slice(before)).toBe('2 job summary section(s) dropped: the 1 MiB summary limit was reached\n');
  });

  it('keeps a real step under 1 MiB when a section lands within a note of the limit', async () => {
    const io = memoryIo({ env });
    const rt = createActionsRuntime(io);
    const limit = 1024 * 1024 - 1024;
    rt.appendSummary(`${'b'.repeat(limit - 50)}\n`);
    rt.appendSummary(`<details>\n\n${'row\n'.repeat(100)}</details>\n`);
    const written = await readFile(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(written.endsWith(`\n\n${NOTE}`)).toBe(true);
    expect(Buffer.byteLength(written)).toBeLessThan(1024 * 1024);
  });

  it('writes the note once however many later sections find no room', async () => {
    const io = memoryIo({ env });
    const rt = createActionsRuntime(io, { summaryLimitBytes: 2000 });
    rt.appendSummary(`${'a'.repeat(1950)}\n`);
    rt.appendSummary('x\n'.repeat(100));
    rt.appendSummary('y\n'.repeat(100));
    const written = await readFile(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(written.split('[!WARNING]').length).toBe(2);
  });
});
