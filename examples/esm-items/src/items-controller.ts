import { Body, Controller, Depends, Get, Post } from '@deft/core';
import { OAuth2PasswordBearer } from '@deft/security';
import { CreateItem } from './item.js';

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });

@Controller('/items')
export class ItemsController {
  @Get('/')
  readItems(@Depends(oauth2Scheme) token: string) {
    return { token };
  }

  @Post('/', { statusCode: 201 })
  createItem(@Body() item: CreateItem, @Depends(oauth2Scheme) _token: string) {
    return item;
  }
}
