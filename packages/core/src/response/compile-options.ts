import type { ResponseModel } from '../metadata/records';
import type { ModelOutputOptions } from './model-output-options';

/** What a route gives its response class to compile against. */
export interface ResponseCompileOptions {
  /** The route's `statusCode` option; `undefined`: the class's default status. */
  readonly statusCode: number | undefined;
  readonly responseModel: ResponseModel | undefined;
  /** How the model writes the result (`responseModelExcludeUnset`, ...). */
  readonly output: ModelOutputOptions;
  /** Whether the handler is a generator function: its result is a stream of items, documented as one. */
  readonly streams: boolean;
  /** Names the route in start-up errors. */
  readonly where: string;
}
