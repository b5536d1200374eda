/**
 * Training progress for people: a one-line bar redrawn per epoch on a terminal, plain log lines
 * elsewhere (CI logs, pipes), and the history as a mermaid chart for the job summary.
 */
import { groupDigits } from '../core/text.ts';
import type { EpochRecord } from './model.ts';

function fmt(x: number | undefined, digits = 4): string {
  return x === undefined || !Number.isFinite(x) ? '–' : Number(x.toPrecision(digits)).toString();
}

/** `loss 0.412 · val_loss 0.398 · val_accuracy 0.91 · 12,345 samples/s`. */
export function epochSummary(r: EpochRecord): string {
  const parts = [`loss ${fmt(r.loss)}`];
  if (r.val_loss !== undefined) parts.push(`val_loss ${fmt(r.val_loss)}`);
  if (r.val_accuracy !== undefined) parts.push(`val_accuracy ${fmt(r.val_accuracy)}`);
  if (r.val_rmse !== undefined) parts.push(`val_rmse ${fmt(r.val_rmse)}`);
  // An external trainer's history need not time its epochs.
  if (Number.isFinite(r.samplesPerSecond)) parts.push(`${groupDigits(r.samplesPerSecond)} samples/s`);
  return parts.join(' · ');
}

/** A fixed-width bar: `[#########-----------]  9/20`. */
export function progressBar(done: number, total: number, width = 24): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(done).padStart(String(total).length)}/${total}`;
}

/** Returns an onEpoch callback writing to `write`: a redrawn bar on a TTY, one line per epoch otherwise. */
export function epochReporter(write: (text: string) => void, tty: boolean): { onEpoch: (r: EpochRecord, total: number) => void; end: () => void } {
  let drew = false;
  return {
    onEpoch(r, total) {
      if (tty) {
        write(`\r\x1b[2K${progressBar(r.epoch, total)}  ${epochSummary(r)}`);
        drew = true;
      } else {
        write(`epoch ${r.epoch}/${total}: ${epochSummary(r)}\n`);
      }
    },
    end() {
      if (drew) write('\n');
    },
  };
}
