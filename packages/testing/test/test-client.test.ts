import { Body, Controller, Cookie, createApp, Delete, Get, Head, Options, Patch, Post, Put, RequestContext, UploadFile, File, Form } from '@deft/core';
import { TestClient } from '@deft/testing';

@Controller()
class Echo {
  @Get('/echo')
  @Post('/echo')
  @Put('/echo')
  @Patch('/echo')
  @Delete('/echo')
  @Options('/echo')
  echo(ctx: RequestContext) {
    const { method, url, headers, body } = ctx.request;
    return { method, url, contentType: headers['content-type'] ?? null, custom: headers['x-custom'] ?? null, body: body ?? null };
  }
  @Head('/echo')
  head(ctx: RequestContext) {
    ctx.setHeader('x-method', ctx.method);
  }
  @Get('/cookies')
  cookies(@Cookie('session') session: string, @Cookie('theme') theme: string) {
    return { session, theme };
  }
  @Post('/json')
  json(@Body({ type: Object }) body: unknown) {
    return body;
  }
  @Post('/upload')
  async upload(@File('file') file: UploadFile, @File('docs', { type: [UploadFile] }) docs: UploadFile[], @Form('note') note: string) {
    return { file: [file.filename, file.contentType, await file.text()], docs: docs.map((d) => d.filename), note };
  }
  @Get('/binary')
  binary() {
    return Buffer.from([1, 2, 3]);
  }
}

const app = createApp({ controllers: [Echo], fastify: { logger: false } });
const client = new TestClient(app);

describe('TestClient', () => {
  it.each(['get', 'post', 'put', 'patch', 'delete', 'options'] as const)('sends %s requests', async (method) => {
    const res = await client[method]('/echo');
    expect(res.json()).toMatchObject({ method: method.toUpperCase(), url: '/echo' });
  });

  it('sends HEAD requests', async () => {
    const res = await client.head('/echo');
    expect([res.status, res.headers['x-method']]).toEqual([200, 'HEAD']);
  });

  it('encodes query parameters, repeating a key for an array', async () => {
    const res = await client.get('/echo', { query: { q: 'a b', n: 1, flag: true, tag: ['x', 'y'] } });
    expect(res.json()).toMatchObject({ url: '/echo?q=a+b&n=1&flag=true&tag=x&tag=y' });
  });

  it('sends headers, whatever the case of their names', async () => {
    expect((await client.get('/echo', { headers: { 'X-Custom': 'value' } })).json()).toMatchObject({ custom: 'value' });
  });

  it('sends cookies, encoded', async () => {
    const res = await client.get('/cookies', { cookies: { session: 'a;b c', theme: 'dark' } });
    expect(res.json()).toEqual({ session: 'a;b c', theme: 'dark' });
  });

  it('sends `json` as application/json', async () => {
    const res = await client.post('/echo', { json: { a: [1, null] } });
    expect(res.json()).toMatchObject({ contentType: 'application/json', body: { a: [1, null] } });
    expect((await client.post('/json', { json: false })).json()).toBe(false);
  });

  it('sends `form` url-encoded, repeating a key for an array', async () => {
    const res = await client.post('/echo', { form: { user: 'jo', scope: ['a', 'b'] } });
    // /echo reads no form, so it receives the body as text: exactly what was sent.
    expect(res.json()).toMatchObject({ contentType: 'application/x-www-form-urlencoded', body: 'user=jo&scope=a&scope=b' });
  });

  it('sends `files` (with `form` fields) as multipart/form-data', async () => {
    const res = await client.post('/upload', {
      files: {
        file: { filename: 'a.txt', content: 'hello', contentType: 'text/plain' },
        docs: [Buffer.from('1'), { filename: 'b.pdf', content: Buffer.from('2') }],
      },
      form: { note: 'n' },
    });
    expect(res.json()).toEqual({ file: ['a.txt', 'text/plain', 'hello'], docs: ['upload', 'b.pdf'], note: 'n' });
  });

  it('sends a raw `body` as it is', async () => {
    const res = await client.post('/echo', { body: 'plain text', headers: { 'content-type': 'text/plain' } });
    expect(res.json()).toMatchObject({ contentType: 'text/plain', body: 'plain text' });
  });

  it('returns the status, lower-case headers, text, bytes and parsed JSON', async () => {
    const res = await client.get('/binary');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect([...res.body]).toEqual([1, 2, 3]);
    const json = await client.get('/nowhere');
    expect(json.text).toBe('{"detail":"Not Found"}');
    expect(json.json<{ detail: string }>().detail).toBe('Not Found');
  });

  it('never opens a port', () => {
    expect(app.fastify.server.listening).toBe(false);
  });
});
