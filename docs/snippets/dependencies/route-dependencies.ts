import 'reflect-metadata';
import { Controller, createApp, defineDependency, Depends, Get, Header, HTTPException } from '@deft/core';

// #region verify
const verifyToken = defineDependency({ token: Header('x-token') }, ({ token }) => {
  if (token !== 'fake-super-secret-token') throw new HTTPException(400, 'X-Token header invalid');
});

const verifyKey = defineDependency({ key: Header('x-key') }, ({ key }) => {
  if (key !== 'fake-super-secret-key') throw new HTTPException(400, 'X-Key header invalid');
  return key;
});

@Controller('', { dependencies: [Depends(verifyToken)] })
class ItemsController {
  @Get('/items/', { dependencies: [Depends(verifyKey)] })
  readItems() {
    return [{ item: 'Foo' }, { item: 'Bar' }];
  }
}
// #endregion verify

export const app = createApp({ controllers: [ItemsController] });
