// #region app
import 'reflect-metadata';
import { Controller, createApp, Get, Int, Path, Query } from '@deft/core';

@Controller()
class ItemsController {
  @Get('/')
  root() {
    return { message: 'Hello World' };
  }

  @Get('/items/{item_id}')
  readItem(@Path('item_id', { type: Int }) itemId: number, @Query('q', { type: String, default: null }) q: string | null) {
    return { item_id: itemId, q };
  }
}

export const app = createApp({ controllers: [ItemsController] });
// #endregion app
