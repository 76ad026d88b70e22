import 'reflect-metadata';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Controller, Cookie, createApp, Field, Get, Header, Query } from '@deft/core';

// #region query-model
class FilterParams {
  @Field({ description: 'How many items at most' }) @IsInt() @Min(1) @Max(100) limit = 100;
  @IsInt() @Min(0) offset = 0;
  @IsIn(['created_at', 'updated_at']) order_by = 'created_at';
  @IsString({ each: true }) tags: string[] = [];
}

@Controller()
class ItemsController {
  @Get('/items/')
  readItems(@Query({ extra: 'forbid' }) filters: FilterParams) {
    return filters;
  }
}
// #endregion query-model

// #region header-cookie-models
class CommonHeaders {
  @IsString() host!: string;
  @IsBoolean() save_data!: boolean;
  @IsOptional() @IsString() if_modified_since?: string | null;
  @IsString({ each: true }) x_tag: string[] = [];
}

class Cookies {
  @IsString() session_id!: string;
  @IsOptional() @IsString() fatebook_tracker?: string | null;
}

@Controller()
class RequestInfoController {
  @Get('/headers/')
  readHeaders(@Header() headers: CommonHeaders) {
    return headers;
  }

  @Get('/cookies/')
  readCookies(@Cookie({ extra: 'forbid' }) cookies: Cookies) {
    return cookies;
  }
}
// #endregion header-cookie-models

export const app = createApp({ controllers: [ItemsController, RequestInfoController] });
