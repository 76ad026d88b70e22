import 'reflect-metadata';
import { Controller, Cookie, createApp, defineDependency, Depends, Get, Query } from '@deft/core';

// #region sub
const queryExtractor = defineDependency({ q: Query('q', { type: String, default: null }) }, ({ q }) => q);

const queryOrCookieExtractor = defineDependency(
  { q: Depends(queryExtractor), lastQuery: Cookie('last_query', { type: String, default: null }) },
  ({ q, lastQuery }) => q ?? lastQuery,
);

@Controller()
class ItemsController {
  @Get('/items/')
  readQuery(@Depends(queryOrCookieExtractor) queryOrDefault: string | null) {
    return { q_or_cookie: queryOrDefault };
  }
}
// #endregion sub

export const app = createApp({ controllers: [ItemsController] });
