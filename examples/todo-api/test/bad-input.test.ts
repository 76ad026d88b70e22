import { exchange, httpRequest } from '../../../packages/core/test/support/raw-socket';
import { TestApp } from './support/test-app';

type Raw = (authorization: string) => string | Buffer;

const NOT_UTF8 = Buffer.from([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);

/**
 * What the hardening issue found answering 500 (or storing altered data) in
 * this app, sent as a hostile client would, on raw connections: each now
 * gets a JSON 4xx, and the app answers a normal request after it. The
 * raw-socket helper is the core package's own test support.
 */
const CASES: readonly (readonly [string, Raw])[] = [
  ['an offset past 2^64 (reached SQLite: datatype mismatch)', (auth) => httpRequest('GET', '/todos?offset=9999999999999999999999', { Authorization: auth })],
  ['an offset past 2^53 (silently rounded)', (auth) => httpRequest('GET', '/todos?offset=9007199254740993', { Authorization: auth })],
  ['a limit past its bound', (auth) => httpRequest('GET', '/todos?limit=101', { Authorization: auth })],
  ['10,000 levels of arrays as a body (the 422 overflowed the stack)', (auth) => httpRequest('POST', '/todos', { Authorization: auth, 'Content-Type': 'application/json' }, '['.repeat(10_000) + ']'.repeat(10_000))],
  ['100,000 unclosed arrays (overflowed the syntax-error scanner)', (auth) => httpRequest('POST', '/todos', { Authorization: auth, 'Content-Type': 'application/json' }, '['.repeat(100_000))],
  ['a title that is not UTF-8 (stored with U+FFFD)', (auth) => httpRequest('POST', '/todos', { Authorization: auth, 'Content-Type': 'application/json' }, NOT_UTF8)],
  ['a prototype-pollution body', (auth) => httpRequest('POST', '/todos', { Authorization: auth, 'Content-Type': 'application/json' }, '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}')],
  ['a multipart body without a boundary to the login form', () => httpRequest('POST', '/auth/token', { 'Content-Type': 'multipart/form-data' }, '--x\r\n\r\n')],
  ['a login form that is not UTF-8', () => httpRequest('POST', '/auth/token', { 'Content-Type': 'application/x-www-form-urlencoded' }, Buffer.from([0x75, 0x3d, 0xff]))],
  ['a forged token', () => httpRequest('GET', '/todos', { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJqb2huZG9lIn0.' })],
  ['two Host headers', () => 'GET /todos HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'],
  ['no HTTP version', () => 'GET /todos\r\n\r\n'],
  ['CONNECT', () => 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'],
];

describe('todo-api under bad input: a JSON 4xx each time, never a 5xx', () => {
  let t: TestApp;
  let port: number;
  let auth: string;
  beforeAll(async () => {
    t = await TestApp.start('sqlite');
    auth = (await t.login()).authorization;
    await t.app.listen({ port: 0, signals: [] });
    port = (t.app.fastify.server.address() as { port: number }).port;
  });
  afterAll(() => t.close());

  it.each(CASES)('%s', async (_what, request) => {
    const res = await exchange(port, request(auth));
    expect({ status: res.status >= 400 && res.status < 500 ? '4xx' : res.status, json: typeof (res.json as { detail?: unknown } | undefined)?.detail }).toEqual({
      status: '4xx',
      json: expect.stringMatching(/^(string|object)$/),
    });
    const normal = await exchange(port, httpRequest('GET', '/todos?limit=1', { Authorization: auth }));
    expect(normal.status).toBe(200);
  });
});
