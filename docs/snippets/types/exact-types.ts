import 'reflect-metadata';
import Decimal from 'decimal.js';
import { IsString, IsUUID } from 'class-validator';
import { Body, Controller, createApp, DateOnly, DateTime, Duration, Field, Get, Path, Post, Query, UUID } from '@deft/core';

// #region dto
class Invoice {
  @IsUUID() id!: string;
  @IsString() customer!: string;
  @Field({ description: 'Never a JavaScript number: every cent is kept' }) total!: Decimal;
  @Field({}) issued!: DateTime;
  @Field({}) due!: DateOnly;
  @Field({ description: 'How long the customer has to pay' }) terms!: Duration;
  @Field({}) sequence!: bigint;
}
// #endregion dto

@Controller('/invoices')
class InvoicesController {
  private readonly invoices = new Map<string, Invoice>();

  // #region routes
  @Post('/', { responseModel: Invoice })
  create(@Body() invoice: Invoice) {
    this.invoices.set(invoice.id, invoice);
    return invoice;
  }

  @Get('/{invoice_id}', { responseModel: Invoice })
  read(@Path('invoice_id', { type: UUID }) invoiceId: string) {
    return this.invoices.get(invoiceId) ?? null;
  }

  @Get('/')
  search(
    @Query('min_total', { type: Decimal, default: new Decimal(0), ge: 0, decimalPlaces: 2 }) minTotal: Decimal,
    @Query('due_before', { type: DateOnly, default: null }) dueBefore: DateOnly | null,
  ) {
    const found = [...this.invoices.values()].filter(
      (invoice) => invoice.total.gte(minTotal) && (dueBefore === null || invoice.due.toJSON() < dueBefore.toJSON()),
    );
    return found.map((invoice) => invoice.id);
  }
  // #endregion routes
}

export const app = createApp({ controllers: [InvoicesController] });
