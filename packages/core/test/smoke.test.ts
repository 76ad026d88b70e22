import 'reflect-metadata';
import { IsInt, IsOptional, IsString, MinLength } from 'class-validator';
import { Body, Controller, createApp, Depends, Get, HTTPException, Int, Path, Post, Query, RequestContext, SecurityScopes } from '@deft/core';
import type { Dependable } from '@deft/core';
import { TestClient } from '@deft/testing';

class Bearer implements Dependable<string> {
  resolve(context: RequestContext, _scopes: SecurityScopes): string {
    const header = context.header('authorization');
    if (!header?.startsWith('Bearer ')) throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
    return header.slice(7);
  }
}
const bearer = new Bearer();

class ItemIn {
  @IsString() @MinLength(3) name!: string;
  @IsInt() @IsOptional() count?: number;
}

@Controller()
class ItemsController {
  @Get('/items/')
  readItems(@Depends(bearer) token: string) {
    return { token };
  }

  @Get('/items/{item_id}')
  readItem(@Path('item_id', { type: Int }) itemId: number, @Query('q', { default: null, type: String }) q: string | null) {
    return { itemId, q };
  }

  @Post('/items/')
  create(@Body() item: ItemIn) {
    return item;
  }
}

describe('smoke', () => {
  const client = new TestClient(createApp({ controllers: [ItemsController], fastify: { logger: false } }));

  it('runs the seed flow', async () => {
    const missing = await client.get('/items/');
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(missing.json()).toEqual({ detail: 'Not authenticated' });
    const ok = await client.get('/items/', { headers: { Authorization: 'Bearer foobar' } });
    expect(ok.json()).toEqual({ token: 'foobar' });
  });

  it('converts path and query params', async () => {
    expect((await client.get('/items/5')).json()).toEqual({ itemId: 5, q: null });
    const bad = await client.get('/items/abc?q=x');
    expect(bad.status).toBe(422);
    expect(bad.json()).toEqual({
      detail: [{ type: 'int_parsing', loc: ['path', 'item_id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' }],
    });
  });

  it('validates DTO bodies', async () => {
    const res = await client.post('/items/', { json: { name: 'ab', count: 'x' } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: expect.any(Array) });
    console.log(JSON.stringify(res.json()));
    const ok = await client.post('/items/', { json: { name: 'abc', count: '3', extra: 1 } });
    expect(ok.json()).toEqual({ name: 'abc', count: 3 });
    const broken = await client.post('/items/', { body: '{some broken json}', headers: { 'content-type': 'application/json' } });
    console.log(broken.text);
  });
});
