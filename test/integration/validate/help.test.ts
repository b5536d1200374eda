/** `mlops validate --help` states the segment size that validation really uses. */
import { describe, expect, it } from 'vitest';
import { VALIDATE_SEGMENT_BYTES } from '../../../src/schema/file.ts';
import { cli } from './helpers.ts';

describe('mlops validate --help', () => {
  it('names the size from which CSV files are validated in segments (8 MiB, not the profiles\' 16)', async () => {
    const { out, code } = await cli(['validate', '--help']);
    expect(code).toBe(0);
    const mib = VALIDATE_SEGMENT_BYTES / (1 << 20);
    expect(out).toContain(`CSV files over ${mib} MiB are validated in ${mib} MiB segments`);
  });
});
