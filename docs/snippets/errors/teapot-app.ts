import 'reflect-metadata';
import { Controller, createApp, Get, HTTPException, Int, Path, type DeftApp } from '@deft/core';

@Controller()
class ItemsController {
  @Get('/items/{item_id}')
  readItem(@Path('item_id', { type: Int }) itemId: number) {
    if (itemId === 3) throw new HTTPException(418, "Nope! I don't like 3.");
    return { item_id: itemId };
  }
}

/** An app whose item 3 is refused with a 418, for the snippets that handle errors their own way. */
export function createTeapotApp(): DeftApp {
  return createApp({ controllers: [ItemsController] });
}
