import 'reflect-metadata';
import { Controller, createApp, Get, HTTPException, Path } from '@deft/core';

const items: Record<string, string> = { foo: 'The Foo Wrestlers' };

@Controller()
class ItemsController {
  // #region raise
  @Get('/items/{item_id}')
  readItem(@Path('item_id') itemId: string) {
    if (!(itemId in items)) throw new HTTPException(404, 'Item not found');
    return { item: items[itemId] };
  }
  // #endregion raise

  // #region headers
  @Get('/items-header/{item_id}')
  readItemHeader(@Path('item_id') itemId: string) {
    if (!(itemId in items)) throw new HTTPException(404, 'Item not found', { 'X-Error': 'There goes my error' });
    return { item: items[itemId] };
  }
  // #endregion headers
}

export const app = createApp({ controllers: [ItemsController] });
