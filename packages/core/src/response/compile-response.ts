import type { ResponseCompileOptions } from './compile-options';
import type { CompiledResponse } from './compiled-response';
import { compileClassResponse } from './class-response';
import { compileJsonResponse, JSONResponse } from './json-response';
import type { ResponseClass } from './response-class';
import { compileResponseWriter } from './response-filter';

const writeJson = (value: unknown): string => JSON.stringify(value ?? null) ?? 'null';

/** Compiles a route's response for its response class (JSON when none is given). */
export function compileResponse(cls: ResponseClass | undefined, options: ResponseCompileOptions): CompiledResponse {
  if (cls === undefined || cls === JSONResponse || cls.prototype instanceof JSONResponse) return compileJsonResponse(options);
  const writeItem = options.responseModel === undefined ? writeJson : compileResponseWriter(options.responseModel, options.where, options.output);
  return compileClassResponse(cls, options, writeItem);
}
