import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, createApp, DeftError, FileResponse, Get, HTMLResponse, PlainTextResponse, Post, RedirectResponse, RequestContext } from '@deft/core';
import { TestClient } from '@deft/testing';
import { appFor, clientFor, startupError } from '../support/client';

const dir = mkdtempSync(join(tmpdir(), 'deft-files-'));
const notes = join(dir, 'notes.txt');
writeFileSync(notes, '0123456789');

@Controller()
class Pages {
  @Get('/html', { responseClass: HTMLResponse })
  html() {
    return '<h1>Hello</h1>';
  }

  @Get('/text', { responseClass: PlainTextResponse })
  text() {
    return 'hello';
  }

  @Get('/old', { responseClass: RedirectResponse })
  old() {
    return '/html?a b';
  }

  @Post('/moved', { responseClass: RedirectResponse, statusCode: 303 })
  moved() {
    return '/html';
  }

  @Get('/file', { responseClass: FileResponse })
  file() {
    return notes;
  }

  @Get('/download')
  download() {
    return new FileResponse(notes, { filename: 'отчёт.txt' });
  }

  @Get('/missing', { responseClass: FileResponse })
  missing() {
    return join(dir, 'nope.txt');
  }

  @Get('/teapot')
  teapot(context: RequestContext) {
    context.setHeader('x-from', 'context');
    return new HTMLResponse('<p>short and stout</p>', { status: 418, headers: { 'x-kettle': 'yes' } });
  }

  @Get('/web')
  web() {
    return new Response('made by fetch', { status: 202, headers: { 'content-type': 'text/plain', 'x-web': '1' } });
  }

  @Get('/not-text', { responseClass: HTMLResponse })
  notText() {
    return { not: 'html' };
  }
}

const client = clientFor(Pages);

describe('response classes', () => {
  it('sends HTML and plain text with their media types and a charset, as Starlette does', async () => {
    const html = await client.get('/html');
    expect([html.status, html.headers['content-type'], html.text]).toEqual([200, 'text/html; charset=utf-8', '<h1>Hello</h1>']);
    const text = await client.get('/text');
    expect([text.headers['content-type'], text.text]).toEqual(['text/plain; charset=utf-8', 'hello']);
  });

  it('redirects with 307 by default, the URL percent-encoded, and an empty body', async () => {
    const res = await client.get('/old');
    expect([res.status, res.headers.location, res.headers['content-length'], res.text]).toEqual([307, '/html?a%20b', '0', '']);
    expect((await client.post('/moved')).status).toBe(303);
  });

  it('sends a file with its type, ETag, Last-Modified and ranges', async () => {
    const res = await client.get('/file');
    expect(res.status).toBe(200);
    expect(res.text).toBe('0123456789');
    expect(res.headers['content-type']).toMatch(/^text\/plain; charset=utf-8$/i);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers.etag).toBeDefined();
    expect(res.headers['last-modified']).toBeDefined();
    const part = await client.get('/file', { headers: { range: 'bytes=2-4' } });
    expect([part.status, part.text, part.headers['content-range']]).toEqual([206, '234', 'bytes 2-4/10']);
    const again = await client.get('/file', { headers: { 'if-none-match': String(res.headers.etag) } });
    expect([again.status, again.text]).toEqual([304, '']);
  });

  it('names a download with Content-Disposition', async () => {
    const res = await client.get('/download');
    expect(res.headers['content-disposition']).toBe("attachment; filename=\"?????.txt\"; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82.txt");
  });

  it('answers 500 for a file that does not exist', async () => {
    expect((await client.get('/missing')).status).toBe(500);
  });

  it('sends a returned response instance with its own status and headers, and what the context set', async () => {
    const res = await client.get('/teapot');
    expect([res.status, res.headers['content-type'], res.headers['x-kettle'], res.headers['x-from'], res.text]).toEqual([
      418,
      'text/html; charset=utf-8',
      'yes',
      'context',
      '<p>short and stout</p>',
    ]);
  });

  it('sends a web Response as it is', async () => {
    const res = await client.get('/web');
    expect([res.status, res.headers['x-web'], res.text]).toEqual([202, '1', 'made by fetch']);
  });

  it('answers 500 when the result does not fit the class', async () => {
    expect((await client.get('/not-text')).status).toBe(500);
  });

  it('documents each class as FastAPI does', () => {
    const paths = appFor(Pages).openapi().paths;
    expect(paths['/html']!.get!.responses['200']).toEqual({ description: 'Successful Response', content: { 'text/html': { schema: { type: 'string' } } } });
    expect(paths['/text']!.get!.responses['200']!.content).toEqual({ 'text/plain': { schema: { type: 'string' } } });
    expect(paths['/old']!.get!.responses).toEqual({ '307': { description: 'Successful Response' } });
    expect(paths['/file']!.get!.responses).toEqual({ '200': { description: 'Successful Response' } });
  });

  it('uses the app default response class for routes that name none', async () => {
    @Controller()
    class Site {
      @Get('/')
      home() {
        return '<p>home</p>';
      }
    }
    const res = await new TestClient(createApp({ controllers: [Site], defaultResponseClass: HTMLResponse, fastify: { logger: false } })).get('/');
    expect([res.headers['content-type'], res.text]).toEqual(['text/html; charset=utf-8', '<p>home</p>']);
  });

  it('refuses a responseClass that is not one, at start-up', () => {
    @Controller()
    class Wrong {
      @Get('/', { responseClass: Date })
      home() {
        return '';
      }
    }
    const error = startupError(Wrong);
    expect(error).toBeInstanceOf(DeftError);
    expect(error.code).toBe('DEFT_ERR_RESPONSE_CLASS_INVALID');
  });
});
