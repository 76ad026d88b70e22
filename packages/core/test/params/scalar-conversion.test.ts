import 'reflect-metadata';
import { Controller, Get, Int, Path, Query } from '@deft/core';
import { boolParsing, floatParsing, intParsing } from '../support/validation';
import { clientFor } from '../support/client';

@Controller()
class Conversions {
  @Get('/str/{value}')
  str(@Path('value') value: string) {
    return value;
  }
  @Get('/int/{value}')
  int(@Path('value', { type: Int }) value: number) {
    return value;
  }
  @Get('/float/{value}')
  float(@Path('value') value: number) {
    return value;
  }
  @Get('/bool/{value}')
  bool(@Path('value') value: boolean) {
    return value;
  }
  @Get('/date')
  date(@Query('at') at: Date) {
    return { iso: at.toISOString(), isDate: at instanceof Date };
  }
}
const client = clientFor(Conversions);

describe('strings', () => {
  it('are passed as they are, even when they look like numbers or booleans', async () => {
    expect((await client.get('/str/foobar')).json()).toBe('foobar');
    expect((await client.get('/str/42')).json()).toBe('42');
    expect((await client.get('/str/True')).json()).toBe('True');
  });
});

describe('integers (type: Int)', () => {
  it.each([
    ['42', 42],
    ['-7', -7],
    ['+3', 3],
    ['42.0', 42],
    ['1_000', 1000],
    ['007', 7],
    ['999999999999999', 999_999_999_999_999],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('reads %j as %j', async (raw, expected) => {
    expect((await client.get(`/int/${raw}`)).json()).toBe(expected);
  });

  it.each(['foobar', 'True', '42.5', '1e3', '_1', '1__0'])('rejects %j with int_parsing', async (raw) => {
    const res = await client.get(`/int/${raw}`);
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [intParsing(['path', 'value'], raw)] });
  });
});

describe('numbers (number)', () => {
  it.each([
    ['42', 42],
    ['42.5', 42.5],
    ['0.05', 0.05],
    ['1e3', 1000],
    ['-.5', -0.5],
    ['1_000.5', 1000.5],
  ])('reads %j as %j', async (raw, expected) => {
    expect((await client.get(`/float/${raw}`)).json()).toBe(expected);
  });

  it.each(['foobar', 'True', '1.2.3'])('rejects %j with float_parsing', async (raw) => {
    expect((await client.get(`/float/${raw}`)).json()).toEqual({ detail: [floatParsing(['path', 'value'], raw)] });
  });
});

describe('booleans (boolean)', () => {
  it.each(['true', 'True', 'TRUE', '1', 'yes', 'Yes', 'on', 'ON', 't', 'y'])('reads %j as true', async (raw) => {
    expect((await client.get(`/bool/${raw}`)).json()).toBe(true);
  });

  it.each(['false', 'False', '0', 'no', 'off', 'f', 'n', 'NO'])('reads %j as false', async (raw) => {
    expect((await client.get(`/bool/${raw}`)).json()).toBe(false);
  });

  it.each(['foobar', '42', '42.5', '2', 'nope'])('rejects %j with bool_parsing', async (raw) => {
    expect((await client.get(`/bool/${raw}`)).json()).toEqual({ detail: [boolParsing(['path', 'value'], raw)] });
  });
});

describe('dates (Date)', () => {
  it.each([
    ['2024-01-02', '2024-01-02T00:00:00.000Z'],
    ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.000Z'],
    ['2024-01-02T03:04:05+02:00', '2024-01-02T01:04:05.000Z'],
    ['1700000000', '2023-11-14T22:13:20.000Z'],
  ])('reads %j into a Date (%s)', async (raw, iso) => {
    expect((await client.get('/date', { query: { at: raw } })).json()).toEqual({ iso, isDate: true });
  });

  it("rejects what is no date with Pydantic's datetime_from_date_parsing", async () => {
    expect((await client.get('/date', { query: { at: 'yesterday' } })).json()).toEqual({
      detail: [
        {
          type: 'datetime_from_date_parsing',
          loc: ['query', 'at'],
          msg: 'Input should be a valid datetime or date, input is too short',
          input: 'yesterday',
          ctx: { error: 'input is too short' },
        },
      ],
    });
  });
});
