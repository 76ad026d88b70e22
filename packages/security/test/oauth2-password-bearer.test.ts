import type { Dependable, HTTPException } from '@deft/core';
import { OAuth2PasswordBearer } from '@deft/security';
import { clientFor, expectForbidden, expectNotAuthenticated, forbidden } from './scheme-client';

describe('OAuth2PasswordBearer', () => {
  const client = clientFor(new OAuth2PasswordBearer({ tokenUrl: 'token' }));

  it('resolves to the bearer token', async () => {
    const res = await client.get('/users/me', { headers: { Authorization: 'Bearer testtoken' } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ value: 'testtoken' });
  });

  it('matches the scheme case-insensitively and trims the token', async () => {
    const res = await client.get('/users/me', { headers: { Authorization: 'bearer  testtoken ' } });
    expect(res.json()).toEqual({ value: 'testtoken' });
  });

  it('resolves a bare "Bearer" to the empty token, as FastAPI does', async () => {
    const res = await client.get('/users/me', { headers: { Authorization: 'Bearer' } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ value: '' });
  });

  it('answers 401 with a Bearer challenge when the header is missing', async () => {
    expectNotAuthenticated(await client.get('/users/me'), 'Bearer');
  });

  it.each(['Notexistent testtoken', 'Basic am9objpzZWNyZXQ=', 'Digest abc', 'Bearertoken'])('answers 401 for another scheme: %s', async (header) => {
    expectNotAuthenticated(await client.get('/users/me', { headers: { Authorization: header } }), 'Bearer');
  });

  it('resolves to null instead with autoError: false', async () => {
    const optional = clientFor(new OAuth2PasswordBearer({ tokenUrl: 'token', autoError: false }));
    expect((await optional.get('/users/me')).json()).toEqual({ msg: 'Create an account first' });
    expect((await optional.get('/users/me', { headers: { Authorization: 'Other footokenbar' } })).json()).toEqual({ msg: 'Create an account first' });
    expect((await optional.get('/users/me', { headers: { Authorization: 'Bearer footokenbar' } })).json()).toEqual({ value: 'footokenbar' });
  });

  it('lets a subclass answer 403 through makeNotAuthenticatedError()', async () => {
    class OAuth2PasswordBearer403 extends OAuth2PasswordBearer {
      protected override makeNotAuthenticatedError(): HTTPException {
        return forbidden();
      }
    }
    const scheme = new OAuth2PasswordBearer403({ tokenUrl: 'token' });
    const client403 = clientFor(scheme);
    expectForbidden(await client403.get('/users/me'));
    expect((await client403.get('/users/me', { headers: { Authorization: 'Bearer tok' } })).json()).toEqual({ value: 'tok' });
    expect(scheme.securityScheme.name).toBe('OAuth2PasswordBearer403');
  });

  it('is typed as resolving to null only when autoError is false', () => {
    const required: Dependable<string> = new OAuth2PasswordBearer({ tokenUrl: 'token' });
    const optional: Dependable<string | null> = new OAuth2PasswordBearer({ tokenUrl: 'token', autoError: false });
    // @ts-expect-error a scheme that may resolve to null does not give a string
    const wrong: Dependable<string> = new OAuth2PasswordBearer({ tokenUrl: 'token', autoError: false });
    expect([required.securityScheme, optional.securityScheme, wrong.securityScheme].map((s) => s?.name)).toEqual(Array(3).fill('OAuth2PasswordBearer'));
  });

  it('documents itself as an OAuth2 password flow', () => {
    expect(new OAuth2PasswordBearer({ tokenUrl: 'token' }).securityScheme).toEqual({
      name: 'OAuth2PasswordBearer',
      definition: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: 'token' } } },
    });
  });

  it('documents scopes, refreshUrl, description and a custom schemeName, in FastAPI key order', () => {
    const { name, definition } = new OAuth2PasswordBearer({
      tokenUrl: 'token',
      scopes: { me: 'Read me' },
      refreshUrl: 'refresh',
      description: 'd',
      schemeName: 'MyPB',
    }).securityScheme;
    expect(name).toBe('MyPB');
    expect(JSON.stringify(definition)).toBe(
      '{"type":"oauth2","description":"d","flows":{"password":{"refreshUrl":"refresh","scopes":{"me":"Read me"},"tokenUrl":"token"}}}',
    );
  });
});
