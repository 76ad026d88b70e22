import 'reflect-metadata';
import { Controller, createApp, defineDependency, Depends, Get, Header, HTTPException, include, Path, Put, Query, Router } from '@deft/core';

// #region dependencies
const getTokenHeader = defineDependency({ token: Header('x-token') }, ({ token }) => {
  if (token !== 'fake-super-secret-token') throw new HTTPException(400, 'X-Token header invalid');
});

const getQueryToken = defineDependency({ token: Query('token') }, ({ token }) => {
  if (token !== 'jessica') throw new HTTPException(400, 'No Jessica token provided');
});
// #endregion dependencies

// #region users
@Controller('/users', { tags: ['users'] })
class UsersController {
  @Get('/')
  readUsers() {
    return [{ username: 'Rick' }, { username: 'Morty' }];
  }

  @Get('/me')
  readUserMe() {
    return { username: 'fakecurrentuser' };
  }
}
// #endregion users

// #region items-router
const items: Record<string, { name: string }> = { plumbus: { name: 'Plumbus' }, gun: { name: 'Portal Gun' } };

@Controller()
class ItemsController {
  @Get('/')
  readItems() {
    return items;
  }

  @Get('/{item_id}')
  readItem(@Path('item_id') itemId: string) {
    if (!(itemId in items)) throw new HTTPException(404, 'Item not found');
    return { name: items[itemId]!.name, item_id: itemId };
  }

  @Put('/{item_id}', { tags: ['custom'], responses: { 403: { description: 'Operation forbidden' } } })
  updateItem(@Path('item_id') itemId: string) {
    if (itemId !== 'plumbus') throw new HTTPException(403, 'You can only update the item: plumbus');
    return { item_id: itemId, name: 'The great Plumbus' };
  }
}

/** Every route below: under /items, tagged, behind the X-Token check, with a documented 404. */
@Router({
  prefix: '/items',
  tags: ['items'],
  dependencies: [Depends(getTokenHeader)],
  responses: { 404: { description: 'Not found' } },
  controllers: [ItemsController],
})
class ItemsRouter {}
// #endregion items-router

// #region admin
/** Shared with other apps, so it declares nothing about where it is served. */
@Controller()
class AdminController {
  @Get('/')
  updateAdmin() {
    return { message: 'Admin getting schwifty' };
  }
}
// #endregion admin

// #region app
export const app = createApp({
  dependencies: [Depends(getQueryToken)],
  controllers: [
    UsersController,
    include(AdminController, {
      prefix: '/admin',
      tags: ['admin'],
      dependencies: [Depends(getTokenHeader)],
      responses: { 418: { description: "I'm a teapot" } },
    }),
  ],
  routers: [ItemsRouter],
});
// #endregion app
