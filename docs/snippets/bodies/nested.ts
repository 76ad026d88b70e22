import 'reflect-metadata';
import { Body, Controller, createApp, Post } from '@deft/core';
// #region nested
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString, IsUrl, ValidateNested } from 'class-validator';

class Image {
  @IsUrl() url!: string;
  @IsString() name!: string;
}

class Item {
  @IsString() name!: string;
  @IsNumber() price!: number;
  @IsString({ each: true }) tags: string[] = [];
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Image) images?: Image[];
}
// #endregion nested

@Controller()
class ItemsController {
  @Post('/items/')
  createItem(@Body() item: Item) {
    return { item, firstImageIsAnImage: item.images?.[0] instanceof Image };
  }
}

export const app = createApp({ controllers: [ItemsController] });
