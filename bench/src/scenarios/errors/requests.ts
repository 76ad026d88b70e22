import { invalidItems, postItem } from '../body/requests';
import { search } from '../query/requests';
import type { Scenario } from '../scenario';

export const errors: Scenario = {
  name: 'errors',
  description: 'the same endpoints with invalid input (422) and with no token (401), in turn',
  load: [
    { ...postItem(invalidItems.negativePrice, 'negativePrice'), status: 422 },
    { ...search('q=widget&page=0'), status: 422 },
    { method: 'GET', path: '/items/', status: 401 },
    { method: 'GET', path: '/users/me', status: 401 },
  ],
  checks: [],
};
