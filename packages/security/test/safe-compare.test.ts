import { safeCompare } from '@deft/security';

describe('safeCompare', () => {
  it('is true for equal secrets only', () => {
    expect(safeCompare('swordfish', 'swordfish')).toBe(true);
    expect(safeCompare('swordfish', 'swordfisH')).toBe(false);
    expect(safeCompare('', '')).toBe(true);
  });

  it('handles different lengths without throwing', () => {
    expect(safeCompare('swordfish', 'sword')).toBe(false);
    expect(safeCompare('', 'x')).toBe(false);
  });

  it('compares strings as UTF-8 and accepts bytes', () => {
    expect(safeCompare('naïve', Buffer.from('naïve', 'utf8'))).toBe(true);
    expect(safeCompare(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
  });
});
