import type { HTTPException } from '@deft/core';
import { OAuth2 } from '@deft/security';
import { clientFor, expectForbidden, expectNotAuthenticated, forbidden } from './scheme-client';

const flows = { password: { tokenUrl: 'token', scopes: { 'read:users': 'Read the users', 'write:users': 'Create users' } } };

describe('OAuth2', () => {
  const client = clientFor(new OAuth2({ flows }));

  it.each(['Bearer footokenbar', 'Other footokenbar', 'Basic am9obg=='])('resolves to the whole Authorization header, any scheme: %s', async (header) => {
    const res = await client.get('/users/me', { headers: { Authorization: header } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ value: header });
  });

  it('answers 401 with a Bearer challenge without the header', async () => {
    expectNotAuthenticated(await client.get('/users/me'), 'Bearer');
  });

  it('resolves to null instead with autoError: false', async () => {
    const optional = clientFor(new OAuth2({ flows, autoError: false }));
    expect((await optional.get('/users/me')).json()).toEqual({ msg: 'Create an account first' });
    expect((await optional.get('/users/me', { headers: { Authorization: 'Other footokenbar' } })).json()).toEqual({ value: 'Other footokenbar' });
  });

  it('lets a subclass answer 403', async () => {
    class OAuth2Forbidden extends OAuth2 {
      protected override makeNotAuthenticatedError(): HTTPException {
        return forbidden();
      }
    }
    expectForbidden(await clientFor(new OAuth2Forbidden({ flows })).get('/users/me'));
  });

  it('documents no flows as an empty flows object', () => {
    expect(new OAuth2().securityScheme).toEqual({ name: 'OAuth2', definition: { type: 'oauth2', flows: {} } });
  });

  it('documents flows in the specification order, with default scopes, whatever the order given', () => {
    const scheme = new OAuth2({
      flows: {
        password: { tokenUrl: 'token', scopes: {} },
        clientCredentials: { tokenUrl: 't2' },
        implicit: { authorizationUrl: 'auth', scopes: { a: 'A' } },
      },
      description: 'd',
      schemeName: 'Custom',
    });
    expect(scheme.securityScheme.name).toBe('Custom');
    expect(JSON.stringify(scheme.securityScheme.definition)).toBe(
      '{"type":"oauth2","description":"d","flows":{"implicit":{"scopes":{"a":"A"},"authorizationUrl":"auth"},"password":{"scopes":{},"tokenUrl":"token"},"clientCredentials":{"scopes":{},"tokenUrl":"t2"}}}',
    );
  });

  it('does not let a caller change the documented definition', () => {
    const scopes: Record<string, string> = { me: 'Me' };
    const scheme = new OAuth2({ flows: { password: { tokenUrl: 'token', scopes } } });
    scopes.admin = 'Admin';
    expect(scheme.securityScheme.definition).toEqual({ type: 'oauth2', flows: { password: { scopes: { me: 'Me' }, tokenUrl: 'token' } } });
    expect(Object.isFrozen((scheme.securityScheme.definition.flows as { password: object }).password)).toBe(true);
  });
});
