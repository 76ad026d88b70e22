import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ResponseCompileOptions } from './compile-options';
import type { ResponseContent } from './compiled-response';
import { withCharset, type ResponseInit } from './response-init';

/**
 * A response a handler can return as it is, or that a route's `responseClass`
 * makes from what the handler returns (FastAPI's `Response` classes). Each
 * subclass says how its content becomes a body (`body`); the status and the
 * headers are set before it is called.
 */
export abstract class BaseResponse<C = unknown> {
  /** The `Content-Type` of the class; `undefined`: none of its own (a file's comes from its name). */
  static readonly mediaType: string | undefined = undefined;
  /** The status when neither the route nor the instance gives one. */
  static readonly defaultStatus: number = 200;
  /** Whether its content is a stream (then a stream the handler returns is its content, not a response of its own). */
  static readonly takesStreams: boolean = false;

  /** The instance a route of this class makes of what its handler returned. */
  static fromResult(result: unknown, _writeItem: (item: unknown) => string): BaseResponse {
    return new (this as unknown as new (content: unknown) => BaseResponse)(result);
  }

  /** How a route of this class documents its success response: text as a string, a class without a media type not at all (as FastAPI). */
  static openapi(_options: ResponseCompileOptions): ResponseContent {
    return this.mediaType === undefined ? { mediaType: undefined } : { mediaType: this.mediaType, schema: { type: 'string' } };
  }

  readonly content: C;
  readonly status: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly mediaType: string | undefined;

  constructor(content: C, init: ResponseInit = {}) {
    this.content = content;
    this.status = init.status;
    this.headers = init.headers ?? {};
    const type = init.mediaType ?? (this.constructor as typeof BaseResponse).mediaType;
    this.mediaType = type === undefined ? undefined : withCharset(type);
  }

  /**
   * Gets the body ready before anything is sent (a file is looked up here): a
   * failure is the request's error, answered with a 500. Returns itself, or a
   * promise of itself.
   */
  ready(_request: FastifyRequest): this | Promise<this> {
    return this;
  }

  /** What `reply.send` sends: text, bytes, a stream, or nothing. Headers may be set on `reply` here. */
  abstract body(reply: FastifyReply): unknown;
}
