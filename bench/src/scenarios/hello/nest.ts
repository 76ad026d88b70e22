import { Controller, Get, Module } from '@nestjs/common';

@Controller()
class HelloController {
  @Get('hello')
  hello() {
    return { hello: 'world' };
  }
}

@Module({ controllers: [HelloController] })
export class HelloModule {}
