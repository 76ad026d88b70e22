import 'reflect-metadata';
import { Controller, Cookie, File, Get, Path, Post, Query, UploadFile } from '@deft/core';
import { appFor } from '../support/client';
import { rawRequest } from '../support/raw-http';
import { TestClient } from '@deft/testing';

@Controller()
class Quirks {
  @Get('/items/{item_id}')
  item(@Path('item_id') itemId: string, @Query('q', { default: '' }) q: string) {
    return { item_id: itemId, q };
  }

  @Get('/files/{file_path:path}')
  file(@Path('file_path') filePath: string) {
    return { file_path: filePath };
  }

  @Get('/session/')
  session(@Cookie('session') session: string) {
    return { session };
  }

  @Post('/upload/')
  upload(@File('file') file: UploadFile) {
    return { filename: file.filename };
  }
}

const app = appFor(Quirks);
const client = new TestClient(app);
afterAll(() => app.close());

/** The status line and body of a raw request. */
async function raw(request: string): Promise<[string, string]> {
  const response = await rawRequest(app, `${request}Host: x\r\nConnection: close\r\n\r\n`);
  const [head = '', body = ''] = response.split('\r\n\r\n');
  return [head.split('\r\n')[0]!, body];
}

describe('answers that real clients met, now as FastAPI gives them', () => {
  it('decodes %2F before routing, so a path parameter never holds a slash (404 as in Starlette)', async () => {
    expect(await raw('GET /items/a%2Fb HTTP/1.1\r\n')).toEqual(['HTTP/1.1 404 Not Found', '{"detail":"Not Found"}']);
    expect((await raw('GET /items/a%20b?q=c%2Fd HTTP/1.1\r\n'))[1]).toBe('{"item_id":"a b","q":"c/d"}');
    expect((await raw('GET /files/a%2Fb HTTP/1.1\r\n'))[1]).toBe('{"file_path":"a/b"}');
  });

  it('strips the quotes of a quoted cookie and reads its escapes, as Python does', async () => {
    expect((await client.get('/session/', { headers: { cookie: 'session="abc"' } })).json()).toEqual({ session: 'abc' });
    expect((await client.get('/session/', { headers: { cookie: 'session="a\\"b\\054c"' } })).json()).toEqual({ session: 'a"b,c' });
    expect((await client.get('/session/', { headers: { cookie: 'session="' } })).json()).toEqual({ session: '"' });
  });

  it('answers a multipart body without a boundary with 400, as FastAPI', async () => {
    const res = await client.post('/upload/', { body: 'abcd', headers: { 'content-type': 'multipart/form-data' } });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ detail: 'Missing boundary in multipart.' });
  });

  it('answers a multipart body cut short with 400, never 500', async () => {
    const res = await client.post('/upload/', { body: '--b\r\nContent-Disposition: form-da', headers: { 'content-type': 'multipart/form-data; boundary=b' } });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ detail: 'Invalid multipart data.' });
  });
});
