import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  Contains,
  IsBoolean,
  IsDate,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Body, Controller, Post } from '@deft/core';
import { clientFor } from '../support/client';
import { missing } from '../support/validation';

class Image {
  @IsString() url!: string;
  @IsString() name!: string;
}

class Size {
  @IsNumber() @Min(0) width!: number;
  @IsNumber() @Min(0) height!: number;
}

class Item {
  @IsString() @MaxLength(20) name!: string;
  @IsOptional() @IsString() description?: string | null;
  @IsNumber() price!: number;
  @IsOptional() @IsNumber() tax?: number;
  @IsString({ each: true }) tags: string[] = [];
  @IsBoolean() available = true;
  @IsOptional() @ValidateNested() @Type(() => Size) size?: Size;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Image) images?: Image[];
}

class Category {
  @IsString() name!: string;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Category) children?: Category[];
}

class Timestamped {
  @IsDate() @Type(() => Date) createdAt!: Date;
}

class Post_ extends Timestamped {
  @IsString() title!: string;
}

@Controller()
class Store {
  @Post('/items/')
  create(@Body() item: Item) {
    return {
      item,
      isItem: item instanceof Item,
      sizeIsSize: item.size === undefined || item.size instanceof Size,
      imagesAreImages: (item.images ?? []).every((image) => image instanceof Image),
    };
  }
  @Post('/batch')
  batch(@Body({ type: [Item] }) items: Item[]) {
    return items.map((item) => item instanceof Item);
  }
  @Post('/categories')
  category(@Body() category: Category) {
    return category;
  }
  @Post('/posts')
  post(@Body() post: Post_) {
    return { post, createdAt: post.createdAt instanceof Date };
  }
}
const client = clientFor(Store);

describe('a DTO body', () => {
  it('becomes an instance of the class, nested DTOs and lists of them included', async () => {
    const res = await client.post('/items/', {
      json: { name: 'Foo', price: 35.4, size: { width: 1, height: 2 }, images: [{ url: 'http://x/a.png', name: 'a' }] },
    });
    expect(res.json()).toEqual({
      item: {
        name: 'Foo',
        price: 35.4,
        tags: [],
        available: true,
        size: { width: 1, height: 2 },
        images: [{ url: 'http://x/a.png', name: 'a' }],
      },
      isItem: true,
      sizeIsSize: true,
      imagesAreImages: true,
    });
  });

  it('fills initializer defaults and leaves optional fields absent', async () => {
    expect((await client.post('/items/', { json: { name: 'Foo', price: 1 } })).json<{ item: unknown }>().item).toEqual({
      name: 'Foo',
      price: 1,
      tags: [],
      available: true,
    });
  });

  it('accepts null for @IsOptional() fields only', async () => {
    expect((await client.post('/items/', { json: { name: 'Foo', price: 1, description: null } })).json<{ item: unknown }>().item).toMatchObject({
      description: null,
    });
    expect((await client.post('/items/', { json: { name: null, price: 1 } })).json()).toEqual({
      detail: [{ type: 'string_type', loc: ['body', 'name'], msg: 'Input should be a valid string', input: null }],
    });
  });

  it('drops fields the class does not declare, at every depth', async () => {
    const res = await client.post('/items/', { json: { name: 'Foo', price: 1, owner: 'x', size: { width: 1, height: 1, depth: 9 } } });
    expect(res.json<{ item: unknown }>().item).toEqual({ name: 'Foo', price: 1, tags: [], available: true, size: { width: 1, height: 1 } });
  });

  it("converts leniently as Pydantic does: '35.4' is a number, 'yes' a boolean", async () => {
    const res = await client.post('/items/', { json: { name: 'Foo', price: '35.4', available: 'yes' } });
    expect(res.json<{ item: unknown }>().item).toMatchObject({ price: 35.4, available: true });
  });

  it('reports a missing field with the enclosing object as input', async () => {
    expect((await client.post('/items/', { json: { name: 'Foo' } })).json()).toEqual({
      detail: [{ type: 'missing', loc: ['body', 'price'], msg: 'Field required', input: { name: 'Foo' } }],
    });
    expect((await client.post('/items/', { json: {} })).json()).toEqual({
      detail: [
        { type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: {} },
        { type: 'missing', loc: ['body', 'price'], msg: 'Field required', input: {} },
      ],
    });
  });

  it('reports every error at once, located along the path and ordered by declaration', async () => {
    const res = await client.post('/items/', {
      json: { images: [{ url: 1 }], size: { width: -1 }, tags: 'x', price: 'twenty', name: 'a'.repeat(21) },
    });
    expect(res.json()).toEqual({
      detail: [
        { type: 'string_too_long', loc: ['body', 'name'], msg: 'String should have at most 20 characters', input: 'a'.repeat(21), ctx: { max_length: 20 } },
        { type: 'float_parsing', loc: ['body', 'price'], msg: 'Input should be a valid number, unable to parse string as a number', input: 'twenty' },
        { type: 'list_type', loc: ['body', 'tags'], msg: 'Input should be a valid list', input: 'x' },
        { type: 'greater_than_equal', loc: ['body', 'size', 'width'], msg: 'Input should be greater than or equal to 0', input: -1, ctx: { ge: 0 } },
        { type: 'missing', loc: ['body', 'size', 'height'], msg: 'Field required', input: { width: -1 } },
        { type: 'string_type', loc: ['body', 'images', 0, 'url'], msg: 'Input should be a valid string', input: 1 },
        { type: 'missing', loc: ['body', 'images', 0, 'name'], msg: 'Field required', input: { url: 1 } },
      ],
    });
  });

  it('rejects a nested value that is not an object', async () => {
    expect((await client.post('/items/', { json: { name: 'Foo', price: 1, size: 'big' } })).json()).toEqual({
      detail: [
        {
          type: 'model_attributes_type',
          loc: ['body', 'size'],
          msg: 'Input should be a valid dictionary or object to extract fields from',
          input: 'big',
        },
      ],
    });
  });

  it('may be a list of DTOs, each error at its index', async () => {
    expect((await client.post('/batch', { json: [{ name: 'a', price: 1 }] })).json()).toEqual([true]);
    expect((await client.post('/batch', { json: [{ name: 'a', price: 1 }, { price: 'x' }] })).json()).toEqual({
      detail: [
        { type: 'missing', loc: ['body', 1, 'name'], msg: 'Field required', input: { price: 'x' } },
        { type: 'float_parsing', loc: ['body', 1, 'price'], msg: 'Input should be a valid number, unable to parse string as a number', input: 'x' },
      ],
    });
    expect((await client.post('/batch', { json: { name: 'a' } })).json()).toEqual({
      detail: [{ type: 'list_type', loc: ['body'], msg: 'Input should be a valid list', input: { name: 'a' } }],
    });
  });

  it('may contain itself', async () => {
    const tree = { name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] };
    expect((await client.post('/categories', { json: tree })).json()).toEqual(tree);
    expect((await client.post('/categories', { json: { name: 'a', children: [{ children: [{}] }] } })).json()).toEqual({
      detail: [missing('body', 'children', 0, 'name'), missing('body', 'children', 0, 'children', 0, 'name')].map((item, i) => ({
        ...item,
        input: i === 0 ? { children: [{}] } : {},
      })),
    });
  });

  it("lists an inherited class's fields first", async () => {
    expect((await client.post('/posts', { json: {} })).json()).toEqual({
      detail: [
        { type: 'missing', loc: ['body', 'createdAt'], msg: 'Field required', input: {} },
        { type: 'missing', loc: ['body', 'title'], msg: 'Field required', input: {} },
      ],
    });
    expect((await client.post('/posts', { json: { title: 't', createdAt: '2024-01-02T00:00:00Z' } })).json()).toEqual({
      post: { createdAt: '2024-01-02T00:00:00Z', title: 't' },
      createdAt: true,
    });
  });
});

describe('class-validator constraints', () => {
  enum Color {
    Red = 'red',
    Blue = 'blue',
  }
  class Constrained {
    @IsOptional() @IsInt() count?: number;
    @IsOptional() @Max(10) score?: number;
    @IsOptional() @IsPositive() positive?: number;
    @IsOptional() @Length(2, 4) code?: string;
    @IsOptional() @IsIn(['a', 'b']) pick?: string;
    @IsOptional() @IsEnum(Color) color?: Color;
    @IsOptional() @Matches(/^x+$/) xs?: string;
    @IsOptional() @IsEmail() email?: string;
    @IsOptional() @ArrayMinSize(2) @IsString({ each: true }) tags?: string[];
    @IsOptional() @IsUUID() id?: string;
    @IsOptional() @Contains('zz') custom?: string;
  }
  @Controller()
  class Checks {
    @Post('/check')
    check(@Body() body: Constrained) {
      return body;
    }
  }
  const checks = clientFor(Checks);

  it.each([
    ['count', 1.5, { type: 'int_from_float', msg: 'Input should be a valid integer, got a number with a fractional part' }],
    ['count', 'one', { type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' }],
    ['score', 11, { type: 'less_than_equal', msg: 'Input should be less than or equal to 10', ctx: { le: 10 } }],
    ['positive', 0, { type: 'greater_than', msg: 'Input should be greater than 0', ctx: { gt: 0 } }],
    ['code', 'a', { type: 'string_too_short', msg: 'String should have at least 2 characters', ctx: { min_length: 2 } }],
    ['code', 'abcde', { type: 'string_too_long', msg: 'String should have at most 4 characters', ctx: { max_length: 4 } }],
    ['pick', 'c', { type: 'literal_error', msg: "Input should be 'a' or 'b'", ctx: { expected: "'a' or 'b'" } }],
    ['color', 'green', { type: 'enum', msg: "Input should be 'red' or 'blue'", ctx: { expected: "'red' or 'blue'" } }],
    ['xs', 'y', { type: 'string_pattern_mismatch', msg: "String should match pattern '^x+$'", ctx: { pattern: '^x+$' } }],
    [
      'email',
      'nope',
      {
        type: 'value_error',
        msg: 'value is not a valid email address: An email address must have an @-sign.',
        ctx: { reason: 'An email address must have an @-sign.' },
      },
    ],
    [
      'tags',
      ['a'],
      {
        type: 'too_short',
        msg: 'List should have at least 2 items after validation, not 1',
        ctx: { field_type: 'List', min_length: 2, actual_length: 1 },
      },
    ],
    [
      'id',
      'not-a-uuid',
      { type: 'uuid_parsing', msg: 'Input should be a valid UUID, invalid character: found `n` at 1', ctx: { error: 'invalid character: found `n` at 1' } },
    ],
    ['custom', 'a', { type: 'value_error', msg: 'Value error, custom must contain a zz string' }],
  ])('%s = %j reports %j', async (field, input, expected) => {
    const res = await checks.post('/check', { json: { [field]: input } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [{ loc: ['body', field], input, ...expected }] });
  });
});
