import 'reflect-metadata';
import { Controller, createApp, Get, type DeftApp } from '@deft/core';
import { listenOnLoopback } from '../support/lifecycle';
import { exchange } from '../support/raw-socket';

@Controller()
class Endpoints {
  @Get('/ping')
  ping() {
    return 'pong';
  }
}

/**
 * What Node's HTTP layer lets through and RFC 9112 refuses, and what it
 * refuses without a word, each answered with a JSON 400 by Deft. Raw
 * connections: `inject` never meets Node's parser.
 */
describe("requests that Node's HTTP layer would answer wrongly", () => {
  let app: DeftApp;
  let port: number;
  beforeAll(async () => {
    app = createApp({ controllers: [Endpoints], fastify: { logger: false } });
    port = await listenOnLoopback(app);
  });
  afterAll(() => app.close());

  it.each([
    ['two Host headers (Node keeps the first)', 'GET /ping HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n', 'The request has more than one Host header'],
    ['no Host header on HTTP/1.1 (Node answers an empty 400)', 'GET /ping HTTP/1.1\r\n\r\n', 'An HTTP/1.1 request must have a Host header'],
    ['no HTTP version (HTTP/0.9, which Node answers)', 'GET /ping\r\n\r\n', 'HTTP/0.9 is not supported: send HTTP/1.1 (or HTTP/1.0)'],
    ['HTTP/2.0 on an HTTP/1 connection (which Node answers)', 'GET /ping HTTP/2.0\r\nHost: a\r\n\r\n', 'HTTP/2.0 is not supported: send HTTP/1.1 (or HTTP/1.0)'],
    ['CONNECT (which Node drops without an answer)', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', 'CONNECT is not supported: this server is not a proxy'],
    ['an unknown method (refused by the parser)', 'BREW /ping HTTP/1.1\r\nHost: a\r\n\r\n', 'Invalid HTTP request: Invalid method encountered'],
    ['a Transfer-Encoding that does not end with chunked (which Node lets through)', 'POST /ping HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n', 'The Transfer-Encoding of a request must end with chunked'],
    ['Content-Length and Transfer-Encoding together', 'POST /ping HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', /^Invalid HTTP request: /],
  ])('%s: a JSON 400, and the connection closes', async (_what, request, detail) => {
    const res = await exchange(port, request);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect((res.json as { detail: string }).detail).toEqual(typeof detail === 'string' ? detail : expect.stringMatching(detail));
    expect(res.headers.connection).toBe('close');
  });

  it('an Expect other than 100-continue: a JSON 417 (Node answers an empty one)', async () => {
    const res = await exchange(port, 'GET /ping HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\n\r\n');
    expect([res.status, res.json, res.headers.connection]).toEqual([417, { detail: 'The server can meet no expectation but Expect: 100-continue' }, 'close']);
  });

  it('an HTTP/1.0 request without Host is answered, as RFC 9112 allows', async () => {
    const res = await exchange(port, 'GET /ping HTTP/1.0\r\n\r\n');
    expect([res.status, res.json]).toEqual([200, 'pong']);
  });

  it('the server answers normally afterwards', async () => {
    expect((await exchange(port, 'GET /ping HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n')).json).toBe('pong');
  });
});
