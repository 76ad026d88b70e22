/** The items every implementation of the routers scenario serves. */
export const SHOP_ITEMS: Readonly<Record<string, { readonly name: string }>> = { plumbus: { name: 'Plumbus' }, gun: { name: 'Portal Gun' } };
export const SHOP_TOKEN = 'fake-super-secret-token';
export const PARTNER_TOKEN = 'jessica';
