import { json, type Scenario } from '../scenario';

/** A valid item: ten fields, one a nested object and one a list. Floats are never whole, so Python prints them as JS does. */
export const validItem = {
  name: 'Hammer',
  description: 'A claw hammer',
  price: 12.5,
  tax: 1.25,
  quantity: 3,
  in_stock: true,
  tags: ['hand-tools', 'steel'],
  dimensions: { width: 10.5, height: 30.25, depth: 3.5 },
  sku: 'HAM-0001',
  category: 'tools',
};

const post = (item: unknown, label = 'a valid item') => ({ method: 'POST' as const, path: '/items', ...json(item), label });

/** Each invalid item has exactly one problem (Fastify's ajv stops at the first error). */
export const invalidItems = {
  negativePrice: { ...validItem, price: -1 },
  missingName: { ...validItem, name: undefined },
  nestedWidth: { ...validItem, dimensions: { ...validItem.dimensions, width: -0.5 } },
  badCategory: { ...validItem, category: 'food' },
  badSku: { ...validItem, sku: 'ham-1' },
  quantityText: { ...validItem, quantity: 'three' },
};

export const body: Scenario = {
  name: 'body',
  description: 'POST /items: a 10-field DTO with a nested object and a list, validated, returned as created (201)',
  load: [{ ...post(validItem), status: 201 }],
  checks: Object.entries(invalidItems).map(([label, item]) => post(item, label)),
};

export { post as postItem };
