import { ConversionIssue } from './conversion-issue';
import { decimalConverter, type DecimalClass } from './decimal-type';
import { toDateOnly, toDateTime, toDuration, toTime } from './temporal-parsing';
import { toUuid } from './uuid-parsing';

/** The scalar types Deft converts request values to. `any` leaves the value as it is. */
/** `date` is a date and time (a `DateTime`, which is a `Date`); `date-only`, `time` and `duration` are Python's `date`, `time` and `timedelta`. */
export type ScalarKind = 'string' | 'int' | 'bigint' | 'float' | 'decimal' | 'boolean' | 'date' | 'date-only' | 'time' | 'duration' | 'uuid' | 'any';

/** Converts one raw value, or returns the issue that prevented it. */
export type ScalarConverter = (raw: unknown) => unknown;

const INT = /^\s*[+-]?\d+(?:\.0*)?\s*$/;
const FLOAT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

const stringType = new ConversionIssue('string_type', 'Input should be a valid string');
const intType = new ConversionIssue('int_type', 'Input should be a valid integer');
const intParsing = new ConversionIssue('int_parsing', 'Input should be a valid integer, unable to parse string as an integer');
const intFraction = new ConversionIssue('int_from_float', 'Input should be a valid integer, got a number with a fractional part');
const floatType = new ConversionIssue('float_type', 'Input should be a valid number');
const floatParsing = new ConversionIssue('float_parsing', 'Input should be a valid number, unable to parse string as a number');
const boolType = new ConversionIssue('bool_type', 'Input should be a valid boolean');
const boolParsing = new ConversionIssue('bool_parsing', 'Input should be a valid boolean, unable to interpret input');

function toString(raw: unknown): unknown {
  return typeof raw === 'string' ? raw : stringType;
}

/**
 * Pydantic reads `1_000` as `1000`, as Python's `int()` does: underscores
 * between digits only (none leading, trailing or doubled).
 */
function withoutUnderscores(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.includes('_') || /^_|_$|__/.test(trimmed)) return undefined;
  return trimmed.replace(/_/g, '');
}

/**
 * An integer that a JavaScript number holds exactly is at most 2^53 - 1 away
 * from zero. Beyond, `Int` refuses the value rather than round it (a JSON
 * number that far is already rounded when parsed); `BigInt` takes any size.
 */
const tooLarge = new ConversionIssue('less_than_equal', `Input should be less than or equal to ${Number.MAX_SAFE_INTEGER}`, { le: Number.MAX_SAFE_INTEGER });
const tooSmall = new ConversionIssue('greater_than_equal', `Input should be greater than or equal to ${-Number.MAX_SAFE_INTEGER}`, { ge: -Number.MAX_SAFE_INTEGER });

function safeInt(value: number): unknown {
  return Number.isSafeInteger(value) ? value : value > 0 ? tooLarge : tooSmall;
}

/** The integer text of `raw` (`42`, `+42`, `42.0`, `1_000`), without sign noise, or `undefined`. */
function integerText(raw: string): string | undefined {
  // `42.0` is an integer to Pydantic (a fraction of zeros only), `42.5` is not.
  if (INT.test(raw)) return raw.trim().replace(/\.0*$/, '');
  const plain = withoutUnderscores(raw);
  return plain !== undefined && /^[+-]?\d+$/.test(plain) ? plain : undefined;
}

/** One to 15 ASCII digits, the usual query or path integer: exact as a number, and read without a regular expression. */
function isShortDigits(raw: string): boolean {
  const length = raw.length;
  if (length === 0 || length > 15) return false;
  for (let i = 0; i < length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function toInt(raw: unknown): unknown {
  if (typeof raw === 'number') return Number.isInteger(raw) ? safeInt(raw) : intFraction;
  if (typeof raw !== 'string') return intType;
  if (isShortDigits(raw)) return Number.parseInt(raw, 10);
  const text = integerText(raw);
  return text === undefined ? intParsing : safeInt(Number.parseInt(text, 10));
}

function toBigInt(raw: unknown): unknown {
  if (typeof raw === 'bigint') return raw;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) return intFraction;
    // A JSON number past 2^53 was rounded when it was parsed: refuse it rather than pass the rounded value on.
    return Number.isSafeInteger(raw) ? BigInt(raw) : bigIntRounded;
  }
  if (typeof raw !== 'string') return intType;
  const text = integerText(raw);
  return text === undefined ? intParsing : BigInt(text);
}

const bigIntRounded = new ConversionIssue(
  'int_parsing_size',
  'Unable to parse input as an exact integer: a JSON number past 2^53 loses digits; send it as a string',
);

function toFloat(raw: unknown): unknown {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') return floatType;
  if (FLOAT.test(raw)) return Number(raw);
  const plain = withoutUnderscores(raw);
  return plain !== undefined && FLOAT.test(plain) ? Number(plain) : floatParsing;
}

function toBoolean(raw: unknown): unknown {
  if (typeof raw === 'boolean') return raw;
  if (raw === 0 || raw === 1) return raw === 1;
  if (typeof raw === 'string') {
    const word = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return boolParsing;
  }
  return boolType;
}


/**
 * Pydantic's lax conversions: numbers and booleans from strings (query, path,
 * header, cookie and form values are always strings; JSON values may be too).
 */
const scalarConverters: Readonly<Record<Exclude<ScalarKind, 'decimal'>, ScalarConverter>> = {
  string: toString,
  int: toInt,
  bigint: toBigInt,
  float: toFloat,
  boolean: toBoolean,
  date: toDateTime,
  'date-only': toDateOnly,
  time: toTime,
  duration: toDuration,
  uuid: toUuid,
  any: (raw) => raw,
};

const decimalConverters = new WeakMap<DecimalClass, ScalarConverter>();

/** A scalar shape: its kind, and for `decimal` the decimal.js class the app named. */
export interface ScalarShape {
  readonly scalar: ScalarKind;
  readonly decimal?: DecimalClass;
}

/** The converter of a scalar shape (made once per decimal class). */
export function converterFor(shape: ScalarShape): ScalarConverter {
  if (shape.scalar !== 'decimal') return scalarConverters[shape.scalar];
  let convert = decimalConverters.get(shape.decimal!);
  if (!convert) decimalConverters.set(shape.decimal!, (convert = decimalConverter(shape.decimal!)));
  return convert;
}
