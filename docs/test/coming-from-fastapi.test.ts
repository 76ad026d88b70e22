import 'reflect-metadata';
import { IsInt, IsOptional, IsString, MinLength } from 'class-validator';
import { ApiRoute, Body, Controller, createApp, DateTime, defineDependency, Delete, DeftError, Depends, Duration, Field, File, FileResponse, Form, Get, Header, HTTPException, Int, Path, Post, Query, RequestAborted, RequestContext, UploadFile, WebSocket, WebSocketConnection } from '@deft/core';
import { TestClient, type TestResponse } from '@deft/testing';
import Decimal from 'decimal.js';

/**
 * Every answer that docs/coming-from-fastapi.md lists as different from
 * FastAPI's, asserted as the page states it.
 */

class Item {
  @IsString() name!: string;
  @IsInt() price!: number;
}

class Tagged {
  @IsString({ each: true }) @MinLength(2, { each: true }) tags!: string[];
}

@Controller('/users')
class Users {
  @Get('/{user_id}')
  one(@Path('user_id') userId: string) {
    return { route: 'one', userId };
  }

  @Get('/me')
  me() {
    return { route: 'me' };
  }
}

@Controller('/items')
class ItemsRead {
  @Get('/{item_id}', { responseModel: Item })
  read(@Path('item_id') itemId: string) {
    // No price, and a field the model does not declare.
    return { name: itemId, secret: 'hidden' };
  }

  @Get('/')
  search(@Query('max_price') maxPrice: number) {
    return { maxPrice };
  }

  @Post('/', { responseModel: Item })
  create(@Body() item: Item) {
    return item;
  }
}

@Controller('/items')
class ItemsWrite {
  @Delete('/{item_id}')
  remove(@Path('item_id') itemId: string) {
    return { removed: itemId };
  }
}

class Short {
  @IsString() @MinLength(3) name!: string;
  @IsInt() price!: number;
}

class Priced {
  @IsString() name!: string;
  @IsInt() price = 1;
  @IsOptional() @IsString() note?: string;
}

@Controller()
class Streams {
  @Get('/short', { responseModel: Short })
  short() {
    return { name: 'x', price: 1 };
  }

  @Get('/lines')
  async *lines() {
    yield { a: 1 };
  }

  @WebSocket('/ws')
  ws(@Query('n', { type: Number }) _n: number, _socket: WebSocketConnection) {}

  @Get('/file', { responseClass: FileResponse })
  file() {
    return __filename;
  }

  @Get('/unset', { responseModel: Priced, responseModelExcludeUnset: true })
  unset() {
    const made = new Priced();
    made.name = 'made';
    return made;
  }
}

class Counter {
  @Field({}) count!: bigint;
}

@Controller()
class Misc {
  @Delete('/nothing', { statusCode: 204 })
  nothing(): void {}

  @Post('/upload')
  upload(@File('file') file: UploadFile) {
    return { contentType: file.contentType };
  }

  @Get('/price')
  price(@Query('p', { type: Decimal }) p: Decimal) {
    return { price: p };
  }

  @Get('/when')
  when(@Query('at', { type: DateTime }) at: DateTime, @Query('lasts', { type: Duration }) lasts: Duration) {
    return { at, lasts, made: new Date(Date.UTC(2024, 4, 1, 9, 30)) };
  }

  @Get('/int')
  int(@Query('n', { type: Int }) n: number) {
    return { n };
  }

  @Post('/counter')
  counter(@Body() body: Counter) {
    return { count: body.count.toString() };
  }

  @Get('/boom')
  boom(): never {
    throw new Error('a bug');
  }

  @Get('/token')
  token(@Header('x-token') token: string) {
    return { token };
  }

  @Post('/tags')
  tags(@Form('tag', { type: [String] }) tags: string[]) {
    return { tags };
  }

  @Post('/tagged')
  tagged(@Body() body: Tagged) {
    return body;
  }
}

const app = createApp({ controllers: [Users, ItemsRead, ItemsWrite, Misc, Streams], fastify: { logger: false } });
const client = new TestClient(app);

const errorsOf = (res: TestResponse): Record<string, unknown>[] => res.json<{ detail: Record<string, unknown>[] }>().detail;

afterAll(() => app.close());

describe('where Deft answers differently from FastAPI', () => {
  it('answers an unhandled error with JSON', async () => {
    const res = await client.get('/boom');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ detail: 'Internal Server Error' });
  });

  it('routes a fixed path before a placeholder declared earlier', async () => {
    expect((await client.get('/users/me')).json()).toEqual({ route: 'me' });
    expect((await client.get('/users/7')).json()).toEqual({ route: 'one', userId: '7' });
  });

  it('reads a header by its wire name, case-insensitively, without converting underscores', async () => {
    expect((await client.get('/token', { headers: { 'X-Token': 'abc' } })).json()).toEqual({ token: 'abc' });
    const underscored = await client.get('/token', { headers: { x_token: 'abc' } });
    expect(underscored.status).toBe(422);
    expect(errorsOf(underscored)[0]).toMatchObject({ type: 'missing', loc: ['header', 'x-token'] });
  });

  it('refuses a path placeholder that no parameter reads, at start-up', () => {
    @Controller()
    class Unread {
      @Get('/items/{item_id}')
      read() {
        return {};
      }
    }
    expect(() => createApp({ controllers: [Unread] })).toThrow(DeftError);
    try {
      createApp({ controllers: [Unread] });
    } catch (error) {
      expect((error as DeftError).code).toBe('DEFT_ERR_PATH_PARAM_MISSING');
    }
  });

  it('checks the response model\'s types and presence, not its constraints', async () => {
    expect((await client.get('/items/hammer')).status).toBe(500);
    const res = await client.get('/short');
    expect([res.status, res.json()]).toEqual([200, { name: 'x', price: 1 }]);
  });

  it('sends JSON with a charset', async () => {
    expect((await client.get('/token', { headers: { 'x-token': 'a' } })).headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('writes compact JSON in streams, and documents their items as x-itemSchema', async () => {
    expect((await client.get('/lines')).text).toBe('{"a":1}\n');
    expect(app.openapi().paths['/lines']!.get!.responses['200']!.content).toEqual({ 'application/jsonl': { 'x-itemSchema': {} } });
  });

  it('accepts a WebSocket with invalid parameters, then closes it with 1008', async () => {
    const socket = await client.websocketConnect('/ws');
    expect((await socket.closed).code).toBe(1008);
  });

  it("sends @fastify/send's weak ETag for a file", async () => {
    expect(String((await client.get('/file')).headers.etag)).toMatch(/^W\//);
  });

  it('counts the own properties of an instance Deft did not make as set', async () => {
    expect((await client.get('/unset')).json()).toEqual({ name: 'made', price: 1 });
  });

  it('lists in Allow every method the routes of a path serve', async () => {
    const res = await client.post('/items/hammer');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, DELETE');
    expect(res.json()).toEqual({ detail: 'Method Not Allowed' });
  });

  it.each(['nan', 'inf', 'infinity', '-inf'])('refuses %s as a number', async (text) => {
    const res = await client.get('/items/', { query: { max_price: text } });
    expect(res.status).toBe(422);
    expect(errorsOf(res)[0]).toMatchObject({ type: 'float_parsing', loc: ['query', 'max_price'], input: text });
  });

  it('drops empty values of a repeated form field', async () => {
    expect((await client.post('/tags', { form: { tag: ['', 'a'] } })).json()).toEqual({ tags: ['a'] });
  });

  it('reports an { each: true } constraint at the array, not at the element', async () => {
    const res = await client.post('/tagged', { json: { tags: ['ok', 'x'] } });
    expect(res.status).toBe(422);
    expect(errorsOf(res)).toHaveLength(1);
    expect(errorsOf(res)[0]).toMatchObject({ loc: ['body', 'tags'] });
  });

  it('writes a Decimal normalised, as a string, with or without a response model', async () => {
    expect((await client.get('/price', { query: { p: '1.10' } })).text).toBe('{"price":"1.1"}');
  });

  it('sends no Content-Type with a 204', async () => {
    const res = await client.delete('/nothing');
    expect(res.status).toBe(204);
    expect(res.headers['content-type']).toBeUndefined();
  });

  it('reports a file part without a Content-Type as text/plain', async () => {
    const body = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello\r\n--b--\r\n';
    const res = await client.post('/upload', { body, headers: { 'content-type': 'multipart/form-data; boundary=b' } });
    expect(res.json()).toEqual({ contentType: 'text/plain' });
  });

  it('answers a multipart body cut short with 400', async () => {
    const res = await client.post('/upload', { body: '--b\r\nContent-Disposition: form-da', headers: { 'content-type': 'multipart/form-data; boundary=b' } });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ detail: 'Invalid multipart data.' });
  });

  it('refuses an Int past 2^53, and a BigInt sent as a JSON number past 2^53', async () => {
    expect(errorsOf(await client.get('/int', { query: { n: '9007199254740993' } }))[0]).toMatchObject({ type: 'less_than_equal', ctx: { le: 9007199254740991 } });
    const json = await client.post('/counter', { body: '{"count":9007199254740993}', headers: { 'content-type': 'application/json' } });
    expect(errorsOf(json)[0]).toMatchObject({ type: 'int_parsing_size', loc: ['body', 'count'] });
    expect((await client.post('/counter', { json: { count: '9007199254740993' } })).json()).toEqual({ count: '9007199254740993' });
  });

  it('writes dates and durations as Pydantic does, without a response model too', async () => {
    expect((await client.get('/when', { query: { at: '2024-05-01T09:30:00+00:00', lasts: 'P1D' } })).json()).toEqual({
      at: '2024-05-01T09:30:00Z',
      lasts: 'P1D',
      made: '2024-05-01T09:30:00.000Z',
    });
  });

  it('makes an app-scoped dependency once, shares it with every request, and tears it down at close()', async () => {
    const events: string[] = [];
    let made = 0;
    const model = async function* () {
      const id = ++made;
      yield { id };
      events.push(`unloaded ${id}`);
    };
    @Controller()
    class Models {
      @Get('/a')
      a(@Depends(model, { scope: 'app' }) m: { id: number }) {
        return m;
      }
      @Get('/b')
      b(@Depends(model, { scope: 'app' }) m: { id: number }) {
        return m;
      }
    }
    const own = createApp({ controllers: [Models], fastify: { logger: false } });
    const ownClient = new TestClient(own);
    expect([(await ownClient.get('/a')).json(), (await ownClient.get('/b')).json()]).toEqual([{ id: 1 }, { id: 1 }]);
    expect(events).toEqual([]);
    await own.close();
    expect(events).toEqual(['unloaded 1']);
  });

  it('throws RequestAborted into the teardown of a request whose client went away', async () => {
    const events: string[] = [];
    const transaction = async function* () {
      try {
        yield 'tx';
        events.push('commit');
      } catch (error) {
        events.push(error instanceof RequestAborted ? `rollback: ${error.source} gone` : 'rollback: failed');
        throw error;
      }
    };
    @Controller()
    class HangUp {
      @Get('/')
      read(@Depends(transaction) _tx: string, context: RequestContext) {
        context.reply.raw.destroy();
        return {};
      }
    }
    const own = createApp({ controllers: [HangUp], fastify: { logger: false } });
    await new TestClient(own).get('/').catch(() => undefined);
    await own.close();
    expect(events).toEqual(['rollback: client gone']);
  });

  it('refuses a request-scoped generator that reaches a function-scoped one through a plain dependency', () => {
    const early = async function* early() {
      yield 1;
    };
    const plain = defineDependency({ e: Depends(early, { scope: 'function' }) }, function plain({ e }) {
      return e;
    });
    const late = defineDependency({ p: Depends(plain) }, async function* late({ p }) {
      yield p;
    });
    @Controller()
    class Scoped {
      @Get('/')
      read(@Depends(late) _v: number) {
        return {};
      }
    }
    expect(() => createApp({ controllers: [Scoped], fastify: { logger: false } })).toThrow(/DEFT_ERR_DEPENDENCY_SCOPE: The dependency late\(\) has a scope of "request"/);
  });

  it('renders what a middleware throws through the error handlers', async () => {
    const own = createApp({ controllers: [Misc], fastify: { logger: false } });
    own.middleware(async (ctx, callNext) => {
      if (ctx.url === '/token') throw new HTTPException(401, 'No entry');
      return callNext();
    });
    const res = await new TestClient(own).get('/token');
    expect([res.status, res.json()]).toEqual([401, { detail: 'No entry' }]);
  });

  it('starts the lifespan with the first request, and stops it only at close()', async () => {
    const events: string[] = [];
    const own = createApp({ controllers: [Misc], lifespan: { start: () => events.push('start'), stop: () => events.push('stop') }, fastify: { logger: false } });
    const ownClient = new TestClient(own);
    expect(events).toEqual([]);
    await ownClient.get('/token', { headers: { 'x-token': 'a' } });
    expect(events).toEqual(['start']);
    await ownClient.close();
    expect(events).toEqual(['start', 'stop']);
  });

  it('answers an untrusted host with a JSON 400', async () => {
    const res = await new TestClient(createApp({ controllers: [Misc], trustedHosts: ['api.example.com'], fastify: { logger: false } })).get('/token', { headers: { host: 'evil.test' } });
    expect([res.status, res.headers['content-type'], res.json()]).toEqual([400, 'application/json; charset=utf-8', { detail: 'Invalid host header' }]);
  });

  it('gives each method of an api_route its own operationId', () => {
    @Controller()
    class Things {
      @ApiRoute('/things', { methods: ['GET', 'POST'] })
      things() {
        return {};
      }
    }
    const item = createApp({ controllers: [Things], fastify: { logger: false } }).openapi().paths['/things']!;
    expect([item.get?.operationId, item.post?.operationId]).toEqual(['things_things_get', 'things_things_post']);
  });

  it('refuses a body over 1 MiB, and JSON nested deeper than 512 levels, with a 413 that names the limit', async () => {
    const big = await client.post('/items/', { json: { name: 'a'.repeat(1024 * 1024), price: 1 } });
    expect([big.status, big.json()]).toEqual([413, { detail: 'The body is larger than 1048576 bytes (limits.bodySize)' }]);
    const deep = await client.post('/items/', { body: '['.repeat(513) + ']'.repeat(513), headers: { 'content-type': 'application/json' } });
    expect([deep.status, deep.json()]).toEqual([413, { detail: 'The JSON body nests deeper than 512 levels (limits.jsonDepth)' }]);
    const atTheLimit = await client.post('/items/', { body: '['.repeat(512) + ']'.repeat(512), headers: { 'content-type': 'application/json' } });
    expect(atTheLimit.status).toBe(422);
  });

  it('gives a running request at most timeouts.shutdown (10 s) once close() has begun, then aborts it', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const endings: string[] = [];
    async function* held() {
      try {
        yield 'r';
        endings.push('completed');
      } catch (error) {
        endings.push((error as Error).name);
        throw error;
      }
    }
    @Controller()
    class Slow {
      @Get('/slow')
      async slow(@Depends(held) _r: string) {
        started();
        // Never settles: the handler is still running when the grace period ends.
        await new Promise(() => undefined);
      }
    }
    const own = createApp({ controllers: [Slow], timeouts: { shutdown: 50 }, fastify: { logger: false } });
    await own.listen({ port: 0, signals: [] });
    const { port } = own.fastify.server.address() as { port: number };
    const answer = fetch(`http://127.0.0.1:${port}/slow`).then(
      () => 'answered',
      () => 'connection closed',
    );
    await running;
    await own.close();
    expect([endings, await answer]).toEqual([['RequestAborted'], 'connection closed']);
  });
});
