/** What an idempotent write did (DESIGN §1.4). */
export type Operation = 'created' | 'updated' | 'unchanged' | 'skipped';

/** The result of every idempotent helper in src/github. */
export interface WriteResult {
  operation: Operation;
  /** Id of the comment / release written or found (absent when skipped). */
  id?: number;
  /** `html_url` of the object (absent when skipped). */
  url?: string;
  /** Why nothing was written, for `skipped`. */
  reason?: string;
}
