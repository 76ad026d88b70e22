import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { Item } from './item-dto';

@Controller()
class BodyController {
  @Post('items')
  @HttpCode(201)
  createItem(@Body() item: Item) {
    return item;
  }
}

@Module({ controllers: [BodyController] })
export class BodyModule {}
