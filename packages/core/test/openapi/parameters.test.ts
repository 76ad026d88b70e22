import 'reflect-metadata';
import { Controller, Cookie, defineDependency, Depends, Get, Header, Int, Path, Query } from '@deft/core';
import { documentOf, operationOf } from './support';

enum Color {
  Red = 'red',
  Blue = 'blue',
}

enum Level {
  Low = 1,
  High = 2,
}

describe('parameters', () => {
  const pagination = defineDependency(
    { skip: Query('skip', { type: Int, default: 0 }), limit: Query('limit', { type: Int, default: 100 }) },
    ({ skip, limit }) => ({ skip, limit }),
  );

  class CommonHeaders {
    constructor(@Header('x-token', { description: 'Your token' }) readonly token: string) {}
  }

  @Controller()
  class Shop {
    @Get('/items/{item_id}')
    readItem(
      @Path('item_id', { type: Int, ge: 1, le: 1000, title: 'The ID of the item to get' }) itemId: number,
      @Query('q', { type: String, required: false, minLength: 3, maxLength: 50, pattern: '^fixedquery$', description: 'Query string', deprecated: true })
      q: string | undefined,
      @Query('size', { type: Number, gt: 0, lt: 10.5, default: 1 }) size: number,
      @Query('tags', { type: [String], default: ['a'], minLength: 1, maxLength: 3 }) tags: string[],
      @Query('color', { type: String, enum: Color, default: Color.Red }) color: Color,
      @Query('level', { type: Int, enum: Level, required: false }) level: Level | undefined,
      @Query('since', { type: Date, default: null, examples: [new Date('2024-01-02T03:04:05Z')] }) since: Date | null,
      @Query('flag', { type: Boolean, default: false, includeInSchema: false }) flag: boolean,
      @Cookie('session', { type: String, required: false }) session: string | undefined,
      @Depends(pagination) page: { skip: number; limit: number },
      @Depends(CommonHeaders) headers: CommonHeaders,
    ) {
      return { itemId, q, size, tags, color, level, since, flag, session, page, headers };
    }
  }

  const operation = operationOf(documentOf(Shop), '/items/{item_id}', 'get');
  const parameter = (name: string) => operation.parameters?.find((p) => p.name === name);

  it('lists path, query, header and cookie parameters of the whole graph, grouped by location', () => {
    expect(operation.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:item_id',
      'query:q',
      'query:size',
      'query:tags',
      'query:color',
      'query:level',
      'query:since',
      'query:skip',
      'query:limit',
      'header:x-token',
      'cookie:session',
    ]);
  });

  it('documents a path parameter with its numeric bounds and title', () => {
    expect(parameter('item_id')).toEqual({
      name: 'item_id',
      in: 'path',
      required: true,
      schema: { type: 'integer', minimum: 1, maximum: 1000, title: 'The ID of the item to get' },
    });
  });

  it('documents string constraints, description and deprecation on the parameter and its schema', () => {
    expect(parameter('q')).toEqual({
      name: 'q',
      in: 'query',
      description: 'Query string',
      required: false,
      deprecated: true,
      schema: {
        type: 'string',
        minLength: 3,
        maxLength: 50,
        pattern: '^fixedquery$',
        title: 'Q',
        description: 'Query string',
        deprecated: true,
      },
    });
  });

  it('documents exclusive bounds and a default', () => {
    expect(parameter('size')?.schema).toEqual({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10.5, title: 'Size', default: 1 });
  });

  it('documents a list with item counts', () => {
    expect(parameter('tags')?.schema).toEqual({ items: { type: 'string' }, type: 'array', minItems: 1, maxItems: 3, title: 'Tags', default: ['a'] });
  });

  it('documents a string enum and a numeric enum by their values', () => {
    expect(parameter('color')?.schema).toEqual({ type: 'string', enum: ['red', 'blue'], title: 'Color', default: 'red' });
    expect(parameter('level')?.schema).toEqual({ type: 'integer', enum: [1, 2], title: 'Level' });
  });

  it('documents a null default as T | null, dates as date-time, examples as JSON', () => {
    expect(parameter('since')).toEqual({
      name: 'since',
      in: 'query',
      required: false,
      schema: {
        anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }],
        title: 'Since',
        examples: ['2024-01-02T03:04:05.000Z'],
      },
    });
  });

  it('documents parameters of function and class dependencies', () => {
    expect(parameter('skip')?.schema).toEqual({ type: 'integer', title: 'Skip', default: 0 });
    expect(parameter('x-token')).toEqual({
      name: 'x-token',
      in: 'header',
      description: 'Your token',
      required: true,
      schema: { type: 'string', title: 'X-Token', description: 'Your token' },
    });
    expect(parameter('session')).toEqual({ name: 'session', in: 'cookie', required: false, schema: { type: 'string', title: 'Session' } });
  });

  it('leaves out a parameter with includeInSchema: false', () => {
    expect(parameter('flag')).toBeUndefined();
  });

  it('never uses OpenAPI 3.0 nullable', () => {
    expect(JSON.stringify(operation)).not.toContain('nullable');
  });
});

describe('a parameter read by several dependencies', () => {
  const optionalQ = defineDependency({ q: Query('q', { required: false, description: 'optional' }) }, ({ q }) => q);
  const requiredQ = defineDependency({ q: Query('q', { description: 'required' }) }, ({ q }) => q);
  const otherOptionalQ = defineDependency({ q: Query('q', { required: false, description: 'last optional' }) }, ({ q }) => q);

  @Controller()
  class Twice {
    @Get('/required-wins')
    requiredWins(@Depends(optionalQ) a: unknown, @Depends(requiredQ) b: unknown, @Depends(otherOptionalQ) c: unknown) {
      return { a, b, c };
    }

    @Get('/last-wins')
    lastWins(@Depends(optionalQ) a: unknown, @Depends(otherOptionalQ) c: unknown) {
      return { a, c };
    }

    @Get('/cached-once')
    cachedOnce(@Depends(requiredQ) a: unknown, @Depends(requiredQ) b: unknown, @Query('q') own: string) {
      return { a, b, own };
    }
  }

  const document = documentOf(Twice);

  it('is listed once, the required reading winning, at its first position', () => {
    expect(operationOf(document, '/required-wins', 'get').parameters).toEqual([
      { name: 'q', in: 'query', description: 'required', required: true, schema: { type: 'string', title: 'Q', description: 'required' } },
    ]);
  });

  it('takes the last reading when none is required', () => {
    expect(operationOf(document, '/last-wins', 'get').parameters?.map((p) => p.description)).toEqual(['last optional']);
  });

  it('is listed once when the same dependency is used twice', () => {
    expect(operationOf(document, '/cached-once', 'get').parameters).toHaveLength(1);
  });
});
