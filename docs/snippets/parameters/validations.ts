import 'reflect-metadata';
import { Controller, createApp, Get, Int, Path, Query } from '@deft/core';

@Controller()
class ValidatedController {
  // #region strings
  @Get('/items/')
  readItems(@Query('q', { type: String, default: null, minLength: 3, maxLength: 50, pattern: '^fixedquery$' }) q: string | null) {
    return { items: [{ item_id: 'Foo' }, { item_id: 'Bar' }], ...(q === null ? {} : { q }) };
  }
  // #endregion strings

  // #region numbers
  @Get('/items/{item_id}')
  readItem(@Path('item_id', { type: Int, ge: 1, le: 1000 }) itemId: number, @Query('size', { gt: 0, lt: 10.5, default: 1 }) size: number) {
    return { item_id: itemId, size };
  }
  // #endregion numbers
}

export const app = createApp({ controllers: [ValidatedController] });
