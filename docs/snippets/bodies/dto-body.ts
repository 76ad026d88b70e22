import 'reflect-metadata';
// #region dto
import { IsNumber, IsOptional, IsString } from 'class-validator';

export class Item {
  @IsString() name!: string;
  @IsOptional() @IsString() description?: string | null;
  @IsNumber() price!: number;
  @IsOptional() @IsNumber() tax?: number;
}
// #endregion dto

import { Body, Controller, createApp, Int, Path, Post, Put, Query } from '@deft/core';

@Controller()
class ItemsController {
  // #region create
  @Post('/items/')
  createItem(@Body() item: Item) {
    if (item.tax === undefined) return item;
    return { ...item, price_with_tax: item.price + item.tax };
  }
  // #endregion create

  // #region update
  @Put('/items/{item_id}')
  updateItem(@Path('item_id', { type: Int }) itemId: number, @Body() item: Item, @Query('q', { type: String, default: null }) q: string | null) {
    return { item_id: itemId, ...item, ...(q === null ? {} : { q }) };
  }
  // #endregion update
}

export const app = createApp({ controllers: [ItemsController] });
