import 'reflect-metadata';
import { Controller, createApp, Get, Int, Path, Query } from '@deft/core';

const fakeItems = [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }];

@Controller()
class QueryController {
  // #region defaults
  @Get('/items/')
  readItems(@Query('skip', { type: Int, default: 0 }) skip: number, @Query('limit', { type: Int, default: 10 }) limit: number) {
    return fakeItems.slice(skip, skip + limit);
  }
  // #endregion defaults

  // #region optional
  @Get('/items/{item_id}')
  readItem(
    @Path('item_id') itemId: string,
    @Query('needy') needy: string,
    @Query('q', { type: String, required: false }) q: string | undefined,
    @Query('short', { default: false }) short: boolean,
  ) {
    const item: Record<string, unknown> = { item_id: itemId, needy };
    if (q !== undefined) item.q = q;
    if (!short) item.description = 'This is an amazing item that has a long description';
    return item;
  }
  // #endregion optional

  // #region list
  @Get('/tags/')
  readTags(@Query('tag', { type: [String], default: [] }) tags: string[]) {
    return { tags };
  }
  // #endregion list
}

export const app = createApp({ controllers: [QueryController] });
