import type { HTTPException } from '@deft/core';
import { OpenIdConnect } from '@deft/security';
import { clientFor, expectForbidden, expectNotAuthenticated, forbidden } from './scheme-client';

describe('OpenIdConnect', () => {
  const client = clientFor(new OpenIdConnect({ openIdConnectUrl: '/openid' }));

  it.each(['Bearer footokenbar', 'Other footokenbar'])('resolves to the whole Authorization header: %s', async (header) => {
    expect((await client.get('/users/me', { headers: { Authorization: header } })).json()).toEqual({ value: header });
  });

  it('answers 401 with a Bearer challenge without the header', async () => {
    expectNotAuthenticated(await client.get('/users/me'), 'Bearer');
  });

  it('resolves to null instead with autoError: false', async () => {
    const optional = clientFor(new OpenIdConnect({ openIdConnectUrl: '/openid', autoError: false }));
    expect((await optional.get('/users/me')).json()).toEqual({ msg: 'Create an account first' });
  });

  it('lets a subclass answer 403', async () => {
    class OpenIdConnect403 extends OpenIdConnect {
      protected override makeNotAuthenticatedError(): HTTPException {
        return forbidden();
      }
    }
    expectForbidden(await clientFor(new OpenIdConnect403({ openIdConnectUrl: '/openid' })).get('/users/me'));
  });

  it('documents the discovery URL', () => {
    expect(new OpenIdConnect({ openIdConnectUrl: '/openid' }).securityScheme).toEqual({
      name: 'OpenIdConnect',
      definition: { type: 'openIdConnect', openIdConnectUrl: '/openid' },
    });
    const described = new OpenIdConnect({ openIdConnectUrl: '/openid', description: 'OpenIdConnect security scheme', schemeName: 'OIDC' });
    expect(JSON.stringify(described.securityScheme)).toBe(
      '{"name":"OIDC","definition":{"type":"openIdConnect","description":"OpenIdConnect security scheme","openIdConnectUrl":"/openid"}}',
    );
  });
});
