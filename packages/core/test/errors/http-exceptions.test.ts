import 'reflect-metadata';
import { Writable } from 'node:stream';
import { Body, Controller, createApp, Depends, Get, HTTPException, Path, Post } from '@deft/core';
import { TestClient } from '@deft/testing';
import { clientFor } from '../support/client';

@Controller()
class Failing {
  @Get('/items/{item_id}')
  read(@Path('item_id') itemId: string) {
    if (itemId !== 'foo') throw new HTTPException(404, 'Item not found', { 'X-Error': 'There goes my error' });
    return { item: 'The Foo Wrestlers' };
  }
  @Get('/object')
  object() {
    throw new HTTPException(400, { msg: 'x', n: 1 });
  }
  @Get('/list')
  list() {
    throw new HTTPException(418, ['a', 'b']);
  }
  @Get('/status/{code}')
  status(@Path('code', { type: Number }) code: number) {
    throw new HTTPException(code);
  }
  @Get('/empty/{code}')
  empty(@Path('code', { type: Number }) code: number) {
    throw new HTTPException(code, 'never sent', { 'x-reason': 'empty' });
  }
  @Get('/async')
  async async() {
    await Promise.resolve();
    throw new HTTPException(409, 'Conflict, later');
  }
  @Get('/from-dependency')
  fromDependency(@Depends(() => Promise.reject(new HTTPException(403, 'Not allowed'))) _value: unknown) {
    return 'unreachable';
  }
}
const client = clientFor(Failing);

describe('HTTPException', () => {
  it('answers {"detail": detail} with its status and headers', async () => {
    expect((await client.get('/items/foo')).json()).toEqual({ item: 'The Foo Wrestlers' });
    const res = await client.get('/items/bar');
    expect(res.status).toBe(404);
    expect(res.headers['x-error']).toBe('There goes my error');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ detail: 'Item not found' });
  });

  it('carries any JSON value as detail', async () => {
    expect((await client.get('/object')).json()).toEqual({ detail: { msg: 'x', n: 1 } });
    const list = await client.get('/list');
    expect(list.status).toBe(418);
    expect(list.json()).toEqual({ detail: ['a', 'b'] });
  });

  it.each([
    [400, 'Bad Request'],
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [404, 'Not Found'],
    [503, 'Service Unavailable'],
  ])('without a detail, %i answers its reason phrase %j', async (code, phrase) => {
    const res = await client.get(`/status/${code}`);
    expect(res.status).toBe(code);
    expect(res.json()).toEqual({ detail: phrase });
  });

  it.each([204, 304])('with status %i answers no body and no content type, but its headers', async (code) => {
    const res = await client.get(`/empty/${code}`);
    expect(res.status).toBe(code);
    expect(res.text).toBe('');
    expect(res.headers['content-type']).toBeUndefined();
    expect(res.headers['x-reason']).toBe('empty');
  });

  it('works thrown asynchronously and from a dependency', async () => {
    expect((await client.get('/async')).json()).toEqual({ detail: 'Conflict, later' });
    const res = await client.get('/from-dependency');
    expect(res.status).toBe(403);
    expect(res.json()).toEqual({ detail: 'Not allowed' });
  });

  it('is an Error with the status, detail and headers it was given', () => {
    const error = new HTTPException(404, 'Item not found', { 'X-Error': 'e' });
    expect(error).toBeInstanceOf(Error);
    expect([error.statusCode, error.detail, error.headers, error.message]).toEqual([404, 'Item not found', { 'X-Error': 'e' }, 'Item not found']);
    expect(new HTTPException(401).detail).toBe('Unauthorized');
  });
});

describe('any other error', () => {
  class DatabaseError extends Error {}
  @Controller()
  class Broken {
    @Get('/crash')
    crash() {
      throw new DatabaseError('password=hunter2 at db.internal:5432');
    }
    @Get('/crash-async')
    async crashAsync() {
      await Promise.resolve();
      throw new TypeError("Cannot read properties of undefined (reading 'secret')");
    }
    @Get('/refused')
    refused() {
      throw new HTTPException(403);
    }
    @Get('/typed/{n}')
    typed(@Path('n', { type: Number }) n: number) {
      return n;
    }
  }

  function loggedApp() {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    const client = new TestClient(createApp({ controllers: [Broken], fastify: { logger: { level: 'error', stream } } }));
    return { client, logged: () => lines.map((line) => JSON.parse(line) as { level: number; msg: string; err?: { type: string; message: string; stack: string } }) };
  }

  it('answers 500 {"detail":"Internal Server Error"} with no message or stack', async () => {
    const { client } = loggedApp();
    for (const path of ['/crash', '/crash-async']) {
      const res = await client.get(path);
      expect(res.status).toBe(500);
      expect(res.json()).toEqual({ detail: 'Internal Server Error' });
      expect(res.text).not.toMatch(/hunter2|secret|at /);
    }
  });

  it('is logged at error level with its message and stack', async () => {
    const { client, logged } = loggedApp();
    await client.get('/crash');
    const errors = logged().filter((entry) => entry.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.err).toMatchObject({ type: 'DatabaseError', message: 'password=hunter2 at db.internal:5432' });
    expect(errors[0]!.err!.stack).toContain('Broken.crash');
  });

  it('is not logged when it is an HTTPException or a validation error', async () => {
    const { client, logged } = loggedApp();
    expect((await client.get('/refused')).status).toBe(403);
    expect((await client.get('/typed/x')).status).toBe(422);
    expect((await client.get('/nowhere')).status).toBe(404);
    expect(logged()).toEqual([]);
  });
});

describe("Fastify's own client errors", () => {
  @Controller()
  class Upload {
    @Post('/data')
    data(@Body({ type: Object }) body: unknown) {
      return body;
    }
  }

  it('keep their status and answer {"detail": ...} naming the limit', async () => {
    const client = new TestClient(createApp({ controllers: [Upload], limits: { bodySize: 10 }, fastify: { logger: false } }));
    const res = await client.post('/data', { json: { text: 'more than ten bytes' } });
    expect(res.status).toBe(413);
    expect(res.json()).toEqual({ detail: 'The body is larger than 10 bytes (limits.bodySize)' });
  });

  it("take Fastify's bodyLimit when it is the only one given", async () => {
    const client = new TestClient(createApp({ controllers: [Upload], fastify: { logger: false, bodyLimit: 10 } }));
    const res = await client.post('/data', { json: { text: 'more than ten bytes' } });
    expect([res.status, res.json()]).toEqual([413, { detail: 'The body is larger than 10 bytes (limits.bodySize)' }]);
  });
});
