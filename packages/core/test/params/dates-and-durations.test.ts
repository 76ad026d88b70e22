import 'reflect-metadata';
import { Body, Controller, DateOnly, DateTime, Duration, Field, Get, Post, Query, Time } from '@deft/core';
import { appFor, clientFor } from '../support/client';
import { openapiProblems } from '../openapi/valid-openapi';

class Meeting {
  @Field({}) at!: DateTime;
  @Field({}) day!: DateOnly;
  @Field({}) starts!: Time;
  @Field({}) lasts!: Duration;
}

@Controller()
class Calendar {
  @Get('/datetime/')
  datetime(@Query('v', { type: DateTime }) v: DateTime) {
    return { v, isDate: v instanceof Date, offset: v.offset };
  }

  @Get('/date/')
  date(@Query('v', { type: DateOnly }) v: DateOnly) {
    return { v };
  }

  @Get('/time/')
  time(@Query('v', { type: Time }) v: Time) {
    return { v };
  }

  @Get('/duration/')
  duration(@Query('v', { type: Duration }) v: Duration) {
    return { v, seconds: v.totalSeconds() };
  }

  @Post('/meetings/', { responseModel: Meeting })
  meeting(@Body() meeting: Meeting) {
    return meeting;
  }
}

const client = clientFor(Calendar);
const value = async (path: string, sent: string) => (await client.get(path, { query: { v: sent } })).json<{ v: unknown }>().v;
const error = async (path: string, sent: string) => (await client.get(path, { query: { v: sent } })).json<{ detail: Record<string, unknown>[] }>().detail[0];

// Each pair is what Pydantic 2.13 writes back for what was sent.
describe('datetimes keep the offset they were sent with', () => {
  it.each([
    ['2024-05-01T09:30:00+02:00', '2024-05-01T09:30:00+02:00'],
    ['2024-05-01T09:30:00Z', '2024-05-01T09:30:00Z'],
    ['2024-05-01T09:30:00', '2024-05-01T09:30:00'],
    ['2024-05-01 09:30', '2024-05-01T09:30:00'],
    ['2024-05-01T09:30:00.5-05:30', '2024-05-01T09:30:00.500000-05:30'],
    ['2024-05-01', '2024-05-01T00:00:00'],
    ['2024-05-01T09:30:00+0200', '2024-05-01T09:30:00+02:00'],
    ['2024-05-01T09:30:00.123456789Z', '2024-05-01T09:30:00.123456Z'],
    ['1714555800', '2024-05-01T09:30:00Z'],
    ['1714555800.5', '2024-05-01T09:30:00.500000Z'],
    ['2024-05-01t09:30:00z', '2024-05-01T09:30:00Z'],
  ])('%s is written back as %s', async (sent, written) => {
    expect(await value('/datetime/', sent)).toBe(written);
  });

  it('is a Date of the same instant, with its offset', async () => {
    expect((await client.get('/datetime/', { query: { v: '2024-05-01T09:30:00+02:00' } })).json()).toMatchObject({ isDate: true, offset: 120 });
  });

  it.each([
    ['x', 'input is too short'],
    ['2024-13-01T00:00:00', 'month value is outside expected range of 1-12'],
    ['2024-05-01T25:00:00', 'unexpected extra characters at the end of the input'],
    ['2024-05-01T09:30:00+25:00', 'unexpected extra characters at the end of the input'],
    ['2024-02-30T00:00:00', 'day value is outside expected range'],
    ['2024-05-01T09', 'unexpected extra characters at the end of the input'],
  ])("refuses %s with Pydantic's datetime_from_date_parsing", async (sent, reason) => {
    expect(await error('/datetime/', sent)).toEqual({
      type: 'datetime_from_date_parsing',
      loc: ['query', 'v'],
      msg: `Input should be a valid datetime or date, ${reason}`,
      input: sent,
      ctx: { error: reason },
    });
  });
});

describe('date-only', () => {
  it.each([
    ['2024-05-01', '2024-05-01'],
    ['2024-05-01T00:00:00', '2024-05-01'],
    ['1714521600', '2024-05-01'],
  ])('%s is the date %s', async (sent, written) => {
    expect(await value('/date/', sent)).toBe(written);
  });

  it.each([
    ['2024-5-1', 'input is too short'],
    ['x', 'input is too short'],
    ['2024-02-30', 'day value is outside expected range'],
  ])("refuses %s with Pydantic's date_from_datetime_parsing", async (sent, reason) => {
    expect(await error('/date/', sent)).toMatchObject({ type: 'date_from_datetime_parsing', msg: `Input should be a valid date or datetime, ${reason}`, ctx: { error: reason } });
  });

  it.each(['2024-05-01T10:00:00', '20240501'])('refuses %s, which is not midnight, with date_from_datetime_inexact', async (sent) => {
    expect(await error('/date/', sent)).toEqual({
      type: 'date_from_datetime_inexact',
      loc: ['query', 'v'],
      msg: 'Datetimes provided to dates should have zero time - e.g. be exact dates',
      input: sent,
    });
  });
});

describe('time', () => {
  it.each([
    ['09:30', '09:30:00'],
    ['09:30:00.5', '09:30:00.500000'],
    ['09:30:00+02:00', '09:30:00+02:00'],
    ['09:30:00Z', '09:30:00Z'],
    ['09:30:00.1234567', '09:30:00.123456'],
  ])('%s is the time %s', async (sent, written) => {
    expect(await value('/time/', sent)).toBe(written);
  });

  it.each([
    ['9:30', 'input is too short'],
    ['25:00', 'hour value is outside expected range of 0-23'],
    ['09:60', 'minute value is outside expected range of 0-59'],
    ['093000', 'invalid time separator, expected `:`'],
  ])("refuses %s with Pydantic's time_parsing", async (sent, reason) => {
    expect(await error('/time/', sent)).toMatchObject({ type: 'time_parsing', msg: `Input should be in a valid time format, ${reason}`, ctx: { error: reason } });
  });
});

describe('durations, as timedelta', () => {
  it.each([
    ['P1DT2H', 'P1DT2H', 93600],
    ['PT36H', 'P1DT12H', 129600],
    ['-P1D', '-P1D', -86400],
    ['P1W', 'P7D', 604800],
    ['P1M', 'P30D', 2592000],
    ['PT0.5S', 'PT0.5S', 0.5],
    ['P1DT2H3M4.5S', 'P1DT2H3M4.5S', 93784.5],
    ['1 day, 2:00:00', 'P1DT2H', 93600],
    ['1 day', 'P1D', 86400],
    ['2:00:00', 'PT2H', 7200],
    ['1:02:03.5', 'PT1H2M3.5S', 3723.5],
    ['-1:00:00', '-PT1H', -3600],
    ['PT1.5H', 'PT1H30M', 5400],
    ['1d', 'P1D', 86400],
    ['3 days, 0:00:00', 'P3D', 259200],
  ])('%s is %s (%d s)', async (sent, written, seconds) => {
    expect((await client.get('/duration/', { query: { v: sent } })).json()).toEqual({ v: written, seconds });
  });

  it.each([
    ['P1X', 'quantity invalid in date part of duration'],
    ['PT', 'input is too short'],
    ['P', 'input is too short'],
    ['x', 'invalid digit in duration'],
  ])("refuses %s with Pydantic's time_delta_parsing", async (sent, reason) => {
    expect(await error('/duration/', sent)).toMatchObject({ type: 'time_delta_parsing', msg: `Input should be a valid timedelta, ${reason}`, ctx: { error: reason } });
  });
});

describe('in DTOs and response models', () => {
  it('reads and writes them as Pydantic does', async () => {
    const sent = { at: '2024-05-01T09:30:00+02:00', day: '2024-05-01', starts: '09:30:00', lasts: 'P1DT2H' };
    const res = await client.post('/meetings/', { json: sent });
    expect(res.text).toBe('{"at":"2024-05-01T09:30:00+02:00","day":"2024-05-01","starts":"09:30:00","lasts":"P1DT2H"}');
    const numbers = await client.post('/meetings/', { json: { at: 1714555800, day: 1714521600, starts: 3600, lasts: 3600.5 } });
    expect(numbers.json()).toEqual({ at: '2024-05-01T09:30:00Z', day: '2024-05-01', starts: '01:00:00Z', lasts: 'PT1H0.5S' });
    const wrong = await client.post('/meetings/', { json: { at: true, day: true, starts: true, lasts: true } });
    expect(wrong.json<{ detail: { type: string }[] }>().detail.map((item) => item.type)).toEqual(['datetime_type', 'date_type', 'time_type', 'time_delta_type']);
  });

  it('documents them with their formats, in a valid document', async () => {
    const document = appFor(Calendar).openapi();
    expect(await openapiProblems(document)).toEqual([]);
    expect(document.components!.schemas!.Meeting!.properties).toEqual({
      at: { type: 'string', format: 'date-time', title: 'At' },
      day: { type: 'string', format: 'date', title: 'Day' },
      starts: { type: 'string', format: 'time', title: 'Starts' },
      lasts: { type: 'string', format: 'duration', title: 'Lasts' },
    });
  });
});
