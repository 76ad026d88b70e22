import { Controller, Get, Module, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

class SearchQuery {
  @IsString() @MinLength(3) @MaxLength(50) q!: string;
  @Type(() => Number) @IsInt() @Min(1) page = 1;
  @Type(() => Number) @IsInt() @Min(1) @Max(100) size = 10;
  @IsIn(['name', 'price', 'date']) sort = 'name';
  @Matches(/^[a-z]{2}$/) lang = 'en';
}

@Controller()
class QueryController {
  @Get('search')
  search(@Query() { q, page, size, sort, lang }: SearchQuery) {
    return { q, page, size, sort, lang };
  }
}

@Module({ controllers: [QueryController] })
export class QueryModule {}
