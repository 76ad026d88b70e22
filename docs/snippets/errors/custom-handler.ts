import 'reflect-metadata';
import { Controller, createApp, Get, Path } from '@deft/core';

// #region handler
class UnicornException extends Error {
  constructor(readonly unicornName: string) {
    super(`Unicorn ${unicornName} misbehaved`);
  }
}

@Controller()
class UnicornsController {
  @Get('/unicorns/{name}')
  readUnicorn(@Path('name') name: string) {
    if (name === 'yolo') throw new UnicornException(name);
    return { unicorn_name: name };
  }
}

export const app = createApp({ controllers: [UnicornsController] });

app.exceptionHandler(UnicornException, (error, request, reply) => {
  reply.code(418);
  return { message: `Oops! ${error.unicornName} did something. There goes a rainbow...` };
});
// #endregion handler
