import type { OpenApiDocument } from '@deft/core';
import { TestApp } from './support/test-app';

/** What Swagger UI's Authorize dialog and the lock icons are built from. */
describe('the OpenAPI document of todo-api', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    t = await TestApp.start('sqlite');
    document = (await t.client.get('/openapi.json')).json<OpenApiDocument>();
  });
  afterAll(() => t.close());

  it('describes the password flow once, with its token URL relative to the document and every scope', () => {
    expect(document.components?.securitySchemes).toEqual({
      OAuth2PasswordBearer: {
        type: 'oauth2',
        flows: {
          password: {
            tokenUrl: 'auth/token',
            scopes: { 'todos:read': 'Read your todos', 'todos:write': 'Create, change and delete your todos', admin: 'See every account' },
          },
        },
      },
    });
    // Swagger UI resolves tokenUrl against the document's URL: the form posts to the token route.
    expect(new URL('auth/token', 'http://127.0.0.1:8000/openapi.json').pathname).toBe('/auth/token');
    expect(document.paths['/auth/token']?.post).toBeDefined();
  });

  it('requires on each operation the scopes its route checks, and nothing on the public ones', () => {
    const security = (path: string, method: 'get' | 'post' | 'patch' | 'delete') => document.paths[path]?.[method]?.security;
    expect(security('/auth/register', 'post')).toBeUndefined();
    expect(security('/auth/token', 'post')).toBeUndefined();
    expect(security('/users/me', 'get')).toEqual([{ OAuth2PasswordBearer: [] }]);
    expect(security('/todos', 'get')).toEqual([{ OAuth2PasswordBearer: ['todos:read'] }]);
    expect(security('/todos', 'post')).toEqual([{ OAuth2PasswordBearer: ['todos:write'] }]);
    expect(security('/todos/{todo_id}', 'get')).toEqual([{ OAuth2PasswordBearer: ['todos:read'] }]);
    expect(security('/todos/{todo_id}', 'patch')).toEqual([{ OAuth2PasswordBearer: ['todos:write'] }]);
    expect(security('/todos/{todo_id}', 'delete')).toEqual([{ OAuth2PasswordBearer: ['todos:write'] }]);
    expect(security('/admin/users', 'get')).toEqual([{ OAuth2PasswordBearer: ['admin'] }]);
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await t.client.get('/docs');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Todo API');
  });
});
