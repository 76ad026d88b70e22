import type { Scenario } from '../scenario';

export const hello: Scenario = {
  name: 'hello',
  description: 'GET /hello → {"hello":"world"}',
  load: [{ method: 'GET', path: '/hello', status: 200 }],
  checks: [],
};
