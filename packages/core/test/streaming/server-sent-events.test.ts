import 'reflect-metadata';
import { IsString } from 'class-validator';
import { Controller, EventSourceResponse, Get, Header, Post, ServerSentEvent, type DeftApp } from '@deft/core';
import { appFor, clientFor } from '../support/client';
import { deferred, listenOnLoopback, rawConnection, until } from '../support/lifecycle';

class Token {
  @IsString() text!: string;
}

/** Pings after 20 ms of quiet instead of 15 s, for the test. */
class QuickPings extends EventSourceResponse {
  static override readonly pingIntervalMs = 20;
}

const gate = { current: deferred() };

@Controller()
class Events {
  @Get('/events', { responseClass: EventSourceResponse })
  async *events() {
    yield { hello: 'world' };
    yield 'plain';
    yield new ServerSentEvent({ data: { n: 1 }, event: 'update', id: '7', retry: 2000 });
    yield new ServerSentEvent({ rawData: 'line one\nline two', comment: 'raw text' });
  }

  @Post('/tokens', { responseClass: EventSourceResponse, responseModel: Token })
  async *tokens(@Header('last-event-id', { type: String, default: null }) lastEventId: string | null) {
    const words = ['Hello', ',', ' world'];
    for (let i = lastEventId === null ? 0 : Number(lastEventId) + 1; i < words.length; i++) {
      yield new ServerSentEvent({ data: { text: words[i], extra: 'dropped' }, id: String(i) });
    }
  }

  @Get('/pretty')
  pretty() {
    async function* items() {
      yield { a: 1, b: [2] };
      yield new ServerSentEvent({ data: 'x', id: '1' });
    }
    // A writer of the handler's own: its line breaks are split into data lines, not sent as fields.
    return new EventSourceResponse(items(), undefined, (data) => JSON.stringify(data, null, 1));
  }

  @Get('/quiet', { responseClass: QuickPings })
  async *quiet() {
    yield 'first';
    await gate.current.promise;
    yield 'second';
  }
}

describe('server-sent events', () => {
  it('writes each item as an event in FastAPI\'s format, objects and strings as JSON', async () => {
    const res = await clientFor(Events).get('/events');
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-accel-buffering']).toBe('no');
    expect(res.text).toBe(
      'data: {"hello":"world"}\n\n' +
        'data: "plain"\n\n' +
        'event: update\ndata: {"n":1}\nid: 7\nretry: 2000\n\n' +
        ': raw text\ndata: line one\ndata: line two\n\n',
    );
  });

  it('resumes after Last-Event-ID, and writes data through the response model', async () => {
    const client = clientFor(Events);
    expect((await client.post('/tokens')).text).toBe('data: {"text":"Hello"}\nid: 0\n\ndata: {"text":","}\nid: 1\n\ndata: {"text":" world"}\nid: 2\n\n');
    expect((await client.post('/tokens', { headers: { 'last-event-id': '1' } })).text).toBe('data: {"text":" world"}\nid: 2\n\n');
  });

  it('refuses malformed events', () => {
    expect(() => new ServerSentEvent({ event: 'two\nlines' })).toThrow(TypeError);
    expect(() => new ServerSentEvent({ data: 1, rawData: '1' })).toThrow(TypeError);
    expect(() => new ServerSentEvent({ retry: -1 })).toThrow(TypeError);
    expect(() => new ServerSentEvent({ id: '1\n2' })).toThrow('single line');
    expect(() => new ServerSentEvent({ id: '1\r2' })).toThrow('single line');
    expect(() => new ServerSentEvent({ id: '1\u00002' })).toThrow('null character');
    expect(() => new ServerSentEvent({ comment: 'two\nlines', id: '12' })).not.toThrow();
  });

  it("splits the text of a data writer given to EventSourceResponse into one data line each", async () => {
    expect((await clientFor(Events).get('/pretty')).text).toBe('data: {\ndata:  "a": 1,\ndata:  "b": [\ndata:   2\ndata:  ]\ndata: }\n\ndata: "x"\nid: 1\n\n');
  });

  it('sends keep-alive comments while the generator is quiet, then the next event', async () => {
    gate.current = deferred();
    const app: DeftApp = appFor(Events);
    const socket = await rawConnection(await listenOnLoopback(app));
    try {
      socket.write('GET /quiet HTTP/1.1\r\nHost: test\r\n\r\n');
      await until(() => socket.received().includes('data: "first"\n\n'), 'the first event');
      await until(() => socket.received().split(': ping\n\n').length > 2, 'two keep-alive comments');
      gate.current.resolve();
      await until(() => socket.received().includes('data: "second"\n\n'), 'the event after the pings');
    } finally {
      gate.current.resolve();
      socket.destroy();
      await app.close();
    }
  });

  it("documents text/event-stream items with FastAPI's item schema, as the extension x-itemSchema (itemSchema is OpenAPI 3.2's)", () => {
    const paths = appFor(Events).openapi().paths;
    expect(paths['/events']!.get!.responses['200']!.content).toEqual({
      'text/event-stream': {
        'x-itemSchema': {
          type: 'object',
          properties: { data: { type: 'string' }, event: { type: 'string' }, id: { type: 'string' }, retry: { type: 'integer', minimum: 0 } },
        },
      },
    });
    const item = (paths['/tokens']!.post!.responses['200']!.content as Record<string, { 'x-itemSchema': Record<string, unknown> }>)['text/event-stream']!['x-itemSchema'];
    expect(item.required).toEqual(['data']);
    expect((item.properties as Record<string, unknown>).data).toEqual({ type: 'string', contentMediaType: 'application/json', contentSchema: { $ref: '#/components/schemas/Token' } });
  });
});
