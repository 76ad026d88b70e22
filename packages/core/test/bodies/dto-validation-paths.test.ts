import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  Contains,
  IsArray,
  IsDate,
  IsDefined,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsNegative,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  ValidatePromise,
} from 'class-validator';
import { Body, Controller, createApp, Post } from '@deft/core';
import { TestClient } from '@deft/testing';

enum Color {
  Red = 'red',
  Blue = 'blue',
}

/**
 * Deft validates most DTOs through generated code and direct instantiation;
 * DTOs using what only class-validator's executor handles (here
 * `@ValidatePromise`) go through `validateSync`. Both paths must answer
 * exactly alike: each DTO below exists twice, the second forced onto the
 * executor by one extra field. (constraint-differential.test.ts compares the
 * two on random DTOs.)
 */
function defineDtos(forceExecutor: boolean) {
  class Part {
    @IsString() @MinLength(2) name!: string;
    @IsInt() @Min(1) count!: number;
  }
  class Order {
    @IsEmail() email!: string;
    @IsString() @Length(3, 5) @Matches(/^[A-Z]+$/) code!: string;
    @IsNumber() @Max(100) total!: number;
    @IsOptional() @IsString() @MaxLength(3) note?: string | null;
    @IsEnum(Color) color!: Color;
    @IsArray() @IsString({ each: true }) @MinLength(2, { each: true }) @ArrayMinSize(1) tags!: string[];
    @ValidateNested() @Type(() => Part) main!: Part;
    @IsArray() @ValidateNested({ each: true }) @Type(() => Part) parts!: Part[];
    @IsString() @Contains('x', { message: '$property of $target must contain $constraint1, got $value' }) marker!: string;
    @IsInt() limit: number = 500;
    @IsOptional() @MinLength(2) @MaxLength(3) emoji?: string;
    @IsOptional() @Matches(/^ab/g) prefixed?: string;
    @IsOptional() @IsNumber({ maxDecimalPlaces: 1 }) rounded?: number;
    @IsOptional() @IsIn(['s', 'm', 1]) size?: string | number;
    @IsOptional() @IsPositive() @IsNegative() impossible?: number;
    @IsOptional() @IsNotEmpty() label?: string;
    @IsDefined() @IsDate() due!: Date;
  }
  if (forceExecutor) {
    ValidatePromise()(Order.prototype, 'unused');
    IsOptional()(Order.prototype, 'unused');
  }
  return Order;
}

const Compiled = defineDtos(false);
const Executor = defineDtos(true);

@Controller()
class Orders {
  @Post('/compiled')
  compiled(@Body({ type: Compiled }) order: object) {
    return { kind: order.constructor.name, order };
  }
  @Post('/executor')
  executor(@Body({ type: Executor }) order: object) {
    return { kind: order.constructor.name, order };
  }
}

const valid = {
  email: 'a@b.co',
  code: 'ABCD',
  total: 10,
  note: 'ok',
  color: 'red',
  tags: ['aa'],
  main: { name: 'nut', count: 1 },
  parts: [{ name: 'bolt', count: 2 }],
  marker: 'xx',
  due: '2024-05-06T07:08:09.000Z',
};

const inputs: Record<string, unknown> = {
  valid,
  'valid with null note and extra fields': { ...valid, note: null, extra: 1, main: { ...valid.main, extra: 2 } },
  'every constraint failing': {
    email: 'nope',
    code: 'ab',
    total: 101,
    note: 'long',
    color: 'green',
    tags: ['a', 'bb'],
    main: { name: 'n', count: 0 },
    parts: [{ name: 'ok', count: 1 }, { name: 'x', count: 0 }],
    marker: 'y',
    size: 'xl',
    impossible: 1,
    label: '',
  },
  'wrong types and missing fields': { email: 1, code: 5, total: 'many', tags: 'x', main: 'y', parts: [1, { name: 2 }] },
  'an empty list where one is required': { ...valid, tags: [] },
  'characters counted as validator.js counts them, global patterns, decimal places': { ...valid, emoji: '😀', prefixed: 'xab', rounded: 1.25 },
  'the same, accepted': { ...valid, emoji: '😀😀', prefixed: 'abc', rounded: 1.5 },
  'allowed values compared strictly': { ...valid, size: '1' },
  'allowed values, accepted': { ...valid, size: 1, label: 'x' },
  'a null where a value must be defined': { ...valid, due: null },
  'presentation sequences': { ...valid, emoji: '❤️❤️❤️❤️', prefixed: 'ab' },
  'not an object': [1, 2],
};

describe('compiled DTO validation and class-validator\'s executor agree', () => {
  const client = new TestClient(createApp({ controllers: [Orders], fastify: { logger: false } }));

  it.each(Object.entries(inputs))('%s', async (_name, input) => {
    const compiled = await client.post('/compiled', { json: input });
    const executor = await client.post('/executor', { json: input });
    expect(compiled.status).toBe(executor.status);
    expect(compiled.json()).toEqual(executor.json());
  });

  it('really validates (the comparison is not of two empty answers)', async () => {
    const ok = await client.post('/compiled', { json: valid });
    // A date-time is written as Pydantic writes it (no milliseconds when there are none).
    expect(ok.json()).toEqual({ kind: 'Order', order: { ...valid, due: '2024-05-06T07:08:09Z', limit: 500 } });
    const bad = await client.post('/compiled', { json: inputs['every constraint failing'] });
    expect(bad.status).toBe(422);
    expect(bad.json<{ detail: unknown[] }>().detail).toContainEqual({
      type: 'value_error',
      loc: ['body', 'marker'],
      msg: 'Value error, marker of Order must contain x, got y',
      input: 'y',
    });
    const locs = bad.json<{ detail: { loc: unknown[] }[] }>().detail.map((item) => item.loc);
    expect(locs).toHaveLength(15);
    expect(locs.slice(-4)).toEqual([['body', 'size'], ['body', 'impossible'], ['body', 'label'], ['body', 'due']]);
    const counted = await client.post('/compiled', { json: inputs['characters counted as validator.js counts them, global patterns, decimal places'] });
    expect(counted.json<{ detail: { loc: unknown[] }[] }>().detail.map((item) => item.loc)).toEqual([
      ['body', 'emoji'],
      ['body', 'prefixed'],
      ['body', 'rounded'],
    ]);
    expect((await client.post('/compiled', { json: inputs['the same, accepted'] })).status).toBe(200);
  });
});
