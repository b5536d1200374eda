import { UsageError } from '../core/errors.ts';
import type { ActionEntry } from './entry.ts';

// Placeholder until the capability lands: it fails clearly rather than pretending to work.
const entry: ActionEntry = {
  name: 'validate',
  async run() {
    throw new UsageError("the 'validate' action is not implemented yet");
  },
};
export default entry;
