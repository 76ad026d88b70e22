import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenApiDocument } from '@deft/core';
import { TestClient } from '@deft/testing';
import { app as customised } from './customise';
import { exportOpenapi } from './export-openapi';
import { app as extended } from './extend-document';
import { app as billing } from './extension-points';

describe('docs/openapi.md', () => {
  it('documents what the routes and options say', async () => {
    const document = (await new TestClient(customised).get('/openapi.json')).json<OpenApiDocument>();
    expect(document.info).toEqual({ title: 'Hardware store', version: '2.0.0', description: 'Everything for **your** workshop.' });
    expect(document.servers).toEqual([{ url: '/api', description: 'Behind the proxy' }]);
    expect(document.tags).toEqual([{ name: 'items', description: 'What the store sells' }]);
    expect(Object.keys(document.paths)).toEqual(['/items/', '/items/{item_id}']);
    expect(document.paths['/items/']!.get!.parameters).toEqual([
      {
        name: 'q',
        in: 'query',
        description: 'Filter by name',
        required: false,
        schema: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'Q', description: 'Filter by name', examples: ['hammer'] },
      },
    ]);
    const readItem = document.paths['/items/{item_id}']!.get!;
    expect(readItem).toMatchObject({ tags: ['items'], summary: 'Read one item', operationId: 'read_item_items__item_id__get' });
    expect(readItem.responses[404]).toEqual({
      description: 'There is no such item',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Message' } } },
    });
    expect(document.paths['/items/']!.post).toMatchObject({ operationId: 'createItem', responses: { 201: { description: 'The item, as stored' } } });
    expect(document.paths['/items/{item_id}']!.delete).toBeUndefined();
  });

  it('passes swaggerUiParameters to the /docs page', async () => {
    expect((await new TestClient(customised).get('/docs')).text).toContain('"persistAuthorization":true,"docExpansion":"none"');
  });

  it('serves the document as changed after app.openapi()', async () => {
    const document = (await new TestClient(extended).get('/openapi.json')).json<OpenApiDocument>();
    expect(document.info).toEqual({ title: 'Status', version: '0.1.0', 'x-logo': { url: '/static/logo.png' } });
    expect(document.paths['/health']!.get!.description).toBe('Always answers while the process is up.');
  });

  it('exports the document to a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deft-openapi-'));
    try {
      exportOpenapi(customised, join(dir, 'openapi.json'));
      expect(JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8'))).toEqual(customised.openapi());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents callbacks, webhooks, the extra operation keys and the generated ids', async () => {
    const document = (await new TestClient(billing).get('/openapi.json')).json<OpenApiDocument>();
    expect(document.info).toMatchObject({ termsOfService: 'https://example.com/terms/', license: { name: 'Apache 2.0', identifier: 'Apache-2.0' } });
    const create = document.paths['/invoices/']!.post!;
    expect(create.operationId).toBe('invoices-createInvoice');
    expect(create['x-codeSamples']).toEqual([{ lang: 'curl', source: 'curl -X POST /invoices/' }]);
    expect(Object.keys(create.callbacks!.invoiceNotification!)).toEqual(['{$request.query.callback_url}/invoices/{$request.body.id}']);
    expect(document.webhooks!['new-subscription']!.post!.description).toBe('When a new user subscribes to a plan.');
    expect((await new TestClient(billing).post('/new-subscription', { json: {} })).status).toBe(404);
  });
});
