import 'reflect-metadata';
import { Controller, createApp, defineDependency, Depends, Get, Header, HTTPException, Int, Query } from '@deft/core';

export const commonParameters = defineDependency(
  { q: Query('q', { type: String, default: null }), skip: Query('skip', { type: Int, default: 0 }) },
  ({ q, skip }) => ({ q, skip }),
);

export const currentUser = defineDependency({ token: Header('x-token') }, async ({ token }) => {
  if (token !== 'real-token') throw new HTTPException(401, 'Invalid token');
  return { name: 'Ada' };
});

@Controller()
class ItemsController {
  @Get('/items/')
  readItems(@Depends(commonParameters) commons: { q: string | null; skip: number }) {
    return { message: 'Hello Items!', params: commons };
  }

  @Get('/me')
  me(@Depends(currentUser) user: { name: string }) {
    return user;
  }
}

export const app = createApp({ controllers: [ItemsController] });
