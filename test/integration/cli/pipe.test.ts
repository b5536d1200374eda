import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsCheckout } from '../../support/action-runner/index.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mlops-pipe-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('the bundle behind a pipe', () => {
  it('ends quietly when the reader closes the pipe early (`mlops validate wide.csv … | head`)', async () => {
    const cli = join(actionsCheckout(), 'dist', 'mlops.mjs');
    // 8,000 columns: the terminal report is far larger than a pipe's buffer.
    const cols = Array.from({ length: 8000 }, (_, i) => `c${i}`);
    const rows = Array.from({ length: 5 }, (_, r) => cols.map((_, i) => (r * i) % 89).join(','));
    const data = join(dir, 'wide.csv');
    await writeFile(data, `${cols.join(',')}\n${rows.join('\n')}\n`);
    const schema = join(dir, 'wide.yaml');
    await writeFile(schema, `fields:\n${cols.map((c) => `  - { name: ${c}, type: integer }`).join('\n')}\n`);
    const child = spawn(process.execPath, [cli, 'validate', data, '--schema', schema], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    // Like `head -1`: read the first chunk, then close our end.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(0);
  }, 60_000);
});
