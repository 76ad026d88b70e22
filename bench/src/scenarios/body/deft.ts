import { Body, Controller, Post } from '@deft/core';
import { Item } from './item-dto';

@Controller()
export class BodyController {
  @Post('/items', { statusCode: 201 })
  createItem(@Body() item: Item) {
    return item;
  }
}
