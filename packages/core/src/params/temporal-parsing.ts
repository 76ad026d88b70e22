import { ConversionIssue } from './conversion-issue';
import { DateOnly, DateTime, Duration, Time } from './temporal';

/**
 * Pydantic's readings of dates, times and durations (its `speedate` rules
 * and error messages for the forms clients send), for query, path, header,
 * cookie, form and JSON values alike.
 */

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt _](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const MS_THRESHOLD = 2e10;

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const micros = (fraction: string | undefined): number => (fraction ? Number(fraction.slice(0, 6).padEnd(6, '0')) : 0);

/** Why the first ten characters are no `YYYY-MM-DD`, as speedate words it; `undefined` when they are one. */
function datePartError(text: string): string | undefined {
  if (text.length < 10) return 'input is too short';
  if (!/^\d{4}$/.test(text.slice(0, 4))) return 'invalid character in year';
  if (text[4] !== '-' || text[7] !== '-') return 'invalid date separator, expected `-`';
  if (!/^\d{2}$/.test(text.slice(5, 7))) return 'invalid character in month';
  if (!/^\d{2}$/.test(text.slice(8, 10))) return 'invalid character in day';
  const [year, month, day] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  if (month < 1 || month > 12) return 'month value is outside expected range of 1-12';
  if (day < 1 || day > daysIn(year, month)) return 'day value is outside expected range';
  return undefined;
}

/** A Unix time in seconds (or milliseconds past 2e10, as Pydantic reads it), in UTC. */
function fromTimestamp(value: number): DateTime {
  const ms = Math.abs(value) > MS_THRESHOLD ? value : value * 1000;
  const whole = Math.floor(ms);
  return new DateTime(whole, 0, Math.round((ms - whole) * 1000));
}

function parseDateTime(text: string): DateTime | string {
  if (NUMBER.test(text)) return fromTimestamp(Number(text));
  const match = DATETIME.exec(text);
  const dateError = datePartError(text);
  if (dateError) return dateError;
  if (!match) return 'unexpected extra characters at the end of the input';
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction, zulu, sign, oh, om = '0'] = match;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59 || Number(oh ?? 0) > 23 || Number(om) > 59) {
    return 'unexpected extra characters at the end of the input';
  }
  const offset = zulu ? 0 : sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : null;
  const fractionMicros = micros(fraction);
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.floor(fractionMicros / 1000));
  return new DateTime(wall - (offset ?? 0) * 60_000, offset, fractionMicros % 1000);
}

function parsingIssue(type: string, lead: string, error: string): ConversionIssue {
  return new ConversionIssue(type, `${lead}, ${error}`, { error });
}

const datetimeType = new ConversionIssue('datetime_type', 'Input should be a valid datetime');

/** A `DateTime` keeping its offset, from ISO 8601 text or a Unix time. */
export function toDateTime(raw: unknown): unknown {
  if (raw instanceof DateTime) return raw;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? datetimeType : new DateTime(raw.getTime(), 0);
  if (typeof raw === 'number') return Number.isFinite(raw) ? fromTimestamp(raw) : datetimeType;
  if (typeof raw !== 'string') return datetimeType;
  const parsed = parseDateTime(raw);
  return typeof parsed === 'string' ? parsingIssue('datetime_from_date_parsing', 'Input should be a valid datetime or date', parsed) : parsed;
}

const dateType = new ConversionIssue('date_type', 'Input should be a valid date');
const dateInexact = new ConversionIssue('date_from_datetime_inexact', 'Datetimes provided to dates should have zero time - e.g. be exact dates');

function dateOf(value: DateTime): unknown {
  const local = new Date(value.getTime() + (value.offset ?? 0) * 60_000);
  if (local.getUTCHours() !== 0 || local.getUTCMinutes() !== 0 || local.getUTCSeconds() !== 0 || local.getUTCMilliseconds() !== 0 || value.microsecondRest !== 0) {
    return dateInexact;
  }
  return new DateOnly(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** A `DateOnly` from `YYYY-MM-DD`, or from a date-time or Unix time at exactly midnight. */
export function toDateOnly(raw: unknown): unknown {
  if (raw instanceof DateOnly) return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? dateOf(fromTimestamp(raw)) : dateType;
  if (typeof raw !== 'string') return dateType;
  if (raw.length === 10 && !NUMBER.test(raw)) {
    const error = datePartError(raw);
    if (error) return parsingIssue('date_from_datetime_parsing', 'Input should be a valid date or datetime', error);
    return new DateOnly(Number(raw.slice(0, 4)), Number(raw.slice(5, 7)), Number(raw.slice(8, 10)));
  }
  const parsed = parseDateTime(raw);
  return typeof parsed === 'string' ? parsingIssue('date_from_datetime_parsing', 'Input should be a valid date or datetime', parsed) : dateOf(parsed);
}

const timeType = new ConversionIssue('time_type', 'Input should be a valid time');

function timeError(text: string): string {
  if (text.length < 5) return 'input is too short';
  if (!/^\d{2}$/.test(text.slice(0, 2))) return 'invalid character in hour';
  if (text[2] !== ':') return 'invalid time separator, expected `:`';
  if (!/^\d{2}$/.test(text.slice(3, 5))) return 'invalid character in minute';
  if (Number(text.slice(0, 2)) > 23) return 'hour value is outside expected range of 0-23';
  if (Number(text.slice(3, 5)) > 59) return 'minute value is outside expected range of 0-59';
  if (text[5] === ':' && /^\d{2}/.test(text.slice(6)) && Number(text.slice(6, 8)) > 59) return 'second value is outside expected range of 0-59';
  return 'unexpected extra characters at the end of the input';
}

/** A `Time` from `HH:MM[:SS[.ffffff]]` with an optional offset, or seconds since midnight (UTC). */
export function toTime(raw: unknown): unknown {
  if (raw instanceof Time) return raw;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0 || raw >= 86_400) return timeType;
    const whole = Math.floor(raw);
    return new Time(Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60, Math.round((raw - whole) * 1e6), 0);
  }
  if (typeof raw !== 'string') return timeType;
  const match = TIME.exec(raw);
  if (match) {
    const [, h, m, s = '0', fraction, zulu, sign, oh, om = '0'] = match;
    if (Number(h) <= 23 && Number(m) <= 59 && Number(s) <= 59 && Number(oh ?? 0) <= 23) {
      const offset = zulu ? 0 : sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : null;
      return new Time(Number(h), Number(m), Number(s), micros(fraction), offset);
    }
  }
  return parsingIssue('time_parsing', 'Input should be in a valid time format', timeError(raw));
}

const durationType = new ConversionIssue('time_delta_type', 'Input should be a valid duration');
const UNIT = '(\\d+(?:[.,]\\d+)?)';
const ISO_DURATION = new RegExp(`^([+-])?P(?:${UNIT}Y)?(?:${UNIT}M)?(?:${UNIT}W)?(?:${UNIT}D)?(?:T(?:${UNIT}H)?(?:${UNIT}M)?(?:${UNIT}S)?)?$`, 'i');
const PYTHON_DURATION = /^([+-])?(?:(\d+)\s*(?:d|days?)(?:,\s*|\s+|$))?(?:(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?)?$/;
const SECONDS = [365 * 86_400, 30 * 86_400, 7 * 86_400, 86_400, 3600, 60, 1];

function durationError(text: string): string {
  if (text === '' || /^[+-]?PT?$/i.test(text)) return 'input is too short';
  if (/^[+-]?P/i.test(text)) {
    const time = text.search(/T/i);
    const datePart = time < 0 ? text : text.slice(0, time);
    return /^[+-]?P(?:\d+(?:[.,]\d+)?[YMWD])*$/i.test(datePart) ? 'quantity invalid in time part of duration' : 'quantity invalid in date part of duration';
  }
  return 'invalid digit in duration';
}

/** A `Duration` from ISO 8601 (`P1DT2H`, weeks, a year as 365 days, a month as 30), Python's `1 day, 2:00:00`, or seconds. */
export function toDuration(raw: unknown): unknown {
  if (raw instanceof Duration) return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? Duration.ofSeconds(raw) : durationType;
  if (typeof raw !== 'string') return durationType;
  const iso = ISO_DURATION.exec(raw);
  if (iso && /\d/.test(raw)) {
    const seconds = iso.slice(2).reduce((sum, part, index) => sum + (part ? Number(part.replace(',', '.')) * SECONDS[index]! : 0), 0);
    return Duration.ofSeconds(iso[1] === '-' ? -seconds : seconds);
  }
  const python = PYTHON_DURATION.exec(raw);
  if (python && /\d/.test(raw)) {
    const [, sign, days = '0', h = '0', m = '0', s = '0', fraction] = python;
    const magnitude = BigInt(Number(days) * 86_400 + Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1_000_000n + BigInt(micros(fraction));
    return new Duration(sign === '-' ? -magnitude : magnitude);
  }
  return parsingIssue('time_delta_parsing', 'Input should be a valid timedelta', durationError(raw));
}
