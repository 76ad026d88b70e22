import type { HTTPException } from '@deft/core';
import { HTTPBasic } from '@deft/security';
import { basic, clientFor, expectForbidden, expectNotAuthenticated, forbidden } from './scheme-client';

describe('HTTPBasic', () => {
  const client = clientFor(new HTTPBasic());

  it('resolves to the username and password', async () => {
    const res = await client.get('/users/me', { headers: { Authorization: basic('john:secret') } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ value: { username: 'john', password: 'secret' } });
  });

  it('splits at the first colon: the password may contain colons or be empty', async () => {
    expect((await client.get('/users/me', { headers: { Authorization: basic('john:se:cret') } })).json()).toEqual({
      value: { username: 'john', password: 'se:cret' },
    });
    expect((await client.get('/users/me', { headers: { Authorization: basic('john:') } })).json()).toEqual({ value: { username: 'john', password: '' } });
    expect((await client.get('/users/me', { headers: { Authorization: basic(':') } })).json()).toEqual({ value: { username: '', password: '' } });
  });

  it('matches the scheme case-insensitively', async () => {
    const header = basic('john:secret').replace('Basic', 'bASIC');
    expect((await client.get('/users/me', { headers: { Authorization: header } })).json()).toEqual({ value: { username: 'john', password: 'secret' } });
  });

  it('decodes base64 leniently, like Python: characters outside the alphabet are skipped, data after padding ignored', async () => {
    // base64("john:secret") = am9objpzZWNyZXQ=
    for (const encoded of ['am9o bjpz ZWNy ZXQ=', 'am9o-bjpz_ZWNyZXQ=', 'am9objpzZWNyZXQ=ignored', 'am9objpzZWNyZXQ=='] as const) {
      const res = await client.get('/users/me', { headers: { Authorization: `Basic ${encoded}` } });
      expect({ encoded, body: res.json() as unknown }).toEqual({ encoded, body: { value: { username: 'john', password: 'secret' } } });
    }
  });

  it('answers 401 with a Basic challenge when the header is missing or has another scheme', async () => {
    expectNotAuthenticated(await client.get('/users/me'), 'Basic');
    expectNotAuthenticated(await client.get('/users/me', { headers: { Authorization: 'Bearer token' } }), 'Basic');
  });

  it.each([
    ['bad padding', 'Basic notabase64token'],
    ['no colon', basic('johnsecret')],
    ['missing padding', 'Basic am9objpzZWNyZXQ'],
    ['a dangling character', 'Basic am9objpzZWNyZ'],
    ['non-ASCII text', basic('jöhn:secret')],
    ['non-ASCII characters in the base64', 'Basic am9objpzZWNyZXQ=é'],
    ['nothing to decode', 'Basic'],
    ['only padding', 'Basic ===='],
  ])('answers 401 for credentials that do not decode (%s)', async (_case, header) => {
    expectNotAuthenticated(await client.get('/users/me', { headers: { Authorization: header } }), 'Basic');
  });

  it('names the realm in the challenge', async () => {
    const realm = clientFor(new HTTPBasic({ realm: 'simple' }));
    expectNotAuthenticated(await realm.get('/users/me'), 'Basic realm="simple"');
    expectNotAuthenticated(await realm.get('/users/me', { headers: { Authorization: 'Basic notabase64token' } }), 'Basic realm="simple"');
  });

  it('with autoError: false, resolves a missing header or another scheme to null but still rejects undecodable credentials', async () => {
    const optional = clientFor(new HTTPBasic({ autoError: false }));
    expect((await optional.get('/users/me')).json()).toEqual({ msg: 'Create an account first' });
    expect((await optional.get('/users/me', { headers: { Authorization: 'Bearer tok' } })).json()).toEqual({ msg: 'Create an account first' });
    expect((await optional.get('/users/me', { headers: { Authorization: basic('john:secret') } })).json()).toEqual({
      value: { username: 'john', password: 'secret' },
    });
    expectNotAuthenticated(await optional.get('/users/me', { headers: { Authorization: 'Basic notabase64token' } }), 'Basic');
    expectNotAuthenticated(await optional.get('/users/me', { headers: { Authorization: basic('johnsecret') } }), 'Basic');
  });

  it('lets a subclass answer 403, for decoding failures too', async () => {
    class HTTPBasic403 extends HTTPBasic {
      protected override makeNotAuthenticatedError(): HTTPException {
        return forbidden();
      }
    }
    const client403 = clientFor(new HTTPBasic403());
    expectForbidden(await client403.get('/users/me'));
    expectForbidden(await client403.get('/users/me', { headers: { Authorization: basic('johnsecret') } }));
  });

  it('documents itself as the http basic scheme (the realm is not part of OpenAPI)', () => {
    expect(new HTTPBasic({ realm: 'simple' }).securityScheme).toEqual({ name: 'HTTPBasic', definition: { type: 'http', scheme: 'basic' } });
    const described = new HTTPBasic({ description: 'HTTPBasic scheme', schemeName: 'Login' }).securityScheme;
    expect(described.name).toBe('Login');
    expect(JSON.stringify(described.definition)).toBe('{"type":"http","description":"HTTPBasic scheme","scheme":"basic"}');
  });
});
