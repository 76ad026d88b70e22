import 'reflect-metadata';
import { Controller, createApp, Get, HTTPException, Int, Path, RequestValidationError } from '@deft/core';

@Controller()
class ItemsController {
  @Get('/items/{item_id}')
  readItem(@Path('item_id', { type: Int }) itemId: number) {
    if (itemId === 3) throw new HTTPException(418, "Nope! I don't like 3.");
    return { item_id: itemId };
  }
}

export const app = createApp({ controllers: [ItemsController] });

// #region override
app.exceptionHandler(HTTPException, (error, request, reply) => {
  return reply.code(error.statusCode).type('text/plain').send(String(error.detail));
});

app.exceptionHandler(RequestValidationError, (error, request, reply) => {
  const lines = error.errors.map((item) => `${item.loc.join(' -> ')}: ${item.msg}`);
  return reply.code(400).type('text/plain').send(lines.join('\n'));
});
// #endregion override
