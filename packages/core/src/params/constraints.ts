import { DeftError } from '../errors/deft-error';
import type { ParamOptions } from './param-options';
import { ConversionIssue } from './conversion-issue';
import { digitChecks, isDecimalValue } from './decimal-type';

/**
 * How a converted value compares with a bound: a number or a decimal; `NaN`
 * (which fails every comparison, as in Python) for a number that is NaN, and
 * for anything else, which no bound applies to.
 */
function compare(value: unknown, bound: number): number {
  if (typeof value === 'number') return value > bound ? 1 : value < bound ? -1 : value === bound ? 0 : Number.NaN;
  if (typeof value === 'bigint' && Number.isFinite(bound)) {
    const whole = Math.floor(bound);
    const floor = BigInt(whole);
    return value > floor ? 1 : value < floor || bound !== whole ? -1 : 0;
  }
  return isDecimalValue(value) ? value.cmp(bound) : Number.NaN;
}

/** Checks a converted value; returns an issue or `undefined`. */
export type ConstraintCheck = (value: unknown) => ConversionIssue | undefined;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Pydantic's way of listing choices: `'a', 'b' or 'c'`. */
export function describeChoices(values: readonly (string | number)[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/** The allowed values of an `enum` option: a list, or a TypeScript enum object. */
export function enumValues(option: NonNullable<ParamOptions['enum']>): (string | number)[] {
  if (Array.isArray(option)) return [...(option as (string | number)[])];
  const record = option as Readonly<Record<string, string | number>>;
  // A numeric TypeScript enum also maps each number back to its name under a
  // numeric key; member names are never numeric, so those keys are skipped.
  return Object.keys(record)
    .filter((key) => Number.isNaN(Number(key)))
    .map((key) => record[key]!)
    .filter((value, index, all) => all.indexOf(value) === index);
}

/**
 * Pydantic's test: exact for integers; for other numbers, a remainder within
 * a billionth of the value (either side) counts as none, so `0.3` is a
 * multiple of `0.1` despite binary floating point.
 */
export function isMultipleOf(value: number, step: number): boolean {
  if (Number.isInteger(value) && Number.isInteger(step)) return value % step === 0;
  const remainder = value % step;
  const threshold = Math.abs(value) / 1e9;
  return Math.abs(remainder) <= threshold || Math.abs(remainder - step) <= threshold;
}

/** Pydantic's `enum` error for a value that is none of these. */
export function enumIssue(option: NonNullable<ParamOptions['enum']>): ConversionIssue {
  const expected = describeChoices(enumValues(option));
  return new ConversionIssue('enum', `Input should be ${expected}`, { expected });
}

/**
 * A `pattern` option as the regular expression values are tested with: a
 * string with the `u` flag, a RegExp without `g` and `y` (which would make
 * `test` remember where it stopped).
 */
export function compilePattern(pattern: string | RegExp, where: string): RegExp {
  try {
    return typeof pattern === 'string' ? new RegExp(pattern, 'u') : new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  } catch (cause) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    throw new DeftError('DEFT_ERR_PARAM_OPTIONS_INVALID', `${where}: pattern ${JSON.stringify(source)} is not a valid regular expression.`, { cause });
  }
}

/** Compiles the constraint options of one parameter (or list element) into checks, once. */
export function compileConstraints(options: ParamOptions, where: string): ConstraintCheck[] {
  const checks: ConstraintCheck[] = [];
  const { gt, ge, lt, le, minLength, maxLength, pattern } = options;
  // Pydantic's order for decimals: digits, then multiple_of, then the bounds.
  checks.push(...digitChecks(options.maxDigits, options.decimalPlaces));
  if (options.multipleOf !== undefined) {
    const step = options.multipleOf;
    const issue = new ConversionIssue('multiple_of', `Input should be a multiple of ${step}`, { multiple_of: step });
    const notMultiple = (v: unknown): boolean =>
      typeof v === 'number'
        ? !isMultipleOf(v, step)
        : typeof v === 'bigint'
          ? !Number.isInteger(step) || v % BigInt(step) !== 0n
          : isDecimalValue(v) && !v.mod(step).isZero();
    checks.push((v) => (notMultiple(v) ? issue : undefined));
  }
  if (gt !== undefined) {
    const issue = new ConversionIssue('greater_than', `Input should be greater than ${gt}`, { gt });
    checks.push((v) => (compare(v, gt) <= 0 ? issue : undefined));
  }
  if (ge !== undefined) {
    const issue = new ConversionIssue('greater_than_equal', `Input should be greater than or equal to ${ge}`, { ge });
    checks.push((v) => (compare(v, ge) < 0 ? issue : undefined));
  }
  if (lt !== undefined) {
    const issue = new ConversionIssue('less_than', `Input should be less than ${lt}`, { lt });
    checks.push((v) => (compare(v, lt) >= 0 ? issue : undefined));
  }
  if (le !== undefined) {
    const issue = new ConversionIssue('less_than_equal', `Input should be less than or equal to ${le}`, { le });
    checks.push((v) => (compare(v, le) > 0 ? issue : undefined));
  }
  if (minLength !== undefined) {
    const issue = new ConversionIssue('string_too_short', `String should have at least ${plural(minLength, 'character')}`, {
      min_length: minLength,
    });
    checks.push((v) => (typeof v === 'string' && v.length < minLength ? issue : undefined));
  }
  if (maxLength !== undefined) {
    const issue = new ConversionIssue('string_too_long', `String should have at most ${plural(maxLength, 'character')}`, {
      max_length: maxLength,
    });
    checks.push((v) => (typeof v === 'string' && v.length > maxLength ? issue : undefined));
  }
  if (pattern !== undefined) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const regex = compilePattern(pattern, where);
    const issue = new ConversionIssue('string_pattern_mismatch', `String should match pattern '${source}'`, { pattern: source });
    checks.push((v) => (typeof v === 'string' && !regex.test(v) ? issue : undefined));
  }
  if (options.enum !== undefined) {
    const allowed = enumValues(options.enum);
    const issue = enumIssue(options.enum);
    const set = new Set<unknown>(allowed);
    checks.push((v) => (set.has(v) ? undefined : issue));
  }
  return checks;
}

/** Checks a list's length (`minLength`/`maxLength` on an array parameter). */
export function compileListLengthChecks(options: ParamOptions): ((list: readonly unknown[]) => ConversionIssue | undefined)[] {
  const checks: ((list: readonly unknown[]) => ConversionIssue | undefined)[] = [];
  const { minLength, maxLength } = options;
  if (minLength !== undefined) {
    checks.push((list) =>
      list.length < minLength
        ? new ConversionIssue('too_short', `List should have at least ${plural(minLength, 'item')} after validation, not ${list.length}`, {
            field_type: 'List',
            min_length: minLength,
            actual_length: list.length,
          })
        : undefined,
    );
  }
  if (maxLength !== undefined) {
    checks.push((list) =>
      list.length > maxLength
        ? new ConversionIssue('too_long', `List should have at most ${plural(maxLength, 'item')} after validation, not ${list.length}`, {
            field_type: 'List',
            max_length: maxLength,
            actual_length: list.length,
          })
        : undefined,
    );
  }
  return checks;
}
