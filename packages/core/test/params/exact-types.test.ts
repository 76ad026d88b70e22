import 'reflect-metadata';
import { IsDivisibleBy, IsInt, IsNumber, IsUUID } from 'class-validator';
import { Body, Controller, Field, Get, Int, Path, Post, Query, UUID } from '@deft/core';
import { appFor, clientFor } from '../support/client';
import { openapiProblems } from '../openapi/valid-openapi';

class Versioned {
  @IsUUID('4') id!: string;
}

class Tagged {
  @IsUUID() id!: string;
  @IsInt() count!: number;
  @Field({}) big!: bigint;
  @IsNumber() @IsDivisibleBy(5) step!: number;
}

@Controller()
class Exact {
  @Get('/things/{thing_id}')
  thing(@Path('thing_id', { type: UUID }) thingId: string) {
    return { thing_id: thingId };
  }

  @Get('/formatted/{thing_id}')
  formatted(@Path('thing_id', { format: 'uuid' }) thingId: string) {
    return { thing_id: thingId };
  }

  @Get('/ints/')
  ints(@Query('n', { type: Int }) n: number, @Query('big', { type: BigInt, default: null }) big: bigint | null) {
    return { n, big: big === null ? null : big.toString() };
  }

  @Get('/plain-big/')
  plainBig() {
    return { big: 9007199254740993n, list: [1n, -2n], text: 'x' };
  }

  @Get('/steps/')
  steps(@Query('n', { type: Int, multipleOf: 3, default: 0 }) n: number, @Query('x', { multipleOf: 0.1, default: 0 }) x: number) {
    return { n, x };
  }

  @Post('/versioned/')
  versioned(@Body() body: Versioned) {
    return body;
  }

  @Post('/tagged/', { responseModel: Tagged })
  tagged(@Body() body: Tagged) {
    return body;
  }
}

const client = clientFor(Exact);
const detail = async (url: string) => (await client.get(url)).json<{ detail: unknown[] }>().detail;
const uuidError = (input: string, error: string, loc: (string | number)[] = ['path', 'thing_id']) => ({
  type: 'uuid_parsing',
  loc,
  msg: `Input should be a valid UUID, ${error}`,
  input,
  ctx: { error },
});

describe('UUID', () => {
  it.each([
    ['A0B1C2D3-E4F5-4A6B-8C7D-9E0F1A2B3C4D'],
    ['A0B1C2D3E4F54A6B8C7D9E0F1A2B3C4D'],
    ['{a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d}'],
    ['urn:uuid:a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d'],
  ])('normalises %s to the lowercase hyphenated form', async (sent) => {
    expect((await client.get(`/things/${encodeURIComponent(sent)}`)).json()).toEqual({ thing_id: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d' });
  });

  // Each message is the one Pydantic 2.13 gives for the same input.
  it.each([
    ['not-a-uuid', 'invalid character: found `n` at 1'],
    ['a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4', 'invalid group length in group 4: expected 12, found 11'],
    ['a0b1c2d3e4f5', 'invalid length: expected length 32 for simple format, found 12'],
    ['a0b1c2d3-e4f5-4a6b-8c7d', 'invalid group count: expected 5, found 4'],
    ['a0b1c2d3-e4f54a6b-8c7d-9e0f1a2b3c4d', 'invalid group count: expected 5, found 4'],
    ['a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4x', 'invalid character: found `x` at 36'],
    ['{a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d', 'invalid character: found `{` at 1'],
    ['{a0b1c2d3e4f54a6b8c7d9e0f1a2b3c4d}', 'invalid group count: expected 5, found 1'],
    ['a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3cé4', 'invalid character: found `é` at 35'],
    ['a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4dd', 'invalid group length in group 4: expected 12, found 13'],
  ])("refuses %s with Pydantic's uuid_parsing", async (sent, error) => {
    expect(await detail(`/things/${encodeURIComponent(sent)}`)).toEqual([uuidError(sent, error)]);
  });

  it("validates a string documented with format: 'uuid'", async () => {
    expect(await detail('/formatted/not-a-uuid')).toEqual([uuidError('not-a-uuid', 'invalid character: found `n` at 1')]);
  });

  it('validates and normalises an @IsUUID() DTO field; uuid_type for a number', async () => {
    const ok = await client.post('/tagged/', { json: { id: 'A0B1C2D3E4F54A6B8C7D9E0F1A2B3C4D', count: 1, big: '9007199254740993', step: 10 } });
    expect(ok.text).toBe('{"id":"a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d","count":1,"big":9007199254740993,"step":10}');
    const bad = await client.post('/tagged/', { json: { id: 1, count: 1, big: 1, step: 5 } });
    expect(bad.json()).toEqual({ detail: [{ type: 'uuid_type', loc: ['body', 'id'], msg: 'UUID input should be a string, bytes or UUID object', input: 1 }] });
  });
});

describe('UUID versions', () => {
  it("answers @IsUUID('4') given another version with Pydantic's uuid_version", async () => {
    const res = await client.post('/versioned/', { json: { id: 'a0b1c2d3-e4f5-1a6b-8c7d-9e0f1a2b3c4d' } });
    expect(res.json()).toEqual({
      detail: [{ type: 'uuid_version', loc: ['body', 'id'], msg: 'UUID version 4 expected', input: 'a0b1c2d3-e4f5-1a6b-8c7d-9e0f1a2b3c4d', ctx: { expected_version: 4 } }],
    });
    expect((await client.post('/versioned/', { json: { id: 'A0B1C2D3-E4F5-4A6B-8C7D-9E0F1A2B3C4D' } })).json()).toEqual({ id: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d' });
  });
});

describe('integers past 2^53', () => {
  it('answers an Int past 2^53 with 422, never a rounded value', async () => {
    expect(await detail('/ints/?n=9007199254740993')).toEqual([
      { type: 'less_than_equal', loc: ['query', 'n'], msg: 'Input should be less than or equal to 9007199254740991', input: '9007199254740993', ctx: { le: 9007199254740991 } },
    ]);
    expect((await detail('/ints/?n=-9007199254740993'))[0]).toMatchObject({ type: 'greater_than_equal', ctx: { ge: -9007199254740991 } });
    expect((await client.get('/ints/?n=9007199254740991')).json()).toEqual({ n: 9007199254740991, big: null });
  });

  it('reads a BigInt exactly, of any size', async () => {
    expect((await client.get('/ints/?n=1&big=9007199254740993')).json()).toEqual({ n: 1, big: '9007199254740993' });
    expect((await client.get('/ints/?n=1&big=-123456789012345678901234567890')).json()).toEqual({ n: 1, big: '-123456789012345678901234567890' });
    expect((await detail('/ints/?n=1&big=1.5'))[0]).toMatchObject({ type: 'int_parsing', loc: ['query', 'big'] });
  });

  it('writes a bigint exactly without a response model too', async () => {
    expect((await client.get('/plain-big/')).text).toBe('{"big":9007199254740993,"list":[1,-2],"text":"x"}');
  });

  it('refuses an Int DTO field that JSON already rounded, and a BigInt one too', async () => {
    const res = await client.post('/tagged/', {
      body: '{"id":"a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d","count":9007199254740993,"big":9007199254740993,"step":5}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.json<{ detail: { type: string; loc: unknown[] }[] }>().detail.map((e) => [e.type, e.loc])).toEqual([
      ['less_than_equal', ['body', 'count']],
      ['int_parsing_size', ['body', 'big']],
    ]);
  });
});

describe('multipleOf', () => {
  it("checks it as Pydantic does, exactly for integers, within rounding for floats", async () => {
    expect((await client.get('/steps/?n=9&x=0.3')).json()).toEqual({ n: 9, x: 0.3 });
    expect(await detail('/steps/?n=4&x=0.25')).toEqual([
      { type: 'multiple_of', loc: ['query', 'n'], msg: 'Input should be a multiple of 3', input: '4', ctx: { multiple_of: 3 } },
      { type: 'multiple_of', loc: ['query', 'x'], msg: 'Input should be a multiple of 0.1', input: '0.25', ctx: { multiple_of: 0.1 } },
    ]);
  });

  it('maps @IsDivisibleBy() to multiple_of', async () => {
    const res = await client.post('/tagged/', { json: { id: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d', count: 1, big: 1, step: 7 } });
    expect(res.json()).toEqual({ detail: [{ type: 'multiple_of', loc: ['body', 'step'], msg: 'Input should be a multiple of 5', input: 7, ctx: { multiple_of: 5 } }] });
  });
});

describe('the schemas of exact types', () => {
  it("documents them as FastAPI does", async () => {
    const document = appFor(Exact).openapi();
    expect(document.paths['/things/{thing_id}']!.get!.parameters![0]!.schema).toEqual({ type: 'string', format: 'uuid', title: 'Thing Id' });
    expect(document.paths['/ints/']!.get!.parameters![1]!.schema).toEqual({ anyOf: [{ type: 'integer' }, { type: 'null' }], title: 'Big' });
    expect(document.paths['/steps/']!.get!.parameters![0]!.schema).toEqual({ type: 'integer', multipleOf: 3, title: 'N', default: 0 });
    expect(document.components!.schemas!.Tagged!.properties).toEqual({
      id: { type: 'string', format: 'uuid', title: 'Id' },
      count: { type: 'integer', title: 'Count' },
      big: { type: 'integer', title: 'Big' },
      step: { type: 'number', multipleOf: 5, title: 'Step' },
    });
    expect(await openapiProblems(document)).toEqual([]);
  });
});
