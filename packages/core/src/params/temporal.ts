/**
 * The date and time values Deft gives handlers, each written to JSON as
 * Pydantic writes Python's `datetime`, `date`, `time` and `timedelta`.
 */

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** `Z`, `+02:00`, or nothing for a value without an offset. */
function offsetText(offsetMinutes: number | null): string {
  if (offsetMinutes === null) return '';
  if (offsetMinutes === 0) return 'Z';
  return `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
}

function clockText(hour: number, minute: number, second: number, microsecond: number): string {
  return `${pad(hour)}:${pad(minute)}:${pad(second)}${microsecond === 0 ? '' : `.${pad(microsecond, 6)}`}`;
}

/**
 * A date and time that keeps the offset it was sent with (`+02:00` stays
 * `+02:00`), and its microseconds. It is a `Date` (the same instant), so code
 * that takes a `Date` takes it. One sent without an offset has `offset` null:
 * its wall-clock time is kept as if it were UTC.
 */
export class DateTime extends Date {
  /** Minutes east of UTC; `null` for a date-time sent without an offset. */
  readonly offset: number | null;
  /** Microseconds past the millisecond (`Date` holds milliseconds only). */
  readonly microsecondRest: number;

  constructor(instant: number, offset: number | null, microsecondRest = 0) {
    super(instant);
    this.offset = offset;
    this.microsecondRest = microsecondRest;
  }

  /** As Pydantic writes it: `2024-05-01T09:30:00+02:00`, `...09:30:00.500000Z`. */
  override toJSON(): string {
    const local = new Date(this.getTime() + (this.offset ?? 0) * 60_000);
    const microsecond = local.getUTCMilliseconds() * 1000 + this.microsecondRest;
    const day = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
    return `${day}T${clockText(local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), microsecond)}${offsetText(this.offset)}`;
  }

  override toString(): string {
    return this.toJSON();
  }
}

/** A calendar date without a time (Python's `date`): `2024-05-01`. */
export class DateOnly {
  constructor(
    readonly year: number,
    /** 1 to 12. */
    readonly month: number,
    readonly day: number,
  ) {}

  /** Midnight UTC of this date. */
  toDate(): Date {
    return new Date(Date.UTC(this.year, this.month - 1, this.day));
  }

  toJSON(): string {
    return `${pad(this.year, 4)}-${pad(this.month)}-${pad(this.day)}`;
  }

  toString(): string {
    return this.toJSON();
  }
}

/** A time of day, with an offset when one was sent (Python's `time`): `09:30:00`, `09:30:00+02:00`. */
export class Time {
  constructor(
    readonly hour: number,
    readonly minute: number,
    readonly second = 0,
    readonly microsecond = 0,
    /** Minutes east of UTC, or `null`. */
    readonly offset: number | null = null,
  ) {}

  toJSON(): string {
    return clockText(this.hour, this.minute, this.second, this.microsecond) + offsetText(this.offset);
  }

  toString(): string {
    return this.toJSON();
  }
}

const MICROS_PER_SECOND = 1_000_000;
const SECONDS_PER_DAY = 86_400;

/**
 * A length of time (Python's `timedelta`), held as whole microseconds. Read
 * from ISO 8601 (`P1DT2H`) and Python's `1 day, 2:00:00`; written as ISO 8601,
 * as Pydantic writes a `timedelta`.
 */
export class Duration {
  /** The length in microseconds; negative for a negative duration. */
  readonly microseconds: bigint;

  constructor(microseconds: bigint) {
    this.microseconds = microseconds;
  }

  static ofSeconds(seconds: number): Duration {
    return new Duration(BigInt(Math.round(seconds * MICROS_PER_SECOND)));
  }

  /** The length in seconds (as Python's `total_seconds()`). */
  totalSeconds(): number {
    return Number(this.microseconds) / MICROS_PER_SECOND;
  }

  /** The length in milliseconds, for `setTimeout` and `Date` arithmetic. */
  totalMilliseconds(): number {
    return Number(this.microseconds) / 1000;
  }

  /** `P1DT2H`, `-PT1H`, `PT0.5S`, `PT0S`. */
  toJSON(): string {
    const negative = this.microseconds < 0n;
    const total = negative ? -this.microseconds : this.microseconds;
    const seconds = total / BigInt(MICROS_PER_SECOND);
    const micros = Number(total % BigInt(MICROS_PER_SECOND));
    const days = seconds / BigInt(SECONDS_PER_DAY);
    const rest = Number(seconds % BigInt(SECONDS_PER_DAY));
    const [h, m, s] = [Math.floor(rest / 3600), Math.floor((rest % 3600) / 60), rest % 60];
    let time = '';
    if (h > 0) time += `${h}H`;
    if (m > 0) time += `${m}M`;
    if (s > 0 || micros > 0) time += `${s}${micros > 0 ? `.${pad(micros, 6).replace(/0+$/, '')}` : ''}S`;
    const text = `P${days > 0n ? `${days}D` : ''}${time ? `T${time}` : ''}`;
    return `${negative ? '-' : ''}${text === 'P' ? 'PT0S' : text}`;
  }

  toString(): string {
    return this.toJSON();
  }
}
