import { Controller, Get } from '@deft/core';

@Controller()
export class HelloController {
  @Get('/hello')
  hello() {
    return { hello: 'world' };
  }
}
