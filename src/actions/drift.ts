import { UsageError } from '../core/errors.ts';
import type { ActionEntry } from './entry.ts';

// Placeholder until the capability lands: it fails clearly rather than pretending to work.
const entry: ActionEntry = {
  name: 'drift',
  async run() {
    throw new UsageError("the 'drift' action is not implemented yet");
  },
};
export default entry;
