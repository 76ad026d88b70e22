import type { HTTPException } from '@deft/core';
import { OAuth2AuthorizationCodeBearer } from '@deft/security';
import { clientFor, expectForbidden, expectNotAuthenticated, forbidden } from './scheme-client';

describe('OAuth2AuthorizationCodeBearer', () => {
  const client = clientFor(new OAuth2AuthorizationCodeBearer({ authorizationUrl: 'authorize', tokenUrl: 'token' }));

  it('resolves to the bearer token, trimmed', async () => {
    expect((await client.get('/users/me', { headers: { Authorization: 'Bearer testtoken' } })).json()).toEqual({ value: 'testtoken' });
    expect((await client.get('/users/me', { headers: { Authorization: 'Bearer  testtoken ' } })).json()).toEqual({ value: 'testtoken' });
  });

  it('answers 401 with a Bearer challenge when the header is missing or has another scheme', async () => {
    expectNotAuthenticated(await client.get('/users/me'), 'Bearer');
    expectNotAuthenticated(await client.get('/users/me', { headers: { Authorization: 'Non-existent testtoken' } }), 'Bearer');
  });

  it('resolves to null instead with autoError: false', async () => {
    const optional = clientFor(new OAuth2AuthorizationCodeBearer({ authorizationUrl: 'authorize', tokenUrl: 'token', autoError: false }));
    expect((await optional.get('/users/me')).json()).toEqual({ msg: 'Create an account first' });
    expect((await optional.get('/users/me', { headers: { Authorization: 'Basic abc' } })).json()).toEqual({ msg: 'Create an account first' });
  });

  it('lets a subclass answer 403', async () => {
    class CodeBearer403 extends OAuth2AuthorizationCodeBearer {
      protected override makeNotAuthenticatedError(): HTTPException {
        return forbidden();
      }
    }
    expectForbidden(await clientFor(new CodeBearer403({ authorizationUrl: 'authorize', tokenUrl: 'token' })).get('/users/me'));
  });

  it('documents itself as an authorization-code flow', () => {
    expect(new OAuth2AuthorizationCodeBearer({ authorizationUrl: 'authorize', tokenUrl: 'token' }).securityScheme).toEqual({
      name: 'OAuth2AuthorizationCodeBearer',
      definition: { type: 'oauth2', flows: { authorizationCode: { scopes: {}, authorizationUrl: 'authorize', tokenUrl: 'token' } } },
    });
    const full = new OAuth2AuthorizationCodeBearer({
      authorizationUrl: 'authorize',
      tokenUrl: 'token',
      refreshUrl: 'refresh',
      scopes: { read: 'Read' },
      description: 'd',
      schemeName: 'Code',
    }).securityScheme;
    expect(full.name).toBe('Code');
    expect(JSON.stringify(full.definition)).toBe(
      '{"type":"oauth2","description":"d","flows":{"authorizationCode":{"refreshUrl":"refresh","scopes":{"read":"Read"},"authorizationUrl":"authorize","tokenUrl":"token"}}}',
    );
  });
});
