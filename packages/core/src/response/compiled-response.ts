import type { RequestFrame } from '../context/request-frame';
import type { ResponseModel } from '../metadata/records';

/** How a route's success response is documented: its media type and what describes its body. */
export interface ResponseContent {
  /** `undefined`: the body is not described (a file, a redirect, raw bytes), as FastAPI leaves it. */
  readonly mediaType: string | undefined;
  /** The response model, documented as its component schema (of each item, for a stream). */
  readonly model?: ResponseModel;
  /** A schema given as it is (when there is no model); none: `{}`. */
  readonly schema?: Readonly<Record<string, unknown>>;
  /** A stream of items (JSON Lines, server-sent events): documented with `itemSchema`, as FastAPI does. */
  readonly stream?: 'jsonl' | 'sse';
}

/**
 * How one route answers, compiled once at start-up: how a handler's result is
 * turned into a body (`prepare`, which may throw, or return a promise that
 * rejects: a result that cannot be written is the request's error, seen by
 * its teardowns like any other), how that body is written (`send`), and how
 * the response is documented (`document`). JSON is the default; each
 * response class compiles its own.
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
