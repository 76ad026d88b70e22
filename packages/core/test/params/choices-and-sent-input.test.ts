import 'reflect-metadata';
import { IsEnum, IsInt, Min } from 'class-validator';
import { Body, Controller, Form, Get, Int, Post, Query } from '@deft/core';
import { clientFor } from '../support/client';

enum Level {
  Low = 1,
  Mid = 2,
  High = 3,
}

class Rated {
  @IsEnum(Level) level!: Level;
}

class Order {
  @IsInt() @Min(1) quantity!: number;
  @IsEnum(Level) priority!: Level;
}

@Controller()
class Choices {
  @Get('/levels/')
  level(@Query('level', { type: Int, enum: Level }) level: Level) {
    return { level };
  }

  @Post('/rated/')
  rated(@Body() body: Rated) {
    return body;
  }

  @Post('/orders/')
  order(@Form() order: Order) {
    return order;
  }
}

const client = clientFor(Choices);
const ENUM_ERROR = { type: 'enum', msg: 'Input should be 1, 2 or 3', ctx: { expected: '1, 2 or 3' } };

describe("FastAPI's enum error and the input as sent", () => {
  it.each(['4', 'x', '1.5'])('reports %s, which is no level, as enum (not int_parsing)', async (sent) => {
    expect((await client.get('/levels/', { query: { level: sent } })).json()).toEqual({ detail: [{ ...ENUM_ERROR, loc: ['query', 'level'], input: sent }] });
  });

  it('accepts a level of an int-valued enum', async () => {
    expect((await client.get('/levels/?level=2')).json()).toEqual({ level: 2 });
  });

  it('reports enum for a DTO field given a string', async () => {
    expect((await client.post('/rated/', { json: { level: 'x' } })).json()).toEqual({ detail: [{ ...ENUM_ERROR, loc: ['body', 'level'], input: 'x' }] });
  });

  it('reports a form field that fails a constraint with the string that was sent', async () => {
    expect((await client.post('/orders/', { form: { quantity: '0', priority: '9' } })).json()).toEqual({
      detail: [
        { type: 'greater_than_equal', loc: ['body', 'quantity'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } },
        { ...ENUM_ERROR, loc: ['body', 'priority'], input: '9' },
      ],
    });
    expect((await client.post('/orders/', { form: { quantity: '2', priority: '3' } })).json()).toEqual({ quantity: 2, priority: 3 });
  });
});
