import type { FastifyReply } from 'fastify';
import { toReadable, type StreamSource } from '../streaming/stream-source';
import { BaseResponse } from './base-response';

/**
 * A body streamed as the client reads it: from an async generator (or any
 * async iterable) of strings or bytes, a Node stream or a web
 * `ReadableStream`. As a route's `responseClass`, what the handler returns
 * (a generator handler's generator) is streamed as raw chunks.
 */
export class StreamingResponse extends BaseResponse<StreamSource> {
  static override readonly takesStreams: boolean = true;

  body(_reply: FastifyReply): unknown {
    return toReadable(this.content);
  }
}
