import 'reflect-metadata';
import { createApp, Controller, Get, Depends } from '@deft/core';
import { OAuth2PasswordBearer } from '@deft/security';

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });

@Controller()
class ItemsController {
  @Get('/items/')
  async readItems(@Depends(oauth2Scheme) token: string) {
    return { token };
  }
}

export const app = createApp({ controllers: [ItemsController] });
