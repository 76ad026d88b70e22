import 'reflect-metadata';
import { Controller, Cookie, Get, Header, Int, Path, Query } from '@deft/core';
import { appFor, clientFor } from '../support/client';
import { rawRequest } from '../support/raw-http';
import { intParsing, missing } from '../support/validation';

describe('headers', () => {
  @Controller()
  class Headers {
    @Get('/agent')
    agent(@Header('User-Agent') agent: string, @Header('x-token', { default: null, type: String }) token: string | null) {
      return { agent, token };
    }
    @Get('/tokens')
    tokens(@Header('X-Token', { type: [String], default: null }) tokens: string[] | null) {
      return { tokens };
    }
    @Get('/limit')
    limit(@Header('x-limit', { type: Int }) limit: number) {
      return limit;
    }
  }
  const client = clientFor(Headers);

  it('match their name case-insensitively', async () => {
    const res = await client.get('/agent', { headers: { 'user-agent': 'curl/8', 'X-TOKEN': 'secret' } });
    expect(res.json()).toEqual({ agent: 'curl/8', token: 'secret' });
  });

  it('report a missing one under the name as declared', async () => {
    const res = await client.get('/limit');
    expect(res.json()).toEqual({ detail: [missing('header', 'x-limit')] });
  });

  it('convert like any other parameter', async () => {
    expect((await client.get('/limit', { headers: { 'X-Limit': '5' } })).json()).toBe(5);
    expect((await client.get('/limit', { headers: { 'X-Limit': 'five' } })).json()).toEqual({
      detail: [intParsing(['header', 'x-limit'], 'five')],
    });
  });

  it('collect a header sent on several lines into a list', async () => {
    const response = await rawRequest(
      appFor(Headers),
      'GET /tokens HTTP/1.1\r\nHost: test\r\nX-Token: foo\r\nx-token: bar\r\nConnection: close\r\n\r\n',
    );
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response.endsWith('{"tokens":["foo","bar"]}')).toBe(true);
  });

  it('give a list of one value, or the default', async () => {
    expect((await client.get('/tokens', { headers: { 'x-token': 'foo' } })).json()).toEqual({ tokens: ['foo'] });
    expect((await client.get('/tokens')).json()).toEqual({ tokens: null });
  });
});

describe('cookies', () => {
  @Controller()
  class Cookies {
    @Get('/ads')
    ads(@Cookie('ads_id', { default: null, type: String }) adsId: string | null, @Cookie('visits', { type: Int, default: 0 }) visits: number) {
      return { adsId, visits };
    }
    @Get('/session')
    session(@Cookie('session') session: string) {
      return session;
    }
  }
  const client = clientFor(Cookies);

  it('are read by name and converted', async () => {
    expect((await client.get('/ads', { cookies: { ads_id: 'ads_track', visits: '3' } })).json()).toEqual({ adsId: 'ads_track', visits: 3 });
    expect((await client.get('/ads', { headers: { cookie: 'ads_id=a; other=b' } })).json()).toEqual({ adsId: 'a', visits: 0 });
  });

  it('use their default when absent', async () => {
    expect((await client.get('/ads')).json()).toEqual({ adsId: null, visits: 0 });
  });

  it('are located under "cookie" when missing or invalid', async () => {
    expect((await client.get('/session')).json()).toEqual({ detail: [missing('cookie', 'session')] });
    expect((await client.get('/ads', { cookies: { visits: 'many' } })).json()).toEqual({ detail: [intParsing(['cookie', 'visits'], 'many')] });
  });

  it('are percent-decoded', async () => {
    expect((await client.get('/session', { cookies: { session: 'a b;c' } })).json()).toBe('a b;c');
  });
});

describe('every error of a request at once', () => {
  @Controller()
  class Everything {
    @Get('/items/{item_id}')
    read(
      @Cookie('session') _session: string,
      @Header('x-page', { type: Int }) _page: number,
      @Query('q', { minLength: 3 }) _q: string,
      @Query('limit', { type: Int }) _limit: number,
      @Path('item_id', { type: Int }) _itemId: number,
    ) {
      return 'unreachable';
    }
  }

  it('reports them all in one 422, in source order: path, query, header, cookie', async () => {
    const client = clientFor(Everything);
    const res = await client.get('/items/abc', { query: { q: 'ab' }, headers: { 'x-page': 'one' } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({
      detail: [
        intParsing(['path', 'item_id'], 'abc'),
        { type: 'string_too_short', loc: ['query', 'q'], msg: 'String should have at least 3 characters', input: 'ab', ctx: { min_length: 3 } },
        missing('query', 'limit'),
        intParsing(['header', 'x-page'], 'one'),
        missing('cookie', 'session'),
      ],
    });
  });
});
