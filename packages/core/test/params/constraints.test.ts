import 'reflect-metadata';
import { Controller, Get, Int, Path, Query } from '@deft/core';
import { clientFor } from '../support/client';

enum ModelName {
  Alexnet = 'alexnet',
  Resnet = 'resnet',
  Lenet = 'lenet',
}

enum Priority {
  Low = 1,
  High = 2,
}

@Controller()
class Constrained {
  @Get('/gt/{v}')
  gt(@Path('v', { gt: 3 }) v: number) {
    return v;
  }
  @Get('/ge/{v}')
  ge(@Path('v', { ge: 3 }) v: number) {
    return v;
  }
  @Get('/lt/{v}')
  lt(@Path('v', { lt: 3 }) v: number) {
    return v;
  }
  @Get('/le/{v}')
  le(@Path('v', { le: 3 }) v: number) {
    return v;
  }
  @Get('/between/{v}')
  between(@Path('v', { type: Int, gt: 0, le: 1000 }) v: number) {
    return v;
  }
  @Get('/fraction/{v}')
  fraction(@Path('v', { gt: 0, lt: 1 }) v: number) {
    return v;
  }
  @Get('/length/{v}')
  length(@Path('v', { minLength: 2, maxLength: 3 }) v: string) {
    return v;
  }
  @Get('/one/{v}')
  one(@Path('v', { minLength: 1, maxLength: 1 }) v: string) {
    return v;
  }
  @Get('/pattern')
  pattern(@Query('q', { pattern: '^fixedquery$', minLength: 3 }) q: string) {
    return q;
  }
  @Get('/regexp')
  regexp(@Query('q', { pattern: /^[a-z]+$/i }) q: string) {
    return q;
  }
  @Get('/models/{model_name}')
  model(@Path('model_name', { enum: ModelName }) model: ModelName) {
    return model;
  }
  @Get('/choice')
  choice(@Query('c', { enum: ['a', 'b'] }) c: string) {
    return c;
  }
  @Get('/priority')
  priority(@Query('p', { type: Int, enum: Priority }) p: Priority) {
    return p;
  }
  @Get('/list')
  list(@Query('n', { type: [Int], ge: 1, minLength: 1, maxLength: 2 }) n: number[]) {
    return n;
  }
}
const client = clientFor(Constrained);

async function detail(path: string): Promise<unknown> {
  const res = await client.get(path);
  expect(res.status).toBe(422);
  return res.json<{ detail: unknown[] }>().detail;
}

describe('number bounds', () => {
  it('accept values inside them', async () => {
    expect((await client.get('/gt/42')).json()).toBe(42);
    expect((await client.get('/ge/3')).json()).toBe(3);
    expect((await client.get('/lt/2')).json()).toBe(2);
    expect((await client.get('/le/3')).json()).toBe(3);
    expect((await client.get('/between/1000')).json()).toBe(1000);
    expect((await client.get('/fraction/0.05')).json()).toBe(0.05);
  });

  it('report greater_than, greater_than_equal, less_than and less_than_equal with the bound in ctx', async () => {
    expect(await detail('/gt/3')).toEqual([
      { type: 'greater_than', loc: ['path', 'v'], msg: 'Input should be greater than 3', input: '3', ctx: { gt: 3 } },
    ]);
    expect(await detail('/ge/2')).toEqual([
      { type: 'greater_than_equal', loc: ['path', 'v'], msg: 'Input should be greater than or equal to 3', input: '2', ctx: { ge: 3 } },
    ]);
    expect(await detail('/lt/3')).toEqual([
      { type: 'less_than', loc: ['path', 'v'], msg: 'Input should be less than 3', input: '3', ctx: { lt: 3 } },
    ]);
    expect(await detail('/le/4')).toEqual([
      { type: 'less_than_equal', loc: ['path', 'v'], msg: 'Input should be less than or equal to 3', input: '4', ctx: { le: 3 } },
    ]);
    expect(await detail('/fraction/1')).toEqual([
      { type: 'less_than', loc: ['path', 'v'], msg: 'Input should be less than 1', input: '1', ctx: { lt: 1 } },
    ]);
  });

  it('are checked after conversion: a bad number is a parsing error, not a bound error', async () => {
    expect(await detail('/between/0.5')).toEqual([
      expect.objectContaining({ type: 'int_parsing', input: '0.5' }),
    ]);
  });
});

describe('string lengths', () => {
  it('report string_too_short and string_too_long with the limit in ctx', async () => {
    expect((await client.get('/length/foo')).json()).toBe('foo');
    expect(await detail('/length/f')).toEqual([
      { type: 'string_too_short', loc: ['path', 'v'], msg: 'String should have at least 2 characters', input: 'f', ctx: { min_length: 2 } },
    ]);
    expect(await detail('/length/foobar')).toEqual([
      { type: 'string_too_long', loc: ['path', 'v'], msg: 'String should have at most 3 characters', input: 'foobar', ctx: { max_length: 3 } },
    ]);
  });

  it('say "character" for one', async () => {
    expect(await detail('/one/ab')).toEqual([
      expect.objectContaining({ msg: 'String should have at most 1 character', ctx: { max_length: 1 } }),
    ]);
  });
});

describe('patterns', () => {
  it('report string_pattern_mismatch with the pattern in msg and ctx', async () => {
    expect((await client.get('/pattern', { query: { q: 'fixedquery' } })).json()).toBe('fixedquery');
    expect(await detail('/pattern?q=nonregexquery')).toEqual([
      {
        type: 'string_pattern_mismatch',
        loc: ['query', 'q'],
        msg: "String should match pattern '^fixedquery$'",
        input: 'nonregexquery',
        ctx: { pattern: '^fixedquery$' },
      },
    ]);
  });

  it('report only the first failed constraint of a value', async () => {
    expect(await detail('/pattern?q=no')).toEqual([expect.objectContaining({ type: 'string_too_short' })]);
  });

  it('accept a RegExp with its flags', async () => {
    expect((await client.get('/regexp', { query: { q: 'AbC' } })).json()).toBe('AbC');
    expect(await detail('/regexp?q=a1')).toEqual([expect.objectContaining({ msg: "String should match pattern '^[a-z]+$'" })]);
  });
});

describe('enums', () => {
  it('accept the values of a TypeScript string enum', async () => {
    expect((await client.get('/models/alexnet')).json()).toBe('alexnet');
    expect(await detail('/models/foo')).toEqual([
      {
        type: 'enum',
        loc: ['path', 'model_name'],
        msg: "Input should be 'alexnet', 'resnet' or 'lenet'",
        input: 'foo',
        ctx: { expected: "'alexnet', 'resnet' or 'lenet'" },
      },
    ]);
  });

  it('match by value, not by member name', async () => {
    expect(await detail('/models/Alexnet')).toEqual([expect.objectContaining({ type: 'enum', input: 'Alexnet' })]);
  });

  it('accept a list of values', async () => {
    expect((await client.get('/choice?c=b')).json()).toBe('b');
    expect(await detail('/choice?c=c')).toEqual([
      { type: 'enum', loc: ['query', 'c'], msg: "Input should be 'a' or 'b'", input: 'c', ctx: { expected: "'a' or 'b'" } },
    ]);
  });

  it('list only the numbers of a numeric TypeScript enum', async () => {
    expect((await client.get('/priority?p=2')).json()).toBe(2);
    expect(await detail('/priority?p=3')).toEqual([
      { type: 'enum', loc: ['query', 'p'], msg: 'Input should be 1 or 2', input: '3', ctx: { expected: '1 or 2' } },
    ]);
    // A member's name is no value: Pydantic's IntEnum answers `enum` for it too.
    expect(await detail('/priority?p=Low')).toEqual([
      { type: 'enum', loc: ['query', 'p'], msg: 'Input should be 1 or 2', input: 'Low', ctx: { expected: '1 or 2' } },
    ]);
  });
});

describe('constraints on lists', () => {
  it('apply bounds to each element and lengths to the list', async () => {
    expect((await client.get('/list?n=1&n=2')).json()).toEqual([1, 2]);
    expect(await detail('/list?n=0&n=1')).toEqual([
      { type: 'greater_than_equal', loc: ['query', 'n', 0], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } },
    ]);
    expect(await detail('/list?n=1&n=2&n=3')).toEqual([
      {
        type: 'too_long',
        loc: ['query', 'n'],
        msg: 'List should have at most 2 items after validation, not 3',
        input: ['1', '2', '3'],
        ctx: { field_type: 'List', max_length: 2, actual_length: 3 },
      },
    ]);
  });
});
