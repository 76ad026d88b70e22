import 'reflect-metadata';
import { IsBoolean, IsNumber, IsString } from 'class-validator';
import { Body, Controller, createApp, DeftError, Get, Post, Query, type CompiledRoute } from '@deft/core';
import { TestClient } from '@deft/testing';
import { documentWith, operationOf } from './support';
import { openapiProblems } from './valid-openapi';

class Invoice {
  @IsString() id!: string;
  @IsString() title!: string;
}

class InvoiceEvent {
  @IsString() description!: string;
  @IsBoolean() paid!: boolean;
}

class InvoiceEventReceived {
  @IsBoolean() ok!: boolean;
}

class Subscription {
  @IsString() username!: string;
  @IsNumber() monthly_fee!: number;
}

@Controller()
class InvoiceCallbacks {
  @Post('{$callback_url}/invoices/{$request.body.id}', { responseModel: InvoiceEventReceived })
  invoice_notification(@Body() body: InvoiceEvent) {
    return body;
  }
}

@Controller()
class SubscriptionWebhooks {
  @Post('new-subscription', { description: 'When a new user subscribes.' })
  new_subscription(@Body() body: Subscription) {
    return body;
  }
}

@Controller('/invoices', { tags: ['inv'] })
class Invoices {
  @Post('/', {
    callbacks: [InvoiceCallbacks],
    openapiExtra: { 'x-aperture-labs-portal': 'blue', responses: { 200: { description: 'merged' } } },
  })
  create_invoice(@Body() invoice: Invoice, @Query('callback_url', { type: String, default: null }) callbackUrl: string | null) {
    return { msg: 'Invoice received', invoice: invoice.id, callbackUrl };
  }
}

const generateUniqueId = (route: CompiledRoute): string => `${route.tags[0] ?? 'x'}-${route.handlerName}`;

const options = {
  controllers: [Invoices],
  webhooks: [SubscriptionWebhooks],
  summary: 'S',
  description: 'D',
  termsOfService: 'http://example.com/terms/',
  contact: { name: 'Deadpoolio', url: 'http://x-force.example.com/contact/', email: 'dp@x-force.example.com' },
  license: { name: 'Apache 2.0', identifier: 'Apache-2.0' },
  generateUniqueId,
};

const VALIDATION_ERROR = {
  description: 'Validation Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
};

describe('OpenAPI extension points', () => {
  const document = documentWith(options);

  it('describes the API with terms of service, contact and license, in FastAPI key order', () => {
    expect(document.info).toEqual({
      title: 'Deft',
      summary: 'S',
      description: 'D',
      termsOfService: 'http://example.com/terms/',
      contact: options.contact,
      license: options.license,
      version: '0.1.0',
    });
    expect(Object.keys(document.info)).toEqual(['title', 'summary', 'description', 'termsOfService', 'contact', 'license', 'version']);
  });

  it('names operations with generateUniqueId', () => {
    expect(operationOf(document, '/invoices/', 'post').operationId).toBe('inv-create_invoice');
  });

  it('merges openapiExtra into the operation, deeply', () => {
    const operation = operationOf(document, '/invoices/', 'post');
    expect(operation['x-aperture-labs-portal']).toBe('blue');
    expect(operation.responses['200']).toEqual({ description: 'merged', content: { 'application/json': { schema: {} } } });
    expect(operation.responses['422']).toEqual(VALIDATION_ERROR);
  });

  it("documents callbacks under the operation, as FastAPI does", () => {
    expect(operationOf(document, '/invoices/', 'post').callbacks).toEqual({
      invoice_notification: {
        '{$callback_url}/invoices/{$request.body.id}': {
          post: {
            summary: 'Invoice Notification',
            operationId: 'invoice_notification__callback_url__invoices___request_body_id__post',
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/InvoiceEvent' } } }, required: true },
            responses: {
              200: { description: 'Successful Response', content: { 'application/json': { schema: { $ref: '#/components/schemas/InvoiceEventReceived' } } } },
              422: VALIDATION_ERROR,
            },
          },
        },
      },
    });
  });

  it("documents webhooks at the top level, as FastAPI does", () => {
    expect(document.webhooks).toEqual({
      'new-subscription': {
        post: {
          summary: 'New Subscription',
          description: 'When a new user subscribes.',
          operationId: 'new_subscriptionnew_subscription_post',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Subscription' } } }, required: true },
          responses: { 200: { description: 'Successful Response', content: { 'application/json': { schema: {} } } }, 422: VALIDATION_ERROR },
        },
      },
    });
    expect(Object.keys(document.components?.schemas ?? {})).toEqual([
      'HTTPValidationError',
      'Invoice',
      'InvoiceEvent',
      'InvoiceEventReceived',
      'Subscription',
      'ValidationError',
    ]);
  });

  it('is valid OpenAPI 3.1', async () => {
    expect(await openapiProblems(document)).toEqual([]);
  });

  it('never serves webhook or callback routes', async () => {
    const app = createApp({ ...options, fastify: { logger: false } });
    const client = new TestClient(app);
    expect((await client.post('/new-subscription', { json: { username: 'a', monthly_fee: 1 } })).status).toBe(404);
    expect((await client.post('/invoices/', { json: { id: '1', title: 't' } })).json()).toEqual({ msg: 'Invoice received', invoice: '1', callbackUrl: null });
    await app.close();
  });

  it('checks a webhook class at start-up like a controller', () => {
    class NotDecorated {
      @Get('x') x() {}
    }
    expect(() => createApp({ controllers: [], webhooks: [NotDecorated] })).toThrow(DeftError);
    expect(() => createApp({ controllers: [], webhooks: [NotDecorated] })).toThrow(/DEFT_ERR_CONTROLLER_NOT_DECORATED: NotDecorated is listed in webhooks or callbacks/);
  });
});
