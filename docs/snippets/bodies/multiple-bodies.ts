import 'reflect-metadata';
import { IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, createApp, Int, Path, Put } from '@deft/core';

class Item {
  @IsString() name!: string;
  @IsNumber() price!: number;
}

class User {
  @IsString() username!: string;
  @IsOptional() @IsString() full_name?: string;
}

@Controller()
class ItemsController {
  // #region several
  @Put('/items/{item_id}')
  updateItem(
    @Path('item_id', { type: Int }) itemId: number,
    @Body('item') item: Item,
    @Body('user') user: User,
    @Body('importance', { type: Int, gt: 0 }) importance: number,
  ) {
    return { item_id: itemId, item, user, importance };
  }
  // #endregion several

  // #region embed
  @Put('/embedded/{item_id}')
  updateEmbedded(@Path('item_id', { type: Int }) itemId: number, @Body('item', { embed: true }) item: Item) {
    return { item_id: itemId, item };
  }
  // #endregion embed
}

export const app = createApp({ controllers: [ItemsController] });
