import type { RequestFrame } from '../context/request-frame';
import type { ResponseModel } from '../metadata/records';

/** How a route's success response is documented: its media type and what describes its body. */
export interface ResponseContent {
  readonly mediaType: string;
  /** The response model, documented as its component schema. */
  readonly model?: ResponseModel;
  /** A schema given as it is (when there is no model); none: `{}`. */
  readonly schema?: Readonly<Record<string, unknown>>;
}

/**
 * How one route answers, compiled once at start-up: how a handler's result is
 * turned into a body (`prepare`, which may throw: a result that cannot be
 * written is the request's error, seen by its teardowns like any other), how
 * that body is written (`send`), and how the response is documented
 * (`document`). JSON is the default.
 */
export interface CompiledResponse {
  /** The route's `statusCode`, unless the handler sets another through `RequestContext`. */
  readonly statusCode: number;
  prepare(result: unknown, frame: RequestFrame): unknown;
  send(prepared: unknown, frame: RequestFrame): void;
  document(): ResponseContent;
}

/** What `prepare` returns when the handler answered through the reply itself. */
export const ALREADY_SENT = Symbol('deft.alreadySent');
