import 'reflect-metadata';
import Decimal from 'decimal.js';
import { Type } from 'class-transformer';
import { IsInt, ValidateNested } from 'class-validator';
import { Body, Controller, createApp, Field, Form, Get, Post, Query } from '@deft/core';
import { TestClient } from '@deft/testing';
import { appFor, clientFor } from '../support/client';
import { openapiProblems } from '../openapi/valid-openapi';

class Price {
  @Field({}) amount!: Decimal;
}

class Line {
  @ValidateNested() @Type(() => Price) price!: Price;
  @IsInt() qty!: number;
}

class Plain {
  @IsInt() qty!: number;
}

@Controller()
class Money {
  @Get('/total/')
  total(@Query('price', { type: Decimal }) price: Decimal, @Query('qty', { type: Decimal, default: new Decimal(1) }) qty: Decimal) {
    return { isDecimal: Decimal.isDecimal(price), price: price.toFixed(), total: price.times(qty).toFixed() };
  }

  @Get('/bounded/')
  bounded(@Query('d', { type: Decimal, gt: 0, maxDigits: 5, decimalPlaces: 2, multipleOf: 0.05 }) d: Decimal) {
    return { d: d.toFixed() };
  }

  @Post('/lines/', { responseModel: Line })
  line(@Body() line: Line) {
    return line;
  }

  @Post('/form/')
  form(@Form('d', { type: Decimal }) d: Decimal) {
    return { d: d.toFixed() };
  }

  @Get('/plain/', { responseModel: Plain })
  plain() {
    return { qty: 1 };
  }

  @Post('/plain/', { responseModel: Plain })
  postPlain(@Body() plain: Plain) {
    return plain;
  }
}

const client = clientFor(Money);
const detail = async (url: string) => (await client.get(url)).json<{ detail: unknown[] }>().detail;

describe('Decimal', () => {
  it('keeps every digit: money never goes through a JavaScript number', async () => {
    expect((await client.get('/total/?price=0.1&qty=3')).json()).toEqual({ isDecimal: true, price: '0.1', total: '0.3' });
    expect((await client.get('/total/?price=12345678901234567890.123456789')).json()).toMatchObject({ price: '12345678901234567890.123456789' });
    expect((await client.get('/total/?price=1_000&qty=%201e3%20')).json()).toEqual({ isDecimal: true, price: '1000', total: '1000000' });
  });

  it("answers Pydantic's errors", async () => {
    expect(await detail('/total/?price=abc')).toEqual([{ type: 'decimal_parsing', loc: ['query', 'price'], msg: 'Input should be a valid decimal', input: 'abc' }]);
    expect(await detail('/total/?price=NaN')).toEqual([{ type: 'finite_number', loc: ['query', 'price'], msg: 'Input should be a finite number', input: 'NaN' }]);
    const body = await client.post('/lines/', { json: { price: { amount: true }, qty: 1 } });
    expect(body.json()).toEqual({
      detail: [
        { type: 'decimal_type', loc: ['body', 'price', 'amount'], msg: 'Decimal input should be an integer, float, string or Decimal object', input: true },
      ],
    });
    expect((await client.post('/form/', { form: { d: 'x' } })).json()).toEqual({
      detail: [{ type: 'decimal_parsing', loc: ['body', 'd'], msg: 'Input should be a valid decimal', input: 'x' }],
    });
  });

  it('checks digits, places, multipleOf and bounds as Pydantic does, in its order', async () => {
    expect((await client.get('/bounded/?d=1.10')).json()).toEqual({ d: '1.1' });
    const cases: [string, Record<string, unknown>][] = [
      ['1.234', { type: 'decimal_max_places', msg: 'Decimal input should have no more than 2 decimal places', ctx: { decimal_places: 2 } }],
      ['12345.6', { type: 'decimal_max_digits', msg: 'Decimal input should have no more than 5 digits in total', ctx: { max_digits: 5 } }],
      ['1234.5', { type: 'decimal_whole_digits', msg: 'Decimal input should have no more than 3 digits before the decimal point', ctx: { whole_digits: 3 } }],
      ['0.07', { type: 'multiple_of', msg: 'Input should be a multiple of 0.05', ctx: { multiple_of: 0.05 } }],
      ['-1', { type: 'greater_than', msg: 'Input should be greater than 0', ctx: { gt: 0 } }],
    ];
    for (const [sent, error] of cases) expect(await detail(`/bounded/?d=${sent}`)).toEqual([{ loc: ['query', 'd'], input: sent, ...error }]);
  });

  it('reads a DTO field from a string or a JSON number, and writes it as a string', async () => {
    const res = await client.post('/lines/', { json: { price: { amount: '19.99' }, qty: 2 } });
    expect(res.text).toBe('{"price":{"amount":"19.99"},"qty":2}');
    expect((await client.post('/lines/', { json: { price: { amount: 0.1 }, qty: 2 } })).text).toBe('{"price":{"amount":"0.1"},"qty":2}');
  });
});

describe('input and output schemas', () => {
  it('splits a model whose input and output differ into -Input and -Output, as FastAPI does', async () => {
    const document = appFor(Money).openapi();
    const schemas = document.components!.schemas!;
    expect(Object.keys(schemas)).toEqual(['Body_form_form__post', 'HTTPValidationError', 'Line-Input', 'Line-Output', 'Plain', 'Price-Input', 'Price-Output', 'ValidationError']);
    const decimalIn = { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$' }] };
    expect(schemas['Price-Input']).toEqual({ properties: { amount: { ...decimalIn, title: 'Amount' } }, type: 'object', required: ['amount'], title: 'Price' });
    expect(schemas['Price-Output']).toEqual({
      properties: { amount: { type: 'string', pattern: '^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$', title: 'Amount' } },
      type: 'object',
      required: ['amount'],
      title: 'Price',
    });
    expect(schemas['Line-Input']!.properties).toEqual({ price: { $ref: '#/components/schemas/Price-Input' }, qty: { type: 'integer', title: 'Qty' } });
    expect(schemas['Line-Output']!.properties).toEqual({ price: { $ref: '#/components/schemas/Price-Output' }, qty: { type: 'integer', title: 'Qty' } });
    const lines = document.paths['/lines/']!.post!;
    expect(lines.requestBody!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Line-Input' });
    expect(lines.responses['200']!.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Line-Output' } } });
    expect(document.paths['/bounded/']!.get!.parameters![0]!.schema).toEqual({
      anyOf: [{ type: 'number', exclusiveMinimum: 0, multipleOf: 0.05 }, { type: 'string', pattern: '^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$' }],
      title: 'D',
    });
    expect(await openapiProblems(document)).toEqual([]);
  });

  it('keeps one schema with separateInputOutputSchemas: false', () => {
    const schemas = createApp({ controllers: [Money], separateInputOutputSchemas: false }).openapi().components!.schemas!;
    expect(Object.keys(schemas)).toEqual(['Body_form_form__post', 'HTTPValidationError', 'Line', 'Plain', 'Price', 'ValidationError']);
    expect((schemas.Price!.properties as Record<string, unknown>).amount).toMatchObject({ anyOf: expect.any(Array) });
  });

  it('answers through the running app too', async () => {
    const app = createApp({ controllers: [Money], fastify: { logger: false } });
    expect((await new TestClient(app).get('/openapi.json')).json()).toEqual(JSON.parse(JSON.stringify(app.openapi())));
    await app.close();
  });
});
