import 'reflect-metadata';
import { Controller, Delete, Get, Path, Post } from '@deft/core';
import { clientFor } from '../support/client';

@Controller('/items')
class Items {
  @Get('/')
  list() {
    return [];
  }
  @Post('/')
  create() {
    return {};
  }
  @Get('/{item_id}')
  read(@Path('item_id') id: string) {
    return id;
  }
  @Delete('/{item_id}')
  remove(@Path('item_id') id: string) {
    return id;
  }
  @Get('/{item_id}/tags')
  tags(@Path('item_id') id: string) {
    return [id];
  }
}
const client = clientFor(Items);

describe('a path no route has', () => {
  it('answers 404 {"detail":"Not Found"}', async () => {
    const res = await client.get('/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ detail: 'Not Found' });
  });

  it('answers 404 for every method', async () => {
    expect((await client.post('/nowhere')).json()).toEqual({ detail: 'Not Found' });
    expect((await client.delete('/items/1/tags/2')).status).toBe(404);
  });
});

describe('a known path with another method', () => {
  it('answers 405 {"detail":"Method Not Allowed"} with the allowed methods in Allow', async () => {
    const res = await client.put('/items/3');
    expect(res.status).toBe(405);
    expect(res.json()).toEqual({ detail: 'Method Not Allowed' });
    expect(res.headers.allow).toBe('GET, DELETE');
  });

  it('lists the methods of the path itself, not of its neighbours (an empty segment is no {item_id})', async () => {
    expect((await client.delete('/items/')).headers.allow).toBe('GET, POST');
    expect((await client.post('/items/3/tags')).headers.allow).toBe('GET');
  });
});

describe('a path that exists with or without a trailing slash', () => {
  it('redirects with 307 to the absolute URL of the other spelling, keeping the query string (as Starlette)', async () => {
    const res = await client.get('/items', { query: { skip: 1, tag: ['a', 'b'] } });
    expect(res.status).toBe(307);
    expect(res.headers.location).toBe('http://localhost:80/items/?skip=1&tag=a&tag=b');
    expect(res.text).toBe('');
  });

  it('redirects a trailing slash away when only the bare path exists', async () => {
    const res = await client.get('/items/3/tags/');
    expect(res.status).toBe(307);
    expect(res.headers.location).toBe('http://localhost:80/items/3/tags');
  });

  it('redirects wherever the other spelling is routed for any method, as Starlette does (a wrong method there is then a 405)', async () => {
    expect((await client.post('/items')).headers.location).toBe('http://localhost:80/items/');
    const res = await client.post('/items/3/');
    expect(res.status).toBe(307);
    expect(res.headers.location).toBe('http://localhost:80/items/3');
    expect((await client.post('/items/3')).status).toBe(405);
    expect((await client.get('/items/3/tags/x/')).status).toBe(404);
  });

  it('uses the Host the client sent', async () => {
    const res = await client.get('/items', { headers: { host: 'api.example.com:8000' } });
    expect(res.headers.location).toBe('http://api.example.com:8000/items/');
  });
});
