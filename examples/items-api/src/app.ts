import 'reflect-metadata';
import { Body, Controller, createApp, Delete, Get, Header, HTTPException, Int, Path, Post, Query, type DeftApp } from '@deft/core';
import { ItemIn, ItemOut, type StoredItem } from './items';

@Controller('/items', { tags: ['items'] })
export class ItemsController {
  private readonly items = new Map<number, StoredItem>();
  private nextId = 1;

  @Get('/', { responseModel: [ItemOut] })
  list(
    @Query('skip', { type: Int, default: 0, ge: 0 }) skip: number,
    @Query('limit', { type: Int, default: 10, ge: 1, le: 100 }) limit: number,
    @Query('q', { type: String, required: false, minLength: 2 }) q: string | undefined,
  ) {
    const all = [...this.items.values()].filter((item) => q === undefined || item.name.includes(q));
    return all.slice(skip, skip + limit);
  }

  @Get('/{item_id}', { responseModel: ItemOut })
  read(@Path('item_id', { type: Int, ge: 1 }) itemId: number) {
    const item = this.items.get(itemId);
    if (!item) throw new HTTPException(404, 'Item not found', { 'X-Error': 'There goes my error' });
    return item;
  }

  @Post('/', { statusCode: 201, responseModel: ItemOut })
  create(@Body() item: ItemIn, @Header('x-request-source', { default: 'api' }) source: string) {
    const stored: StoredItem = { id: this.nextId++, ...item, internalNote: `created via ${source}` };
    this.items.set(stored.id, stored);
    return stored;
  }

  @Delete('/{item_id}', { statusCode: 204 })
  remove(@Path('item_id', { type: Int }) itemId: number): void {
    if (!this.items.delete(itemId)) throw new HTTPException(404, 'Item not found');
  }
}

export function createItemsApp(): DeftApp {
  return createApp({ controllers: [ItemsController], title: 'Items API', version: '1.0.0' });
}
