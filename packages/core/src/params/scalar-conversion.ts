import { ConversionIssue } from './conversion-issue';

/** The scalar types Deft converts request values to. `any` leaves the value as it is. */
export type ScalarKind = 'string' | 'int' | 'float' | 'boolean' | 'date' | 'any';

/** Converts one raw value, or returns the issue that prevented it. */
export type ScalarConverter = (raw: unknown) => unknown;

const INT = /^\s*[+-]?\d+(?:\.0*)?\s*$/;
const FLOAT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;
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
const dateType = new ConversionIssue('datetime_type', 'Input should be a valid datetime');
const dateParsing = new ConversionIssue('datetime_parsing', 'Input should be a valid datetime, invalid datetime format', {
  error: 'invalid datetime format',
});

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

function toInt(raw: unknown): unknown {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : intFraction;
  if (typeof raw !== 'string') return intType;
  // `42.0` is an integer to Pydantic (a fraction of zeros only), `42.5` is not.
  if (INT.test(raw)) return Number.parseInt(raw, 10);
  const plain = withoutUnderscores(raw);
  return plain !== undefined && /^[+-]?\d+$/.test(plain) ? Number.parseInt(plain, 10) : intParsing;
}

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

function toDate(raw: unknown): unknown {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? dateType : raw;
  if (typeof raw === 'number') return new Date(raw * 1000);
  if (typeof raw === 'string') {
    if (INT.test(raw)) return new Date(Number(raw) * 1000);
    const date = ISO_DATETIME.test(raw.trim()) ? new Date(raw.trim()) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date : dateParsing;
  }
  return dateType;
}

/**
 * Pydantic's lax conversions: numbers and booleans from strings (query, path,
 * header, cookie and form values are always strings; JSON values may be too).
 */
export const scalarConverters: Readonly<Record<ScalarKind, ScalarConverter>> = {
  string: toString,
  int: toInt,
  float: toFloat,
  boolean: toBoolean,
  date: toDate,
  any: (raw) => raw,
};
