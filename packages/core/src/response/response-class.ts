import type { BaseResponse } from './base-response';
import type { ResponseCompileOptions } from './compile-options';
import type { ResponseContent } from './compiled-response';

/** A response class (the static side of a `BaseResponse` subclass), as a route's `responseClass` or the app's `defaultResponseClass` names it. */
export interface ResponseClass {
  readonly name: string;
  readonly mediaType: string | undefined;
  readonly defaultStatus: number;
  readonly takesStreams: boolean;
  readonly prototype: BaseResponse;
  fromResult(result: unknown, writeItem: (item: unknown) => string): BaseResponse;
  openapi(options: ResponseCompileOptions): ResponseContent;
}
