import { Controller, Get, Module, UseGuards } from '@nestjs/common';
import { BearerGuard, Token } from '../../apps/nest/bearer-guard';

@Controller()
class SeedController {
  @Get('items/')
  @UseGuards(BearerGuard)
  readItems(@Token() token: string) {
    return { token };
  }
}

@Module({ controllers: [SeedController] })
export class SeedModule {}
