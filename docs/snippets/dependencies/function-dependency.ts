import 'reflect-metadata';
import { Controller, createApp, defineDependency, Depends, Get, Int, Query } from '@deft/core';

// #region common-parameters
const commonParameters = defineDependency(
  {
    q: Query('q', { type: String, default: null }),
    skip: Query('skip', { type: Int, default: 0 }),
    limit: Query('limit', { type: Int, default: 100 }),
  },
  ({ q, skip, limit }) => ({ q, skip, limit }),
);

@Controller()
class ItemsController {
  @Get('/items/')
  readItems(@Depends(commonParameters) commons: { q: string | null; skip: number; limit: number }) {
    return commons;
  }

  @Get('/users/')
  readUsers(@Depends(commonParameters) commons: { q: string | null; skip: number; limit: number }) {
    return commons;
  }
}
// #endregion common-parameters

export const app = createApp({ controllers: [ItemsController] });
