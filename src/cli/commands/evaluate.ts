import { UsageError } from '../../core/errors.ts';
import type { Command } from '../command.ts';

// Placeholder until the capability lands: it says so and exits 2 rather than pretending to work.
const command: Command = {
  name: 'evaluate',
  summary: '',
  usage: 'mlops evaluate (not yet implemented)',
  async run() {
    throw new UsageError("'mlops evaluate' is not implemented yet");
  },
};
export default command;
