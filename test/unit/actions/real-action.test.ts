import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionsCheckout, runCompositeAction } from '../../support/action-runner/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
let runnerTemp: string;
beforeEach(() => { runnerTemp = mkdtempSync(join(tmpdir(), 'mlops-real-action-')); });
afterEach(() => rmSync(runnerTemp, { recursive: true, force: true }));

// The real validate action, bundled from the current sources, through the runner's contract:
// this proves the runtime's outputs/summary/annotations/masking survive the real env files.
describe('actions/validate through the runner (dist built from the working tree)', () => {
  it('sets outputs, writes the summary, caps annotations and never prints the token', async () => {
    const checkout = actionsCheckout();
    const token = 'ghs_realActionToken42';
    const result = await runCompositeAction(join(checkout, 'actions', 'validate'), {
      inputs: { data: 'fixtures/validate/penguins.csv', schema: 'fixtures/validate/penguins.schema.yaml', comment: false },
      workspace: root,
      runnerTemp,
      token,
      eventName: 'push',
    });
    expect([0, 1]).toContain(result.exitCode);
    expect(result.outputs.valid).toBe(result.exitCode === 0 ? 'true' : 'false');
    expect(Number(result.outputs['error-count'])).toBeGreaterThanOrEqual(result.exitCode);
    expect(result.summary.length).toBeGreaterThan(0);
    expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024);
    for (const level of ['error', 'warning', 'notice'] as const) {
      expect(result.annotations.filter((a) => a.level === level && a.step === 'Validate data').length).toBeLessThanOrEqual(10);
    }
    expect(result.masks).toContain(token);
    const everything = [result.stdout.replace(/^::add-mask::.*$/gm, ''), result.stderr, result.summary, JSON.stringify(result.outputs), JSON.stringify(result.annotations)].join('\n');
    expect(everything).not.toContain(token);
  });
});
