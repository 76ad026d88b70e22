import type { ValidationError } from 'class-validator';
import { describeChoices, enumValues } from '../params/constraints';
import { ConversionIssue } from '../params/conversion-issue';

type IssueFactory = (value: unknown, args: readonly unknown[]) => ConversionIssue;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const num = (v: unknown): number => Number(v);

function lengthIssue(value: unknown, min: number | undefined, max: number | undefined): ConversionIssue {
  const length = typeof value === 'string' ? value.length : 0;
  if (min !== undefined && length < min) {
    return new ConversionIssue('string_too_short', `String should have at least ${plural(min, 'character')}`, { min_length: min });
  }
  return new ConversionIssue('string_too_long', `String should have at most ${plural(max ?? 0, 'character')}`, { max_length: max });
}

function emailIssue(value: unknown): ConversionIssue {
  const reason =
    typeof value === 'string' && value.includes('@')
      ? 'The part after the @-sign is not valid.'
      : 'An email address must have an @-sign.';
  return new ConversionIssue('value_error', `value is not a valid email address: ${reason}`, { reason });
}

/**
 * class-validator constraint names mapped to Pydantic's error types and
 * messages, so a DTO's 422 reads like FastAPI's. Unmapped constraints become
 * `value_error` with class-validator's own message.
 */
const FACTORIES: Readonly<Record<string, IssueFactory>> = {
  isString: () => new ConversionIssue('string_type', 'Input should be a valid string'),
  isInt: (value) =>
    typeof value === 'number'
      ? new ConversionIssue('int_from_float', 'Input should be a valid integer, got a number with a fractional part')
      : new ConversionIssue('int_type', 'Input should be a valid integer'),
  isNumber: () => new ConversionIssue('float_type', 'Input should be a valid number'),
  isBoolean: () => new ConversionIssue('bool_type', 'Input should be a valid boolean'),
  isDate: () => new ConversionIssue('datetime_type', 'Input should be a valid datetime'),
  isArray: () => new ConversionIssue('list_type', 'Input should be a valid list'),
  isObject: () => new ConversionIssue('dict_type', 'Input should be a valid dictionary'),
  isEnum: (_value, [entity]) => {
    const expected = describeChoices(enumValues(entity as Record<string, string | number>));
    return new ConversionIssue('enum', `Input should be ${expected}`, { expected });
  },
  isIn: (_value, [values]) => {
    const expected = describeChoices(values as (string | number)[]);
    return new ConversionIssue('literal_error', `Input should be ${expected}`, { expected });
  },
  minLength: (value, [min]) => lengthIssue(value, num(min), undefined),
  maxLength: (value, [max]) => lengthIssue(value, undefined, num(max)),
  isLength: (value, [min, max]) => lengthIssue(value, num(min), max === undefined ? undefined : num(max)),
  min: (_value, [min]) => new ConversionIssue('greater_than_equal', `Input should be greater than or equal to ${min}`, { ge: min }),
  isDivisibleBy: (_value, [step]) => new ConversionIssue('multiple_of', `Input should be a multiple of ${step}`, { multiple_of: step }),
  max: (_value, [max]) => new ConversionIssue('less_than_equal', `Input should be less than or equal to ${max}`, { le: max }),
  isPositive: () => new ConversionIssue('greater_than', 'Input should be greater than 0', { gt: 0 }),
  isNegative: () => new ConversionIssue('less_than', 'Input should be less than 0', { lt: 0 }),
  matches: (_value, [pattern]) => {
    const source = pattern instanceof RegExp ? pattern.source : String(pattern);
    return new ConversionIssue('string_pattern_mismatch', `String should match pattern '${source}'`, { pattern: source });
  },
  arrayMinSize: (value, [min]) => {
    const actual = Array.isArray(value) ? value.length : 0;
    return new ConversionIssue('too_short', `List should have at least ${plural(num(min), 'item')} after validation, not ${actual}`, {
      field_type: 'List',
      min_length: min,
      actual_length: actual,
    });
  },
  arrayMaxSize: (value, [max]) => {
    const actual = Array.isArray(value) ? value.length : 0;
    return new ConversionIssue('too_long', `List should have at most ${plural(num(max), 'item')} after validation, not ${actual}`, {
      field_type: 'List',
      max_length: max,
      actual_length: actual,
    });
  },
  isEmail: (value) => emailIssue(value),
  // The structural pass has read the text as a UUID already; what is left is its version (Pydantic's `UUID4` and siblings).
  isUuid: (_value, [version]) =>
    /^[1-8]$/.test(String(version))
      ? new ConversionIssue('uuid_version', `UUID version ${String(version)} expected`, { expected_version: Number(version) })
      : new ConversionIssue('uuid_parsing', 'Input should be a valid UUID'),
  isUrl: () => new ConversionIssue('url_parsing', 'Input should be a valid URL'),
  isNotEmpty: () => new ConversionIssue('string_too_short', 'String should have at least 1 character', { min_length: 1 }),
  isDefined: () => new ConversionIssue('missing', 'Field required'),
};

/**
 * One failed class-validator constraint as a Pydantic-style issue. `message`
 * gives class-validator's wording, asked for only for unmapped constraints.
 */
export function issueForConstraint(name: string, value: unknown, args: readonly unknown[], message: () => string): ConversionIssue {
  const factory = FACTORIES[name];
  return factory ? factory(value, args) : new ConversionIssue('value_error', `Value error, ${message()}`);
}

/** The first failed constraint of a class-validator error, as one Pydantic-style issue. */
export function issueFromConstraint(error: ValidationError, args: ReadonlyMap<string, readonly unknown[]>): ConversionIssue | undefined {
  const constraints = error.constraints;
  if (!constraints) return undefined;
  const names = Object.keys(constraints);
  const name = names[names.length - 1];
  if (name === undefined) return undefined;
  return issueForConstraint(name, error.value, args.get(name) ?? [], () => constraints[name] ?? '');
}
