import 'reflect-metadata';
import { Controller, createApp, Get, HTTPException, Int, Path } from '@deft/core';

@Controller()
class ItemsController {
  @Get('/items/{item_id}')
  readItem(@Path('item_id', { type: Int }) itemId: number) {
    if (itemId === 3) throw new HTTPException(418, "Nope! I don't like 3.");
    return { item_id: itemId };
  }
}

export const app = createApp({ controllers: [ItemsController] });

// #region rethrow
app.exceptionHandler(HTTPException, (error, request) => {
  request.log.info({ status: error.statusCode, detail: error.detail }, 'An HTTP error');
  throw error; // Deft renders it as it always does
});
// #endregion rethrow
