import type { HTTPException } from '@deft/core';
import { HTTPBearer, HTTPDigest, type HTTPBase, type HTTPBearerOptions } from '@deft/security';
import { clientFor, expectForbidden, expectNotAuthenticated, forbidden } from './scheme-client';

type HTTPSchemeClass = new (options?: HTTPBearerOptions<boolean>) => HTTPBase<boolean>;

describe.each<{ Scheme: HTTPSchemeClass; scheme: string; challenge: string; other: string }>([
  { Scheme: HTTPBearer, scheme: 'bearer', challenge: 'Bearer', other: 'Digest' },
  { Scheme: HTTPDigest, scheme: 'digest', challenge: 'Digest', other: 'Bearer' },
])('$Scheme.name', ({ Scheme, scheme, challenge, other }) => {
  const client = clientFor(new Scheme());

  it('resolves to the scheme as sent and the trimmed credentials', async () => {
    expect((await client.get('/users/me', { headers: { Authorization: `${challenge} foobar` } })).json()).toEqual({
      value: { scheme: challenge, credentials: 'foobar' },
    });
    expect((await client.get('/users/me', { headers: { Authorization: `${scheme}   foobar ` } })).json()).toEqual({
      value: { scheme, credentials: 'foobar' },
    });
  });

  it.each([
    ['a missing header', undefined],
    ['another scheme', `${other} foobar`],
    ['an unknown scheme', 'Other invalidauthorization'],
    ['no credentials', challenge],
  ] as const)(`answers 401 with a ${challenge} challenge for %s`, async (_case, header) => {
    const headers: Record<string, string> = header === undefined ? {} : { Authorization: header };
    const res = await client.get('/users/me', { headers });
    expectNotAuthenticated(res, challenge);
  });

  it('resolves to null instead with autoError: false', async () => {
    const optional = clientFor(new Scheme({ autoError: false }));
    for (const headers of [{}, { Authorization: `${other} foobar` }, { Authorization: challenge }] as Record<string, string>[]) {
      expect((await optional.get('/users/me', { headers })).json()).toEqual({ msg: 'Create an account first' });
    }
    expect((await optional.get('/users/me', { headers: { Authorization: `${challenge} foobar` } })).json()).toEqual({
      value: { scheme: challenge, credentials: 'foobar' },
    });
  });

  it('lets a subclass answer 403 (FastAPI\'s documented way to restore 403)', async () => {
    class Forbidding extends Scheme {
      protected override makeNotAuthenticatedError(): HTTPException {
        return forbidden();
      }
    }
    const scheme403 = new Forbidding();
    expectForbidden(await clientFor(scheme403).get('/users/me'));
    expect(scheme403.securityScheme.name).toBe('Forbidding');
  });

  it('documents itself as an http scheme', () => {
    expect(new Scheme().securityScheme).toEqual({ name: Scheme.name, definition: { type: 'http', scheme } });
    const described = new Scheme({ description: 'd', schemeName: 'Custom' }).securityScheme;
    expect(described.name).toBe('Custom');
    expect(JSON.stringify(described.definition)).toBe(`{"type":"http","description":"d","scheme":"${scheme}"}`);
  });
});

it('HTTPBearer documents its bearerFormat after the scheme', () => {
  expect(JSON.stringify(new HTTPBearer({ bearerFormat: 'JWT', description: 'd' }).securityScheme.definition)).toBe(
    '{"type":"http","description":"d","scheme":"bearer","bearerFormat":"JWT"}',
  );
});
