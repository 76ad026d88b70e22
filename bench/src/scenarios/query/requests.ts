import type { Scenario } from '../scenario';

const search = (query: string) => ({ method: 'GET' as const, path: `/search?${query}` });

export const query: Scenario = {
  name: 'query',
  description: 'GET /search with five typed, constrained query parameters',
  load: [{ ...search('q=widget&page=2&size=20&sort=price&lang=en'), status: 200 }],
  checks: [
    search('q=widget'),
    search('q=widget&page=0'),
    search('q=widget&size=101'),
    search('q=widget&sort=colour'),
    search('q=widget&lang=EN'),
    search('q=ab'),
    search('page=2'),
    search('q=widget&page=two'),
  ],
};

export { search };
