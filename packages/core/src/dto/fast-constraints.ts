/**
 * The same tests class-validator's built-in decorators run (through
 * validator.js), precompiled from the decorator's arguments: no regular
 * expression rebuilt, no enum's values listed again, no intermediate arrays,
 * per call. Each returns exactly what the built-in returns; any other
 * constraint keeps class-validator's own implementation.
 */
export type FastTest = (value: unknown) => boolean;

const PRESENTATION_SEQUENCES = /[^\uFE0F\uFE0E][\uFE0F\uFE0E]/g;
const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

function hasSurrogatesOrSelectors(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0xd800 && code <= 0xdfff) || code === 0xfe0e || code === 0xfe0f) return true;
  }
  return false;
}

/** validator.js's `isLength` count: surrogate pairs and presentation sequences count as one character. */
export function characterCount(text: string): number {
  if (!hasSurrogatesOrSelectors(text)) return text.length;
  return text.length - (text.match(PRESENTATION_SEQUENCES)?.length ?? 0) - (text.match(SURROGATE_PAIRS)?.length ?? 0);
}

function lengthWithin(min: unknown, max: unknown): FastTest {
  const low = (typeof min === 'number' ? min : 0) || 0;
  return (value) => {
    if (typeof value !== 'string') return false;
    const count = characterCount(value);
    return count >= low && (typeof max === 'undefined' || count <= (max as number));
  };
}

interface NumberOptions {
  allowNaN?: boolean;
  allowInfinity?: boolean;
  maxDecimalPlaces?: number;
}

/**
 * The digits after the decimal point of a number as JavaScript writes it,
 * exponent form included: `1e-7` has 7, `1.5e-7` has 8. class-validator
 * counts the digits after a `.` in `toString()`, which throws on `1e-7` (a 500
 * for a client's number) and undercounts `1.5e-7`; Deft counts them all.
 */
export function decimalPlaces(value: number): number {
  const text = String(value);
  const exponentAt = text.indexOf('e');
  const mantissa = exponentAt < 0 ? text : text.slice(0, exponentAt);
  const exponent = exponentAt < 0 ? 0 : Number(text.slice(exponentAt + 1));
  const point = mantissa.indexOf('.');
  const fraction = point < 0 ? 0 : mantissa.length - point - 1;
  return Math.max(0, fraction - exponent);
}

function isNumberTest(options: NumberOptions = {}): FastTest {
  return (value) => {
    if (typeof value !== 'number') return false;
    if (value === Infinity || value === -Infinity) return !!options.allowInfinity;
    if (Number.isNaN(value)) return !!options.allowNaN;
    if (options.maxDecimalPlaces !== undefined && value % 1 !== 0 && decimalPlaces(value) > options.maxDecimalPlaces) return false;
    return Number.isFinite(value);
  };
}

/**
 * `@Matches()`'s pattern without the global flag (whose `lastIndex` would
 * carry over between calls to `test`); `undefined` for a sticky pattern, whose
 * result depends on the `lastIndex` that `String.match` moves: that is left to validator.js.
 */
export function statelessPattern(pattern: unknown, modifiers: unknown): RegExp | undefined {
  const regex = pattern instanceof RegExp ? pattern : typeof pattern === 'string' ? new RegExp(pattern, modifiers as string | undefined) : undefined;
  if (!regex || regex.sticky) return undefined;
  return new RegExp(regex.source, regex.flags.replace('g', ''));
}

function matchesTest(pattern: unknown, modifiers: unknown): FastTest | undefined {
  const stateless = statelessPattern(pattern, modifiers);
  return stateless && ((value) => typeof value === 'string' && stateless.test(value));
}

/** The values of an `@IsEnum()` entity, as validator.js lists them. */
export function enumValueSet(entity: unknown): ReadonlySet<unknown> {
  const record = entity as Record<string, unknown>;
  return new Set(Object.keys(record).map((key) => record[key]));
}

/** A fast equivalent of the named built-in constraint with these arguments, when there is one. */
export function fastConstraint(name: string, args: readonly unknown[] = []): FastTest | undefined {
  const [first, second] = args;
  switch (name) {
    case 'isString':
      return (value) => typeof value === 'string' || value instanceof String;
    case 'isBoolean':
      return (value) => typeof value === 'boolean' || value instanceof Boolean;
    case 'isInt':
      return (value) => typeof value === 'number' && Number.isInteger(value);
    case 'isNumber':
      return isNumberTest(first as NumberOptions | undefined);
    case 'min':
      return (value) => typeof value === 'number' && typeof first === 'number' && value >= first;
    case 'max':
      return (value) => typeof value === 'number' && typeof first === 'number' && value <= first;
    case 'minLength':
      return lengthWithin(first, undefined);
    case 'maxLength':
      return lengthWithin(0, first);
    case 'isLength':
      return lengthWithin(first, second);
    case 'matches':
      return matchesTest(first, second);
    case 'isArray':
      return (value) => Array.isArray(value);
    case 'isDefined':
      return (value) => value !== undefined && value !== null;
    case 'isNotEmpty':
      return (value) => value !== '' && value !== null && value !== undefined;
    case 'isPositive':
      return (value) => typeof value === 'number' && value > 0;
    case 'isNegative':
      return (value) => typeof value === 'number' && value < 0;
    case 'isDate':
      return (value) => value instanceof Date && !Number.isNaN(value.getTime());
    case 'isIn': {
      if (!Array.isArray(first)) return () => false;
      const allowed: readonly unknown[] = first;
      return (value) => {
        for (const item of allowed) if (item === value) return true;
        return false;
      };
    }
    case 'isEnum': {
      const values = enumValueSet(first);
      return (value) => values.has(value);
    }
    default:
      return undefined;
  }
}
