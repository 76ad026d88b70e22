import 'reflect-metadata';
import { get } from 'node:http';
import { Readable } from 'node:stream';
import { Controller, Depends, Get, StreamingResponse, type DeftApp } from '@deft/core';
import { appFor, clientFor } from '../support/client';
import { listenOnLoopback, rawConnection, trackedResource, until, within, type Endings } from '../support/lifecycle';

class Item {
  constructor(
    readonly name: string,
    readonly secret = 'hidden',
  ) {}
}

describe('streamed bodies', () => {
  @Controller()
  class Streams {
    @Get('/items')
    async *items() {
      yield { name: 'a' };
      yield new Item('b');
      yield 'c';
    }

    @Get('/raw', { responseClass: StreamingResponse })
    async *raw() {
      yield 'one,';
      yield Buffer.from('two');
    }

    @Get('/node')
    node() {
      return Readable.from(['x', 'y']);
    }

    @Get('/web')
    web() {
      return new StreamingResponse(new Blob(['from ', 'the web']).stream(), { mediaType: 'text/plain', headers: { 'x-source': 'web' } });
    }
  }
  const client = clientFor(Streams);

  it('streams a generator handler as JSON Lines, as FastAPI does', async () => {
    const res = await client.get('/items');
    expect(res.headers['content-type']).toBe('application/jsonl');
    expect(res.text).toBe('{"name":"a"}\n{"name":"b","secret":"hidden"}\n"c"\n');
  });

  it('streams raw chunks with StreamingResponse, and Node and web streams as they are', async () => {
    expect((await client.get('/raw')).text).toBe('one,two');
    expect((await client.get('/node')).text).toBe('xy');
    const web = await client.get('/web');
    expect([web.text, web.headers['content-type'], web.headers['x-source']]).toEqual(['from the web', 'text/plain; charset=utf-8', 'web']);
  });

  it('documents a generator handler as application/jsonl items (x-itemSchema)', () => {
    const responses = appFor(Streams).openapi().paths['/items']!.get!.responses;
    expect(responses['200']).toEqual({ description: 'Successful Response', content: { 'application/jsonl': { 'x-itemSchema': {} } } });
  });
});

describe('a streamed body and its dependencies', () => {
  let endings: Endings;
  let log: string[];
  let app: DeftApp;
  let port: number;
  let pulled: number;
  let generatorsClosed: number;

  beforeEach(async () => {
    endings = new Map();
    log = [];
    pulled = 0;
    generatorsClosed = 0;
    const resource = Depends(trackedResource(endings, 'session'));
    @Controller()
    class Feeds {
      @Get('/finite')
      async *finite(@resource session: string) {
        for (let i = 0; i < 3; i++) {
          log.push(`${session} open, item ${i}: ${endings.get('session')!.join(',')}`);
          yield { i };
        }
      }

      @Get('/endless', { responseClass: StreamingResponse })
      async *endless(@resource _session: string) {
        try {
          for (;;) {
            pulled++;
            yield Buffer.alloc(256 * 1024, 'x');
            await new Promise((resolve) => setImmediate(resolve));
          }
        } finally {
          generatorsClosed++;
          log.push(endings.get('session')!.length === 1 ? 'closed before teardown' : 'closed after teardown');
        }
      }
    }
    app = appFor(Feeds);
    port = await listenOnLoopback(app);
  });

  afterEach(() => app.close());

  it('keeps the request dependencies open while the stream runs, and tears them down after it ends', async () => {
    const body = await new Promise<string>((resolve) => get({ port, path: '/finite' }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += String(chunk)));
      res.on('end', () => resolve(text));
    }));
    expect(body).toBe('{"i":0}\n{"i":1}\n{"i":2}\n');
    await until(() => endings.get('session')!.length === 2, 'the teardown');
    expect(log).toEqual(['session open, item 0: setup', 'session open, item 1: setup', 'session open, item 2: setup']);
    expect(endings.get('session')).toEqual(['setup', 'completed']);
  });

  it('pulls the source only as fast as the client reads', async () => {
    const socket = await rawConnection(port);
    socket.pause();
    socket.write('GET /endless HTTP/1.1\r\nHost: test\r\n\r\n');
    await until(() => pulled > 0, 'the first chunk');
    // Many turns of the event loop with a client that reads nothing: the socket's buffers fill, and pulling stops.
    for (let i = 0; i < 200; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(pulled).toBeLessThan(100);
    socket.destroy();
    await until(() => generatorsClosed === 1, 'the generator closing');
  });

  it('stops pulling when the client goes away, closes the source, then tears down with RequestAborted', async () => {
    const socket = await rawConnection(port);
    socket.write('GET /endless HTTP/1.1\r\nHost: test\r\n\r\n');
    await until(() => socket.received().length > 1000, 'the first chunk');
    socket.destroy();
    await until(() => endings.get('session')!.length === 2, 'the teardown');
    expect(generatorsClosed).toBe(1);
    expect(log).toEqual(['closed before teardown']);
    expect(endings.get('session')).toEqual(['setup', 'aborted:client']);
    const before = pulled;
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(pulled).toBe(before);
  });

  it('leaks no dependency when 1,000 clients abort mid-stream', async () => {
    const clients = 1000;
    const batch = 100;
    for (let start = 0; start < clients; start += batch) {
      await Promise.all(
        Array.from({ length: batch }, async () => {
          const socket = await rawConnection(port);
          socket.write('GET /endless HTTP/1.1\r\nHost: test\r\n\r\n');
          await until(() => socket.received().length > 1000, 'a first chunk', 10_000);
          socket.destroy();
        }),
      );
    }
    await until(() => (endings.get('session') ?? []).filter((e) => e !== 'setup').length === clients, 'every teardown', 15_000);
    const list = endings.get('session')!;
    const setups = list.filter((e) => e === 'setup').length;
    const teardowns = list.filter((e) => e !== 'setup');
    expect(setups).toBe(clients);
    expect(setups - teardowns.length).toBe(0);
    expect(new Set(teardowns)).toEqual(new Set(['aborted:client']));
    expect(generatorsClosed).toBe(clients);
    await within(app.close(), 'the app closing');
  }, 30_000);
});
