import { Int, Query } from '@deft/core';

/**
 * `?limit=&offset=` with bounds, as a class dependency shared by every list
 * route: `@Depends() page: Pagination`. Out-of-range values answer 422.
 */
export class Pagination {
  constructor(
    @Query('limit', { type: Int, default: 20, ge: 1, le: 100, description: 'How many to return (1 to 100)' }) readonly limit: number,
    @Query('offset', { type: Int, default: 0, ge: 0, description: 'How many to skip' }) readonly offset: number,
  ) {}
}
