import type { DeftApp } from '@deft/core';
import { TestClient } from '@deft/testing';
import { createCurrentUserApp } from '../../../examples/security-current-user/src/app';
import { app as firstStepsApp } from '../../../examples/security-first-steps/src/app';
import { createHttpBasicApp } from '../../../examples/security-http-basic/src/app';
import { createJwtApp } from '../../../examples/security-jwt/src/app';
import { createScopesApp } from '../../../examples/security-scopes/src/app';
import { createSimpleOAuth2App } from '../../../examples/security-simple-oauth2/src/app';

interface OpenApi {
  paths: Record<string, Record<string, { security?: unknown }>>;
  components: { securitySchemes?: unknown };
}

const passwordBearer = { OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: 'token' } } } };

/** Each security tutorial example: its `components.securitySchemes` and each operation's `security`, as FastAPI documents them. */
const EXAMPLES: readonly [string, () => DeftApp, unknown, Record<string, unknown>][] = [
  ['security-first-steps', () => firstStepsApp, passwordBearer, { 'get /items/': [{ OAuth2PasswordBearer: [] }] }],
  ['security-current-user', createCurrentUserApp, passwordBearer, { 'get /users/me': [{ OAuth2PasswordBearer: [] }] }],
  ['security-simple-oauth2', createSimpleOAuth2App, passwordBearer, { 'post /token': undefined, 'get /users/me': [{ OAuth2PasswordBearer: [] }] }],
  [
    'security-jwt',
    createJwtApp,
    passwordBearer,
    { 'post /token': undefined, 'get /users/me/': [{ OAuth2PasswordBearer: [] }], 'get /users/me/items/': [{ OAuth2PasswordBearer: [] }] },
  ],
  [
    'security-scopes',
    createScopesApp,
    {
      OAuth2PasswordBearer: {
        type: 'oauth2',
        flows: { password: { scopes: { me: 'Read information about the current user.', items: 'Read items.' }, tokenUrl: 'token' } },
      },
    },
    {
      'post /token': undefined,
      'get /users/me/': [{ OAuth2PasswordBearer: ['me'] }],
      'get /users/me/items/': [{ OAuth2PasswordBearer: ['items', 'me'] }],
      'get /status/': [{ OAuth2PasswordBearer: [] }],
    },
  ],
  ['security-http-basic', createHttpBasicApp, { HTTPBasic: { type: 'http', scheme: 'basic' } }, { 'get /users/me': [{ HTTPBasic: [] }] }],
];

describe.each(EXAMPLES)('examples/%s in OpenAPI', (_name, create, schemes, security) => {
  let document: OpenApi;
  beforeAll(async () => {
    document = (await new TestClient(create()).get('/openapi.json')).json<OpenApi>();
  });

  it('documents its security scheme once, from the scheme object', () => {
    expect(document.components.securitySchemes).toEqual(schemes);
  });

  it("gives each operation the requirement of the schemes in its dependency graph, with the scopes asked for on the way", () => {
    const found = Object.entries(document.paths).flatMap(([path, operations]) => Object.entries(operations).map(([method, op]) => [`${method} ${path}`, op.security]));
    expect(Object.fromEntries(found)).toEqual(security);
  });
});
