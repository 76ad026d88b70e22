import 'reflect-metadata';
import { Body, Controller, createApp, DeftError, File, Form, Get, Post, UploadFile, type DeftApp, type RequestLimits } from '@deft/core';
import { TestClient } from '@deft/testing';
import { listenOnLoopback } from '../support/lifecycle';
import { exchange, httpRequest } from '../support/raw-socket';

let handled: string[] = [];

@Controller()
class Limited {
  @Post('/json')
  json(@Body({ type: Object }) body: unknown) {
    handled.push('json');
    return { body };
  }

  @Post('/form')
  form(@Form('a', { type: [String], default: [] }) a: string[], @File('f', { type: [UploadFile], default: [] }) f: UploadFile[]) {
    handled.push(`form:${a.map((value) => value.length).join(',')}`);
    return { fields: a.length, files: f.length };
  }

  @Get('/ping')
  ping() {
    return 'pong';
  }
}

function appWith(limits: RequestLimits): DeftApp {
  return createApp({ controllers: [Limited], limits, fastify: { logger: false } });
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** A multipart body of text fields `a` and files `f`, with a boundary that never occurs in them. */
function multipart(fields: string[], files: string[] = []): { body: Buffer; headers: Record<string, string> } {
  const parts = [
    ...fields.map((value) => `--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n${value}\r\n`),
    ...files.map((content, i) => `--XyZ\r\nContent-Disposition: form-data; name="f"; filename="f${i}.txt"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n`),
  ];
  return { body: Buffer.from(`${parts.join('')}--XyZ--\r\n`), headers: { 'content-type': 'multipart/form-data; boundary=XyZ' } };
}

beforeEach(() => {
  handled = [];
});

describe('every size limit is an option of createApp, and past it the request is refused naming the limit', () => {
  it.each<[string, RequestLimits, () => { body: Buffer | string; headers: Record<string, string> }, string]>([
    ['bodySize', { bodySize: 64 }, () => ({ body: JSON.stringify({ text: 'x'.repeat(64) }), headers: { 'content-type': 'application/json' } }), 'The body is larger than 64 bytes (limits.bodySize)'],
    ['jsonDepth', { jsonDepth: 8 }, () => ({ body: nested(9), headers: { 'content-type': 'application/json' } }), 'The JSON body nests deeper than 8 levels (limits.jsonDepth)'],
    ['fieldSize', { fieldSize: 8 }, () => multipart(['123456789']), 'A form field is larger than 8 bytes (limits.fieldSize)'],
    ['fileSize', { fileSize: 8 }, () => multipart([], ['123456789']), 'A file is larger than 8 bytes (limits.fileSize)'],
    ['files', { files: 2 }, () => multipart([], ['1', '2', '3']), 'The multipart body has more files than 2 (limits.files)'],
    ['fields', { fields: 2 }, () => multipart(['1', '2', '3']), 'The multipart body has more fields than 2 (limits.fields)'],
    ['parts', { parts: 2 }, () => multipart(['1', '2'], ['3']), 'The multipart body has more parts than 2 (limits.parts)'],
  ])('%s: 413, and the handler never runs', async (_name, limits, request, detail) => {
    const app = appWith(limits);
    const { body, headers } = request();
    const res = await new TestClient(app).post(body instanceof Buffer || headers['content-type']!.startsWith('multipart') ? '/form' : '/json', { body, headers });
    expect([res.status, res.json()]).toEqual([413, { detail }]);
    expect(handled).toEqual([]);
    await app.close();
  });

  it('a value at the limit is handed on whole', async () => {
    const app = appWith({ fieldSize: 8, jsonDepth: 8, fields: 2, bodySize: 64 });
    const client = new TestClient(app);
    const form = multipart(['12345678', '1']);
    expect((await client.post('/form', { body: form.body, headers: form.headers })).json()).toEqual({ fields: 2, files: 0 });
    expect(handled).toEqual(['form:8,1']);
    expect((await client.post('/json', { body: nested(8), headers: { 'content-type': 'application/json' } })).status).toBe(200);
    await app.close();
  });

  it('a field over the default limit (1 MiB) is refused, not cut to it', async () => {
    const app = appWith({});
    const form = multipart(['x'.repeat(1024 * 1024 + 1)]);
    const res = await new TestClient(app).post('/form', { body: form.body, headers: form.headers });
    expect([res.status, res.json()]).toEqual([413, { detail: 'A form field is larger than 1048576 bytes (limits.fieldSize)' }]);
    expect(handled).toEqual([]);
    await app.close();
  });

  describe("over Node's HTTP parser (a real connection)", () => {
    let app: DeftApp;
    let port: number;
    beforeAll(async () => {
      app = appWith({ headerSize: 2048, headerCount: 10 });
      port = await listenOnLoopback(app);
    });
    afterAll(() => app.close());

    it('headerSize: 431, naming the limit', async () => {
      const res = await exchange(port, httpRequest('GET', '/ping', { 'x-big': 'b'.repeat(2048) }));
      expect([res.status, res.json]).toEqual([431, { detail: 'The request line and headers are larger than 2048 bytes (limits.headerSize)' }]);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    });

    it('headerCount: 431, naming the limit, where Node would drop the headers past its own limit', async () => {
      const headers = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`x-h${i}`, String(i)]));
      const res = await exchange(port, httpRequest('GET', '/ping', headers));
      expect([res.status, res.json]).toEqual([431, { detail: 'The request has more than 10 headers (limits.headerCount)' }]);
    });

    it('within both, the request is answered', async () => {
      const headers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`x-h${i}`, String(i)]));
      expect((await exchange(port, httpRequest('GET', '/ping', headers))).json).toBe('pong');
    });
  });
});

describe('a limit or a timeout given wrong is a start-up error', () => {
  const startup = (options: Parameters<typeof createApp>[0]) => {
    try {
      createApp({ controllers: [Limited], ...options });
    } catch (error) {
      if (error instanceof DeftError) return [error.code, error.message];
      throw error;
    }
    throw new Error('createApp() did not fail');
  };

  it.each<[string, Parameters<typeof createApp>[0], RegExp]>([
    ['a limit below 1', { limits: { jsonDepth: 0 } }, /limits\.jsonDepth: 0; a limit is a whole number of at least 1/],
    ['a fractional limit', { limits: { bodySize: 1.5 } }, /limits\.bodySize: 1\.5/],
    ['an unknown limit', { limits: { bodyLimit: 1 } as RequestLimits }, /limits\.bodyLimit, which is not one of the limits options/],
    ['a negative timeout', { timeouts: { request: -1 } }, /timeouts\.request: -1; a timeout is a whole number of milliseconds, 0 to turn it off/],
    ['an endless timeout but the shutdown one', { timeouts: { idle: Infinity } }, /timeouts\.idle: Infinity/],
    ['headers allowed longer than the whole request', { timeouts: { request: 1000, headers: 2000 } }, /timeouts\.headers: 2000, longer than timeouts\.request: 1000/],
    ['the same setting given to Deft and to Fastify', { limits: { bodySize: 10 }, fastify: { bodyLimit: 20 } }, /limits\.bodySize: 10 and fastify\.bodyLimit: 20, which set the same thing/],
  ])('%s', (_what, options, message) => {
    const [code, text] = startup(options);
    expect(code).toBe('DEFT_ERR_OPTIONS_INVALID');
    expect(text).toMatch(message);
  });

  it('takes Infinity for the shutdown grace period: close() then waits however long', () => {
    expect(() => createApp({ controllers: [Limited], timeouts: { shutdown: Infinity } })).not.toThrow();
  });
});
