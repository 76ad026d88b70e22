/**
 * The JSON text of a finite number, exactly `String(value)`, made faster for
 * the numbers V8 is slowest at: fractions of a few binary digits (12.5,
 * 30.25, 0.0625). V8 keeps the text of recent numbers in a cache indexed by
 * the low bits of the double, and every such fraction has the same low
 * bits, so a body holding several of them misses it each time and pays the
 * full conversion (about 60 ns on Node 20 each, where a hit costs 5).
 *
 * A number of at most four binary fraction digits below 2^31 is its whole
 * part, then that fraction's exact decimal digits, which are also the
 * shortest that read back as the same number (they are 10^-4 apart at
 * most, and such a number's neighbours are 2^-21 away at least), so they are
 * what `String` writes. Everything else is left to `String`.
 */

/** `.0625`, `.125`, … `.9375`: the text of `k / 16` after its whole part, by `k`. */
const SIXTEENTHS: readonly string[] = Array.from({ length: 16 }, (_, k) => String(k / 16).slice(1));

const LIMIT = 2 ** 31;

export function numberText(value: number): string {
  const sixteenths = value * 16;
  if (Number.isInteger(sixteenths) && !Number.isInteger(value) && value < LIMIT && value > -LIMIT) {
    const size = value < 0 ? -value : value;
    const whole = Math.floor(size);
    const text = whole + SIXTEENTHS[(size - whole) * 16]!;
    return value < 0 ? '-' + text : text;
  }
  return '' + value;
}
