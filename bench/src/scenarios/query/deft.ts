import { Controller, Get, Int, Query } from '@deft/core';

@Controller()
export class QueryController {
  @Get('/search')
  search(
    @Query('q', { minLength: 3, maxLength: 50 }) q: string,
    @Query('page', { type: Int, default: 1, ge: 1 }) page: number,
    @Query('size', { type: Int, default: 10, ge: 1, le: 100 }) size: number,
    @Query('sort', { default: 'name', enum: ['name', 'price', 'date'] }) sort: string,
    @Query('lang', { default: 'en', pattern: '^[a-z]{2}$' }) lang: string,
  ) {
    return { q, page, size, sort, lang };
  }
}
