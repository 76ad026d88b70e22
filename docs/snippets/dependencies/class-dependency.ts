import 'reflect-metadata';
import { Controller, createApp, Depends, Get, Int, Query } from '@deft/core';

const fakeItems = [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }];

// #region class
class CommonQueryParams {
  constructor(
    @Query('q', { type: String, default: null }) readonly q: string | null,
    @Query('skip', { type: Int, default: 0 }) readonly skip: number,
    @Query('limit', { type: Int, default: 100 }) readonly limit: number,
  ) {}
}

@Controller()
class ItemsController {
  @Get('/items/')
  readItems(@Depends() commons: CommonQueryParams) {
    const items = fakeItems.slice(commons.skip, commons.skip + commons.limit);
    return commons.q ? { q: commons.q, items } : { items };
  }
}
// #endregion class

export const app = createApp({ controllers: [ItemsController] });
