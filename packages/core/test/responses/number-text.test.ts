import fc from 'fast-check';
import { numberText } from '../../src/response/number-text';

/**
 * `numberText` writes fractions of a few binary digits itself and leaves
 * the rest to `String`; either way its text must be `String`'s, which is
 * what `JSON.stringify` writes for a finite number.
 */
describe('numberText', () => {
  it('writes what String writes for any double', () => {
    fc.assert(fc.property(fc.double(), (value) => numberText(value) === String(value)), { numRuns: 20000 });
  });

  it('writes what String writes for fractions of up to eight binary digits, around and beyond its 2^31 limit', () => {
    const scaled = fc.tuple(fc.integer({ min: -(2 ** 48), max: 2 ** 48 }), fc.integer({ min: 0, max: 8 }));
    fc.assert(fc.property(scaled, ([n, digits]) => numberText(n / 2 ** digits) === String(n / 2 ** digits)), { numRuns: 20000 });
  });

  it('writes what String writes at the edges', () => {
    const edges = [0, -0, 0.5, -0.5, 0.0625, -0.0625, 0.9375, 12.5, 30.25, 3.5, 1.25, 2 ** 31 - 0.0625, -(2 ** 31 - 0.0625), 2 ** 31 + 0.5, -(2 ** 31) - 0.5, 2 ** 31, 2 ** 52 + 0.5, 1e21, 5e-324, 0.1 + 0.2, 19.99];
    for (const value of edges) expect(numberText(value)).toBe(String(value));
  });
});
