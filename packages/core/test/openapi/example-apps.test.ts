import 'reflect-metadata';
import { createApp, Controller, Get, type DeftApp, type OpenApiDocument } from '@deft/core';
import { TestClient } from '@deft/testing';
import { createItemsApp } from '../../../../examples/items-api/src/app';
import { createCurrentUserApp } from '../../../../examples/security-current-user/src/app';
import { app as firstStepsApp } from '../../../../examples/security-first-steps/src/app';
import { createHttpBasicApp } from '../../../../examples/security-http-basic/src/app';
import { createChatApp } from '../../../../examples/realtime-chat/src/app';
import { createJwtApp } from '../../../../examples/security-jwt/src/app';
import { createScopesApp } from '../../../../examples/security-scopes/src/app';
import { createSimpleOAuth2App } from '../../../../examples/security-simple-oauth2/src/app';
import { TestApp } from '../../../../examples/todo-api/test/support/test-app';
import { openapiProblems } from './valid-openapi';

/** Every example app of the repository, by folder. */
const EXAMPLES: readonly [string, () => DeftApp | Promise<DeftApp>][] = [
  ['items-api', createItemsApp],
  ['security-first-steps', () => firstStepsApp],
  ['security-current-user', createCurrentUserApp],
  ['security-simple-oauth2', createSimpleOAuth2App],
  ['security-jwt', createJwtApp],
  ['security-scopes', createScopesApp],
  ['security-http-basic', createHttpBasicApp],
  ['todo-api', async () => (await TestApp.start('sqlite')).app],
  ['realtime-chat', createChatApp],
];

describe.each(EXAMPLES)('the OpenAPI document of examples/%s', (_name, create) => {
  let app: DeftApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    app = await create();
    document = (await new TestClient(app).get('/openapi.json')).json<OpenApiDocument>();
  });
  // The first-steps module's app is shared with the tests below.
  afterAll(() => (app === firstStepsApp ? undefined : app.close()));

  it('is valid OpenAPI 3.1 with valid JSON Schemas', async () => {
    expect(await openapiProblems(document)).toEqual([]);
  });

  it('is the document of its routes, unchanged', () => {
    expect(document).toMatchSnapshot();
  });
});

/** FastAPI 0.142's `/openapi.json` for docs_src/security/tutorial001 (reference §5.1), byte for byte. */
const FASTAPI_FIRST_STEPS =
  '{"openapi":"3.1.0","info":{"title":"FastAPI","version":"0.1.0"},"paths":{"/items/":{"get":{"summary":"Read Items","operationId":"read_items_items__get","responses":{"200":{"description":"Successful Response","content":{"application/json":{"schema":{}}}}},"security":[{"OAuth2PasswordBearer":[]}]}}},"components":{"securitySchemes":{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}}}';

describe('security first steps', () => {
  it("serves FastAPI's document for the same app, but for the default title", async () => {
    const res = await new TestClient(firstStepsApp).get('/openapi.json');
    expect(res.text).toBe(FASTAPI_FIRST_STEPS.replace('"title":"FastAPI"', '"title":"Deft"'));
  });
});

/** FastAPI 0.142's `/openapi.json` for docs_src/security/tutorial003 (reference §5.2). */
const FASTAPI_SIMPLE_OAUTH2 =
  '{"openapi":"3.1.0","info":{"title":"FastAPI","version":"0.1.0"},"paths":{"/token":{"post":{"summary":"Login","operationId":"login_token_post","requestBody":{"content":{"application/x-www-form-urlencoded":{"schema":{"$ref":"#/components/schemas/Body_login_token_post"}}},"required":true},"responses":{"200":{"description":"Successful Response","content":{"application/json":{"schema":{}}}},"422":{"description":"Validation Error","content":{"application/json":{"schema":{"$ref":"#/components/schemas/HTTPValidationError"}}}}}}},"/users/me":{"get":{"summary":"Read Users Me","operationId":"read_users_me_users_me_get","responses":{"200":{"description":"Successful Response","content":{"application/json":{"schema":{}}}}},"security":[{"OAuth2PasswordBearer":[]}]}}},"components":{"schemas":{"Body_login_token_post":{"properties":{"grant_type":{"anyOf":[{"type":"string","pattern":"^password$"},{"type":"null"}],"title":"Grant Type"},"username":{"type":"string","title":"Username"},"password":{"type":"string","format":"password","title":"Password"},"scope":{"type":"string","title":"Scope","default":""},"client_id":{"anyOf":[{"type":"string"},{"type":"null"}],"title":"Client Id"},"client_secret":{"anyOf":[{"type":"string"},{"type":"null"}],"format":"password","title":"Client Secret"}},"type":"object","required":["username","password"],"title":"Body_login_token_post"},"HTTPValidationError":{"properties":{"detail":{"items":{"$ref":"#/components/schemas/ValidationError"},"type":"array","title":"Detail"}},"type":"object","title":"HTTPValidationError"},"ValidationError":{"properties":{"loc":{"items":{"anyOf":[{"type":"string"},{"type":"integer"}]},"type":"array","title":"Location"},"msg":{"type":"string","title":"Message"},"type":{"type":"string","title":"Error Type"},"input":{"title":"Input"},"ctx":{"type":"object","title":"Context"}},"type":"object","required":["loc","msg","type"],"title":"ValidationError"}},"securitySchemes":{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}}}';

describe('simple OAuth2', () => {
  it("serves FastAPI's document for the same app, but for the title", async () => {
    const expected = JSON.parse(FASTAPI_SIMPLE_OAUTH2.replace('"title":"FastAPI"', '"title":"Deft"')) as unknown;
    const res = await new TestClient(createSimpleOAuth2App()).get('/openapi.json');
    expect(res.text).toBe(JSON.stringify(expected));
  });
});

describe('the validity check', () => {
  it('rejects OpenAPI 3.0 nullable, a misspelt keyword, and a document with no info', async () => {
    @Controller()
    class Root {
      @Get('/') root() {}
    }
    const document = createApp({ controllers: [Root], fastify: { logger: false } }).openapi();
    const { info: _info, ...withoutInfo } = structuredClone(document);
    const broken = { ...withoutInfo, components: { schemas: { Old: { type: 'string', nullable: true }, Typo: { type: 'integer', minimun: 1 } } } };
    const problems = await openapiProblems(broken as unknown as OpenApiDocument);
    expect(problems).toEqual([
      " must have required property 'info'",
      'a schema uses OpenAPI 3.0 `nullable`; OpenAPI 3.1 writes `anyOf: [T, {type: "null"}]`',
      '#/components/schemas/Typo: strict mode: unknown keyword: "minimun"',
    ]);
  });
});
