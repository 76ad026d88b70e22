import type { HTTPException } from '@deft/core';
import { HTTPBase } from '@deft/security';
import { clientFor, expectForbidden, expectNotAuthenticated, forbidden } from './scheme-client';

describe('HTTPBase', () => {
  const client = clientFor(new HTTPBase({ scheme: 'Other' }));

  it('resolves to any scheme and its credentials, without checking the scheme', async () => {
    expect((await client.get('/users/me', { headers: { Authorization: 'Other foobar' } })).json()).toEqual({
      value: { scheme: 'Other', credentials: 'foobar' },
    });
    expect((await client.get('/users/me', { headers: { Authorization: 'Bearer tok' } })).json()).toEqual({
      value: { scheme: 'Bearer', credentials: 'tok' },
    });
  });

  it('answers 401 when the header or its credentials are missing, challenging with the title-cased scheme', async () => {
    expectNotAuthenticated(await client.get('/users/me'), 'Other');
    expectNotAuthenticated(await client.get('/users/me', { headers: { Authorization: 'Other' } }), 'Other');
    expectNotAuthenticated(await clientFor(new HTTPBase({ scheme: 'my-sCHEME' })).get('/users/me'), 'My-Scheme');
  });

  it('resolves to null instead with autoError: false', async () => {
    const optional = clientFor(new HTTPBase({ scheme: 'Other', autoError: false }));
    expect((await optional.get('/users/me')).json()).toEqual({ msg: 'Create an account first' });
  });

  it('lets a subclass answer 403', async () => {
    class HTTPBase403 extends HTTPBase {
      protected override makeNotAuthenticatedError(): HTTPException {
        return forbidden();
      }
    }
    expectForbidden(await clientFor(new HTTPBase403({ scheme: 'Other' })).get('/users/me'));
  });

  it('documents itself with the scheme as given', () => {
    expect(new HTTPBase({ scheme: 'Other' }).securityScheme).toEqual({ name: 'HTTPBase', definition: { type: 'http', scheme: 'Other' } });
    expect(JSON.stringify(new HTTPBase({ scheme: 'Other', description: 'Other Security Scheme', schemeName: 'X' }).securityScheme)).toBe(
      '{"name":"X","definition":{"type":"http","description":"Other Security Scheme","scheme":"Other"}}',
    );
  });
});
