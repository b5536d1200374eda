import { describe, expect, it } from 'vitest';
import { closeName, didYouMean, looseName } from '../../../src/core/names.ts';

describe('close column names', () => {
  it('ignores case, surrounding blanks, and the difference between _, - and spaces', () => {
    expect(looseName(' Day-of  week ')).toBe('day_of_week');
    expect(closeName('temp_max', ['date', 'Temp_Max'])).toBe('Temp_Max');
    expect(closeName('wind', ['wind '])).toBe('wind ');
    expect(closeName('wind', ['speed'])).toBeUndefined();
    expect(closeName('wind', ['wind'])).toBeUndefined(); // the name itself is not a suggestion
    expect(didYouMean('wind', ['date', 'wind '])).toBe(' (did you mean "wind "?)');
    expect(didYouMean('wind', ['date'])).toBe('');
  });
});
