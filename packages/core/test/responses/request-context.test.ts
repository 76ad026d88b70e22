import 'reflect-metadata';
import { Controller, createApp, defineDependency, Depends, Get, HTTPException, Query, RequestContext } from '@deft/core';
import { TestClient } from '@deft/testing';
import { clientFor } from '../support/client';

const setCookie = defineDependency({ ctx: RequestContext }, ({ ctx }) => {
  ctx.setCookie('fakesession', 'fake-cookie-session-value', { httpOnly: true });
  return 'cookie set';
});

@Controller()
class Responses {
  @Get('/created', { statusCode: 200 })
  created(ctx: RequestContext) {
    ctx.setStatus(201).setHeader('X-Cat-Dog', 'alone in the world');
    return { created: true };
  }
  @Get('/cookie')
  cookie(@Depends(setCookie) message: string) {
    return { message };
  }
  @Get('/logout')
  logout(ctx: RequestContext) {
    ctx.deleteCookie('fakesession');
    return 'bye';
  }
  @Get('/fails')
  fails(ctx: RequestContext, @Query('fail', { type: Boolean, default: true }) fail: boolean) {
    ctx.setStatus(201).setHeader('x-set', 'yes').setCookie('c', 'v');
    if (fail) throw new HTTPException(400, 'Failed');
    return 'ok';
  }
  @Get('/request')
  request(ctx: RequestContext) {
    return { method: ctx.method, url: ctx.url, header: ctx.header('X-Custom'), cookies: ctx.cookies, query: ctx.query };
  }
}
const client = clientFor(Responses);

describe('RequestContext', () => {
  it("sets a successful response's status and headers, over the route's statusCode", async () => {
    const res = await client.get('/created');
    expect(res.status).toBe(201);
    expect(res.headers['x-cat-dog']).toBe('alone in the world');
    expect(res.json()).toEqual({ created: true });
  });

  it('sets cookies, also from a dependency', async () => {
    const res = await client.get('/cookie');
    expect(res.headers['set-cookie']).toBe('fakesession=fake-cookie-session-value; Path=/; HttpOnly; SameSite=Lax');
    expect(res.json()).toEqual({ message: 'cookie set' });
  });

  it('deletes cookies', async () => {
    expect(String((await client.get('/logout')).headers['set-cookie'])).toMatch(/^fakesession=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970/);
  });

  it('applies its changes only when the handler succeeds', async () => {
    const failed = await client.get('/fails');
    expect(failed.status).toBe(400);
    expect(failed.headers['x-set']).toBeUndefined();
    expect(failed.headers['set-cookie']).toBeUndefined();
    const succeeded = await client.get('/fails', { query: { fail: false } });
    expect([succeeded.status, succeeded.headers['x-set'], succeeded.headers['set-cookie']]).toEqual([201, 'yes', 'c=v; Path=/; SameSite=Lax']);
  });

  it('reads the raw request', async () => {
    const res = await client.get('/request', { query: { a: '1' }, headers: { 'x-custom': 'h' }, cookies: { k: 'v' } });
    expect(res.json()).toEqual({ method: 'GET', url: '/request?a=1', header: 'h', cookies: { k: 'v' }, query: { a: '1' } });
  });
});

describe('several cookies', () => {
  it('are each sent in a Set-Cookie header of their own', async () => {
    @Controller()
    class Jar {
      @Get('/jar')
      jar(ctx: RequestContext) {
        ctx.setCookie('a', '1').setCookie('b', 'two words', { maxAge: 60, secure: true }).deleteCookie('c');
        return {};
      }
    }
    const res = await new TestClient(createApp({ controllers: [Jar], fastify: { logger: false } })).get('/jar');
    const cookies = res.headers['set-cookie'] as string[];
    expect(cookies).toHaveLength(3);
    expect(cookies[0]).toBe('a=1; Path=/; SameSite=Lax');
    expect(cookies[1]).toBe('b=two%20words; Max-Age=60; Path=/; Secure; SameSite=Lax');
    expect(cookies[2]).toMatch(/^c=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax$/);
  });
});
