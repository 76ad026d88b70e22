import 'reflect-metadata';
import { IsBoolean, IsNumber, IsString } from 'class-validator';
import { Body, Controller, createApp, Post, Query, type CompiledRoute } from '@deft/core';

class Invoice {
  @IsString() id!: string;
  @IsNumber() total!: number;
}

class InvoiceEvent {
  @IsString() description!: string;
  @IsBoolean() paid!: boolean;
}

class Subscription {
  @IsString() username!: string;
  @IsNumber() monthly_fee!: number;
}

// #region callbacks
/** What this API sends to the client's server once an invoice is paid: documented, never served. */
@Controller()
class InvoiceCallbacks {
  @Post('{$request.query.callback_url}/invoices/{$request.body.id}')
  invoiceNotification(@Body() body: InvoiceEvent) {
    return body;
  }
}

@Controller('/invoices', { tags: ['invoices'] })
class InvoicesController {
  @Post('/', { callbacks: [InvoiceCallbacks], openapiExtra: { 'x-codeSamples': [{ lang: 'curl', source: 'curl -X POST /invoices/' }] } })
  createInvoice(@Body() invoice: Invoice, @Query('callback_url', { type: String, default: null }) callbackUrl: string | null) {
    return { msg: 'Invoice received', id: invoice.id, callbackUrl };
  }
}
// #endregion callbacks

// #region webhooks
/** Requests this API sends to its users' servers: the document's `webhooks`, never served. */
@Controller()
class Webhooks {
  @Post('new-subscription', { description: 'When a new user subscribes to a plan.' })
  newSubscription(@Body() body: Subscription) {
    return body;
  }
}
// #endregion webhooks

// #region app
export const app = createApp({
  controllers: [InvoicesController],
  webhooks: [Webhooks],
  title: 'Billing',
  termsOfService: 'https://example.com/terms/',
  contact: { name: 'Billing team', url: 'https://example.com/contact/', email: 'billing@example.com' },
  license: { name: 'Apache 2.0', identifier: 'Apache-2.0' },
  // `invoices-createInvoice`: the first tag and the method's name, so generated clients read well.
  generateUniqueId: (route: CompiledRoute) => `${route.tags[0] ?? 'default'}-${route.handlerName}`,
});
// #endregion app
