import type { Scenario } from '../scenario';

export const appScoped: Scenario = {
  name: 'app-scoped',
  description: 'GET /catalog/{sku}: a catalog made once for the app (an app-scoped dependency), read by every request',
  load: [{ method: 'GET', path: '/catalog/lamp-01', status: 200 }],
  checks: [
    { method: 'GET', path: '/catalog/desk-07' },
    { method: 'GET', path: '/catalog/none', label: 'unknown product' },
  ],
};
