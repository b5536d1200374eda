/**
 * Registry lookups that found nothing, as opposed to a registry that could not be read. Callers
 * that treat "nothing there yet" as a normal state (the evaluate action: no model in production
 * means a first model, evaluated alone) catch this class instead of matching message texts.
 */
import { InputError, type SourceLocation } from '../core/errors.ts';

/** What was missing: the git repository itself, the model (no tag of it), or a version in a stage. */
export type RegistryMiss = 'no-repository' | 'no-model' | 'no-stage';

/** Exit code 2 like any InputError; `miss` says what was not there. */
export class RegistryMissError extends InputError {
  constructor(readonly miss: RegistryMiss, message: string, location: SourceLocation = {}) {
    super(message, location);
    this.name = 'RegistryMissError';
  }
}
