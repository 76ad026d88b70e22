import 'reflect-metadata';
import { Controller, Get, Int, Path, Query } from '@deft/core';
import { clientFor } from '../support/client';
import { intParsing, missing } from '../support/validation';

describe('required and optional parameters', () => {
  @Controller()
  class Items {
    @Get('/items/{item_id}')
    read(
      @Path('item_id') itemId: string,
      @Query('needy') needy: string,
      @Query('skip', { type: Int, default: 0 }) skip: number,
      @Query('limit', { type: Int, default: null }) limit: number | null,
      @Query('q', { type: String, required: false }) q: string | undefined,
    ) {
      return { itemId, needy, skip, limit, q: q ?? 'absent' };
    }
  }
  const client = clientFor(Items);

  it('requires a parameter without default or `required: false`', async () => {
    const res = await client.get('/items/foo');
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [missing('query', 'needy')] });
  });

  it('ignores query parameters nobody declared', async () => {
    expect((await client.get('/items/foo', { query: { needy: 'x', unknown: 'y' } })).status).toBe(200);
  });

  it('uses the default when absent, null included, and leaves `required: false` undefined', async () => {
    expect((await client.get('/items/foo', { query: { needy: 'very' } })).json()).toEqual({
      itemId: 'foo',
      needy: 'very',
      skip: 0,
      limit: null,
      q: 'absent',
    });
  });

  it('converts given values; the default does not hide a bad one', async () => {
    expect((await client.get('/items/foo', { query: { needy: 'n', skip: 5, limit: 10, q: 'x' } })).json()).toEqual({
      itemId: 'foo',
      needy: 'n',
      skip: 5,
      limit: 10,
      q: 'x',
    });
    expect((await client.get('/items/foo', { query: { needy: 'n', skip: 'a' } })).json()).toEqual({
      detail: [intParsing(['query', 'skip'], 'a')],
    });
  });

  it('takes the last value of a repeated non-list parameter', async () => {
    expect((await client.get('/items/foo?needy=a&needy=b')).json()).toMatchObject({ needy: 'b' });
  });

  it('reads an empty value as an empty string, not as absent', async () => {
    expect((await client.get('/items/foo?needy=')).json()).toMatchObject({ needy: '' });
  });
});

describe('defaults are copied per request', () => {
  @Controller()
  class Mutating {
    @Get('/tags')
    tags(@Query('tag', { type: [String], default: ['base'] }) tags: string[]) {
      tags.push('added');
      return tags;
    }
  }

  it('never lets one request change the default another request sees', async () => {
    const client = clientFor(Mutating);
    expect((await client.get('/tags')).json()).toEqual(['base', 'added']);
    expect((await client.get('/tags')).json()).toEqual(['base', 'added']);
  });
});

describe('lists', () => {
  @Controller()
  class Lists {
    @Get('/strings')
    strings(@Query('q') q: string[]) {
      return q;
    }
    @Get('/numbers')
    numbers(@Query('n', { type: [Int], default: null }) n: number[] | null) {
      return n;
    }
    @Get('/floats')
    floats(@Query('x', { type: [Number], default: [] }) x: number[]) {
      return x;
    }
  }
  const client = clientFor(Lists);

  it('collect repeated query values, in order', async () => {
    expect((await client.get('/strings?q=foo&q=bar')).json()).toEqual(['foo', 'bar']);
    expect((await client.get('/strings?q=one')).json()).toEqual(['one']);
  });

  it('are required unless they have a default, which may be null or []', async () => {
    expect((await client.get('/strings')).json()).toEqual({ detail: [missing('query', 'q')] });
    expect((await client.get('/numbers')).json()).toBeNull();
    expect((await client.get('/floats')).json()).toEqual([]);
  });

  it('convert each element by the `type` option, reporting each bad one at its index', async () => {
    expect((await client.get('/numbers?n=1&n=2')).json()).toEqual([1, 2]);
    expect((await client.get('/floats?x=1.5&x=2')).json()).toEqual([1.5, 2]);
    expect((await client.get('/numbers?n=1&n=x&n=3&n=y')).json()).toEqual({
      detail: [intParsing(['query', 'n', 1], 'x'), intParsing(['query', 'n', 3], 'y')],
    });
  });
});

describe('the `type` option', () => {
  @Controller()
  class Overrides {
    @Get('/nullable')
    nullable(@Query('n', { type: Number, default: null }) n: number | null) {
      return { n, type: typeof n };
    }
    @Get('/int')
    int(@Query('n', { type: Int }) n: number) {
      return n;
    }
    @Get('/raw')
    raw(@Query('v', { type: Object }) v: unknown) {
      return { v };
    }
  }
  const client = clientFor(Overrides);

  it('converts a union-typed parameter, whose reflected type is Object', async () => {
    expect((await client.get('/nullable', { query: { n: '2.5' } })).json()).toEqual({ n: 2.5, type: 'number' });
    expect((await client.get('/nullable')).json()).toEqual({ n: null, type: 'object' });
  });

  it('makes a number an integer with Int', async () => {
    expect((await client.get('/int', { query: { n: '3' } })).json()).toBe(3);
    expect((await client.get('/int', { query: { n: '3.5' } })).status).toBe(422);
  });

  it('passes the raw value with `type: Object`', async () => {
    expect((await client.get('/raw', { query: { v: '42' } })).json()).toEqual({ v: '42' });
  });
});
