import type { Scenario } from '../scenario';

const TOKEN = { 'x-token': 'fake-super-secret-token' };

export const routers: Scenario = {
  name: 'routers',
  description: 'GET /shop/items/{item_id}: a router in a router, each with a dependency (a header, then a query token)',
  load: [{ method: 'GET', path: '/shop/items/plumbus?token=jessica', headers: TOKEN, status: 200 }],
  checks: [
    { method: 'GET', path: '/shop/items/gun?token=jessica', headers: TOKEN },
    { method: 'GET', path: '/shop/items/nothing?token=jessica', headers: TOKEN, label: 'unknown item' },
    { method: 'GET', path: '/shop/items/plumbus?token=jessica', headers: { 'x-token': 'wrong' }, label: 'wrong header' },
    { method: 'GET', path: '/shop/items/plumbus?token=rick', headers: TOKEN, label: 'wrong query token' },
    { method: 'GET', path: '/shop/items/plumbus', headers: TOKEN, label: 'no query token' },
  ],
};
