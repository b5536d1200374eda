/** `mlops validate --help` states the segment size that validation really uses. */
import { describe, expect, it } from 'vitest';
import { VALIDATE_MAX_SEGMENT_BYTES, VALIDATE_SEGMENT_BYTES, validateSegmentBytes } from '../../../src/schema/file.ts';
import { cli } from './helpers.ts';

describe('mlops validate --help', () => {
  it('names the size from which CSV files are validated in segments (8 MiB, not the profiles\' 16), and their range', async () => {
    const { out, code } = await cli(['validate', '--help']);
    expect(code).toBe(0);
    const mib = (n: number) => n / (1 << 20);
    expect(out).toContain(`CSV files over ${mib(VALIDATE_SEGMENT_BYTES)} MiB are validated in segments on all CPUs, one per thread (${mib(VALIDATE_SEGMENT_BYTES)} to ${mib(VALIDATE_MAX_SEGMENT_BYTES)} MiB each;`);
  });

  it('sizes segments one per thread, within 8 and 256 MiB', () => {
    const MiB = 1 << 20;
    expect(validateSegmentBytes(142.5e6, 2)).toBe(Math.ceil(142.5e6 / 2));
    expect(validateSegmentBytes(142.5e6, 16)).toBe(Math.ceil(142.5e6 / 16)); // 8.9 MB, just over the floor
    expect(validateSegmentBytes(100 * MiB, 16)).toBe(VALIDATE_SEGMENT_BYTES); // 6.25 MiB each would be under it
    expect(validateSegmentBytes(10 * MiB, 4)).toBe(8 * MiB);
    expect(validateSegmentBytes(10_000 * MiB, 4)).toBe(256 * MiB);
    expect(validateSegmentBytes(100 * MiB, 0)).toBe(100 * MiB);
  });
});
