import type { Dependable, HTTPException, SecuritySchemeInfo } from '@deft/core';
import { APIKeyCookie, APIKeyHeader, APIKeyQuery, type APIKeyOptions } from '@deft/security';
import type { RequestOptions } from '@deft/testing';
import { clientFor, expectForbidden, expectNotAuthenticated, forbidden } from './scheme-client';

type Scheme = Dependable & { securityScheme: SecuritySchemeInfo };

// Subclasses restoring FastAPI's old 403.
class APIKeyHeader403 extends APIKeyHeader {
  protected override makeNotAuthenticatedError(): HTTPException {
    return forbidden();
  }
}
class APIKeyQuery403 extends APIKeyQuery {
  protected override makeNotAuthenticatedError(): HTTPException {
    return forbidden();
  }
}
class APIKeyCookie403 extends APIKeyCookie {
  protected override makeNotAuthenticatedError(): HTTPException {
    return forbidden();
  }
}

interface Case {
  Scheme: new (options: APIKeyOptions<boolean>) => Scheme;
  Forbidding: new (options: APIKeyOptions) => Scheme;
  location: string;
  send: (key: string) => RequestOptions;
  elsewhere: RequestOptions;
}

describe.each<Case>([
  { Scheme: APIKeyHeader, Forbidding: APIKeyHeader403, location: 'header', send: (key) => ({ headers: { key } }), elsewhere: { query: { key: 'secret' } } },
  { Scheme: APIKeyQuery, Forbidding: APIKeyQuery403, location: 'query', send: (key) => ({ query: { key } }), elsewhere: { headers: { key: 'secret' } } },
  { Scheme: APIKeyCookie, Forbidding: APIKeyCookie403, location: 'cookie', send: (key) => ({ cookies: { key } }), elsewhere: { query: { key: 'secret' } } },
])('$Scheme.name', ({ Scheme, Forbidding, location, send, elsewhere }) => {
  const client = clientFor(new Scheme({ name: 'key' }));

  it('resolves to the key', async () => {
    const res = await client.get('/users/me', send('secret'));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ value: 'secret' });
  });

  it('answers 401 with an APIKey challenge when the key is missing, empty or sent elsewhere', async () => {
    expectNotAuthenticated(await client.get('/users/me'), 'APIKey');
    expectNotAuthenticated(await client.get('/users/me', send('')), 'APIKey');
    expectNotAuthenticated(await client.get('/users/me', elsewhere), 'APIKey');
  });

  it('resolves to null instead with autoError: false', async () => {
    const optional = clientFor(new Scheme({ name: 'key', autoError: false }));
    expect((await optional.get('/users/me')).json()).toEqual({ msg: 'Create an account first' });
    expect((await optional.get('/users/me', send(''))).json()).toEqual({ msg: 'Create an account first' });
    expect((await optional.get('/users/me', send('secret'))).json()).toEqual({ value: 'secret' });
  });

  it('lets a subclass answer 403', async () => {
    expectForbidden(await clientFor(new Forbidding({ name: 'key' })).get('/users/me'));
  });

  it('documents where the key is sent', () => {
    expect(new Scheme({ name: 'key' }).securityScheme).toEqual({ name: Scheme.name, definition: { type: 'apiKey', in: location, name: 'key' } });
    const described = new Scheme({ name: 'X-API-Key', description: 'd', schemeName: 'K' }).securityScheme;
    expect(described.name).toBe('K');
    expect(JSON.stringify(described.definition)).toBe(`{"type":"apiKey","description":"d","in":"${location}","name":"X-API-Key"}`);
  });
});

it('APIKeyHeader matches the header name case-insensitively', async () => {
  const client = clientFor(new APIKeyHeader({ name: 'X-API-Key' }));
  expect((await client.get('/users/me', { headers: { 'x-api-key': 'secret' } })).json()).toEqual({ value: 'secret' });
});

it('APIKeyQuery takes the last of repeated parameters, as FastAPI does', async () => {
  const client = clientFor(new APIKeyQuery({ name: 'key' }));
  expect((await client.get('/users/me', { query: { key: ['first', 'last'] } })).json()).toEqual({ value: 'last' });
});
