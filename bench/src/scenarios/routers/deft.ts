import { Controller, defineDependency, Depends, Get, Header, HTTPException, Path, Query, Router } from '@deft/core';
import { PARTNER_TOKEN, SHOP_ITEMS, SHOP_TOKEN } from './items';

const verifyShopToken = defineDependency({ token: Header('x-token') }, ({ token }) => {
  if (token !== SHOP_TOKEN) throw new HTTPException(400, 'X-Token header invalid');
});

const verifyPartner = defineDependency({ token: Query('token') }, ({ token }) => {
  if (token !== PARTNER_TOKEN) throw new HTTPException(400, 'No Jessica token provided');
});

@Controller()
class ShopItemsController {
  @Get('/{item_id}')
  readItem(@Path('item_id') itemId: string) {
    const item = SHOP_ITEMS[itemId];
    if (item === undefined) throw new HTTPException(404, 'Item not found');
    return { item_id: itemId, name: item.name };
  }
}

@Router({ prefix: '/items', dependencies: [Depends(verifyPartner)], controllers: [ShopItemsController] })
class ShopItemsRouter {}

/** The outer router: its dependency runs first, then the inner router's. */
@Router({ prefix: '/shop', dependencies: [Depends(verifyShopToken)], routers: [ShopItemsRouter] })
export class ShopRouter {}
