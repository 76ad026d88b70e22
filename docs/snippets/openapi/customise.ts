import 'reflect-metadata';
import { IsNumber, IsString, MinLength } from 'class-validator';
import { Body, Controller, createApp, Delete, Get, HTTPException, Int, Path, Post, Query } from '@deft/core';

// #region models
class Item {
  @IsString() @MinLength(1) name!: string;
  @IsNumber() price!: number;
}

class Message {
  @IsString() message!: string;
}
// #endregion models

// #region controller
@Controller('/items', { tags: ['items'] })
class ItemsController {
  private readonly items = new Map<number, Item>();

  @Get('/', { responseModel: [Item] })
  readItems(@Query('q', { type: String, default: null, description: 'Filter by name', examples: ['hammer'] }) q: string | null) {
    return [...this.items.values()].filter((item) => q === null || item.name.includes(q));
  }

  @Get('/{item_id}', {
    summary: 'Read one item',
    description: 'Reads the item with this id. **Markdown** works here.',
    responseModel: Item,
    responses: { 404: { model: Message, description: 'There is no such item' } },
  })
  readItem(@Path('item_id', { type: Int, ge: 1, title: 'Item id' }) itemId: number) {
    const item = this.items.get(itemId);
    if (!item) throw new HTTPException(404, 'Item not found');
    return item;
  }

  @Post('/', { statusCode: 201, responseModel: Item, responseDescription: 'The item, as stored', operationId: 'createItem' })
  createItem(@Body() item: Item) {
    this.items.set(this.items.size + 1, item);
    return item;
  }

  @Delete('/{item_id}', { statusCode: 204, deprecated: true, includeInSchema: false })
  deleteItem(@Path('item_id', { type: Int }) itemId: number): void {
    this.items.delete(itemId);
  }
}
// #endregion controller

// #region app
export const app = createApp({
  controllers: [ItemsController],
  title: 'Hardware store',
  version: '2.0.0',
  description: 'Everything for **your** workshop.',
  openapiTags: [{ name: 'items', description: 'What the store sells' }],
  servers: [{ url: '/api', description: 'Behind the proxy' }],
  swaggerUiParameters: { persistAuthorization: true, docExpansion: 'none' },
});
// #endregion app
