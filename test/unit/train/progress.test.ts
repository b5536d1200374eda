import { describe, expect, it } from 'vitest';
import { epochReporter, epochSummary, progressBar } from '../../../src/train/progress.ts';

const record = { epoch: 3, loss: 0.41234, val_loss: 0.39876, val_accuracy: 0.9123, durationMs: 10, samplesPerSecond: 12345 };

describe('progress', () => {
  it('summarises an epoch and draws a bar', () => {
    expect(epochSummary(record)).toBe('loss 0.4123 · val_loss 0.3988 · val_accuracy 0.9123 · 12,345 samples/s');
    expect(progressBar(3, 12, 12)).toBe('[###---------]  3/12');
  });

  it('redraws one line on a TTY and writes one line per epoch elsewhere', () => {
    let tty = '';
    const a = epochReporter((t) => { tty += t; }, true);
    a.onEpoch(record, 10);
    a.onEpoch({ ...record, epoch: 4 }, 10);
    a.end();
    expect(tty.split('\r\x1b[2K')).toHaveLength(3);
    expect(tty.endsWith('\n')).toBe(true);
    let log = '';
    const b = epochReporter((t) => { log += t; }, false);
    b.onEpoch(record, 10);
    b.end();
    expect(log).toBe(`epoch 3/10: ${epochSummary(record)}\n`);
  });
});
