import { Controller, Depends, Get } from '@deft/core';
import { oauth2Scheme } from '../../apps/deft/oauth2';

@Controller()
export class SeedController {
  @Get('/items/')
  async readItems(@Depends(oauth2Scheme) token: string) {
    return { token };
  }
}
