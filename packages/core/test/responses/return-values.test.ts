import 'reflect-metadata';
import { Readable } from 'node:stream';
import { Controller, Delete, Get, Post, RequestContext } from '@deft/core';
import { clientFor } from '../support/client';

class Money {
  constructor(
    readonly amount: number,
    readonly currency: string,
  ) {}
  get label(): string {
    return `${this.amount} ${this.currency}`;
  }
}

class Cents {
  constructor(private readonly cents: number) {}
  toJSON(): string {
    return (this.cents / 100).toFixed(2);
  }
}

@Controller()
class Results {
  @Get('/object')
  object() {
    return { name: 'Foo', tags: ['a'], nested: { n: 1 }, at: new Date(0) };
  }
  @Get('/array')
  array() {
    return [1, 'two', null];
  }
  @Get('/instance')
  instance() {
    return new Money(5, 'EUR');
  }
  @Get('/with-to-json')
  withToJson() {
    return new Cents(1250);
  }
  @Get('/null-prototype')
  nullPrototype() {
    return Object.assign(Object.create(null) as object, { plain: 'no prototype' });
  }
  @Get('/string')
  string() {
    return 'Hello World';
  }
  @Get('/number')
  number() {
    return 42;
  }
  @Get('/boolean')
  boolean() {
    return false;
  }
  @Get('/null')
  nothing() {
    return null;
  }
  @Get('/void')
  void(): void {}
  @Get('/async')
  async async() {
    await Promise.resolve();
    return { async: true };
  }
  @Post('/items/', { statusCode: 201 })
  create() {
    return { id: 1 };
  }
  @Delete('/items/1', { statusCode: 204 })
  remove() {
    return { ignored: true };
  }
  @Get('/buffer')
  buffer() {
    return Buffer.from([0, 1, 2, 255]);
  }
  @Get('/stream')
  stream() {
    return Readable.from(['chunk 1, ', 'chunk 2']);
  }
  @Get('/reply')
  reply(ctx: RequestContext) {
    return ctx.reply.code(202).type('text/csv').send('a,b\n1,2\n');
  }
}
const client = clientFor(Results);

describe('return values', () => {
  it('are sent as JSON: objects, arrays, dates as ISO strings', async () => {
    const res = await client.get('/object');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toEqual({ name: 'Foo', tags: ['a'], nested: { n: 1 }, at: '1970-01-01T00:00:00.000Z' });
    expect((await client.get('/array')).json()).toEqual([1, 'two', null]);
  });

  it('are JSON when they are class instances (own fields, or what toJSON gives) or objects without a prototype', async () => {
    const money = await client.get('/instance');
    expect([money.headers['content-type'], money.text]).toEqual(['application/json; charset=utf-8', '{"amount":5,"currency":"EUR"}']);
    const cents = await client.get('/with-to-json');
    expect([cents.headers['content-type'], cents.text]).toEqual(['application/json; charset=utf-8', '"12.50"']);
    const bare = await client.get('/null-prototype');
    expect([bare.headers['content-type'], bare.text]).toEqual(['application/json; charset=utf-8', '{"plain":"no prototype"}']);
  });

  it('are JSON when they are strings, numbers or booleans too', async () => {
    const text = await client.get('/string');
    expect(text.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(text.text).toBe('"Hello World"');
    expect((await client.get('/number')).text).toBe('42');
    expect((await client.get('/boolean')).text).toBe('false');
  });

  it('are JSON null for null and for nothing', async () => {
    for (const path of ['/null', '/void']) {
      const res = await client.get(path);
      expect([res.status, res.headers['content-type'], res.text]).toEqual([200, 'application/json; charset=utf-8', 'null']);
    }
  });

  it('may be promises', async () => {
    expect((await client.get('/async')).json()).toEqual({ async: true });
  });
});

describe('the statusCode option', () => {
  it('sets the status of a successful response', async () => {
    const res = await client.post('/items/');
    expect(res.status).toBe(201);
    expect(res.json()).toEqual({ id: 1 });
  });

  it('with a status that allows no body, sends none', async () => {
    const res = await client.delete('/items/1');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers['content-type']).toBeUndefined();
  });
});

describe('what passes through untouched', () => {
  it('a Buffer, as application/octet-stream', async () => {
    const res = await client.get('/buffer');
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect([...res.body]).toEqual([0, 1, 2, 255]);
  });

  it('a stream', async () => {
    expect((await client.get('/stream')).text).toBe('chunk 1, chunk 2');
  });

  it('the reply, sent by the handler itself', async () => {
    const res = await client.get('/reply');
    expect([res.status, res.headers['content-type'], res.text]).toEqual([202, 'text/csv', 'a,b\n1,2\n']);
  });
});
