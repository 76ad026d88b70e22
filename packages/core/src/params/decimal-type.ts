import { ConversionIssue } from './conversion-issue';

/** What Deft uses of a decimal.js `Decimal` instance. */
export interface DecimalValue {
  isFinite(): boolean;
  cmp(other: number | string | DecimalValue): number;
  mod(other: number | string | DecimalValue): DecimalValue;
  isZero(): boolean;
  decimalPlaces(): number;
  precision(includeZeros: boolean): number;
  toFixed(): string;
}

/**
 * decimal.js's `Decimal` class (or a `Decimal.clone()`), which the app names
 * as the type: `@Query('price', { type: Decimal })`, `price!: Decimal`.
 * Deft never loads decimal.js itself: it builds values with the class the
 * app gives, so apps without decimals do not load it.
 */
export interface DecimalClass {
  new (value: string): DecimalValue;
  isDecimal(value: unknown): boolean;
}

export function isDecimalClass(type: unknown): type is DecimalClass {
  return (
    typeof type === 'function' &&
    typeof (type as { isDecimal?: unknown }).isDecimal === 'function' &&
    typeof (type as { prototype?: { toFixed?: unknown } }).prototype?.toFixed === 'function'
  );
}

/** A decimal.js value, whatever class made it. */
export function isDecimalValue(value: unknown): value is DecimalValue {
  return typeof value === 'object' && value !== null && typeof (value as DecimalValue).cmp === 'function' && typeof (value as DecimalValue).decimalPlaces === 'function';
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:inf|infinity|s?nan)$/i;

const decimalType = new ConversionIssue('decimal_type', 'Decimal input should be an integer, float, string or Decimal object');
const decimalParsing = new ConversionIssue('decimal_parsing', 'Input should be a valid decimal');
const finiteNumber = new ConversionIssue('finite_number', 'Input should be a finite number');

/** Python's `Decimal` reads `1_000`: underscores between digits only. */
function withoutUnderscores(text: string): string {
  return /^[+-]?\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?$/.test(text) ? text.replace(/_/g, '') : text;
}

/**
 * A converter to `cls`, as Pydantic reads a `Decimal`: the text exactly (never
 * through a JavaScript number), trimmed, `1_000` and `1e3` included; a JSON
 * number through its shortest text, as Python's `Decimal(str(float))`.
 */
export function decimalConverter(cls: DecimalClass): (raw: unknown) => unknown {
  return (raw) => {
    if (cls.isDecimal(raw)) return (raw as DecimalValue).isFinite() ? raw : finiteNumber;
    if (typeof raw === 'number') return Number.isFinite(raw) ? new cls(String(raw)) : finiteNumber;
    if (typeof raw !== 'string') return decimalType;
    const text = withoutUnderscores(raw.trim());
    if (DECIMAL.test(text)) return new cls(text);
    return NON_FINITE.test(text) ? finiteNumber : decimalParsing;
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Pydantic's `max_digits` and `decimal_places` checks, in its order. */
export function digitChecks(maxDigits: number | undefined, decimalPlaces: number | undefined): ((value: unknown) => ConversionIssue | undefined)[] {
  if (maxDigits === undefined && decimalPlaces === undefined) return [];
  const tooManyDigits = new ConversionIssue('decimal_max_digits', `Decimal input should have no more than ${plural(maxDigits ?? 0, 'digit')} in total`, { max_digits: maxDigits });
  const tooManyPlaces = new ConversionIssue('decimal_max_places', `Decimal input should have no more than ${plural(decimalPlaces ?? 0, 'decimal place')}`, {
    decimal_places: decimalPlaces,
  });
  const whole = maxDigits !== undefined && decimalPlaces !== undefined ? maxDigits - decimalPlaces : undefined;
  const tooManyWhole = new ConversionIssue('decimal_whole_digits', `Decimal input should have no more than ${plural(whole ?? 0, 'digit')} before the decimal point`, {
    whole_digits: whole,
  });
  return [
    (value) => {
      if (!isDecimalValue(value)) return undefined;
      const decimals = value.decimalPlaces();
      const digits = Math.max(value.isZero() ? 1 : value.precision(true), decimals);
      if (maxDigits !== undefined && digits > maxDigits) return tooManyDigits;
      if (decimalPlaces !== undefined && decimals > decimalPlaces) return tooManyPlaces;
      if (whole !== undefined && digits - decimals > whole) return tooManyWhole;
      return undefined;
    },
  ];
}

/** The input JSON Schema Pydantic gives a `Decimal`: a number, or a string of one. */
export const DECIMAL_PATTERN = '^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$';
