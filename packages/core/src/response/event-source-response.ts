import type { FastifyReply } from 'fastify';
import { encodeEventItem, KEEP_ALIVE_COMMENT } from '../streaming/sse-format';
import { toReadable } from '../streaming/stream-source';
import { BaseResponse } from './base-response';
import type { ResponseCompileOptions } from './compile-options';
import type { ResponseContent } from './compiled-response';
import type { ResponseInit } from './response-init';

const writeJsonData = (data: unknown): string => JSON.stringify(data) ?? 'null';

/**
 * Server-sent events (`text/event-stream`), as FastAPI's
 * `EventSourceResponse`: each item of the handler's async generator is an
 * event, a `ServerSentEvent` as it says or any other value as the JSON
 * `data` of a message. While the generator is quiet for `pingIntervalMs`
 * (15 s, FastAPI's), a `: ping` comment keeps proxies from closing the
 * connection; `Cache-Control: no-cache` and `X-Accel-Buffering: no` keep
 * them from holding events back. Subclass it to change the interval.
 */
export class EventSourceResponse extends BaseResponse<AsyncIterable<unknown>> {
  static override readonly mediaType: string | undefined = 'text/event-stream';
  static readonly pingIntervalMs: number = 15_000;
  static override readonly takesStreams: boolean = true;

  static override fromResult(result: unknown, writeItem: (item: unknown) => string): BaseResponse {
    const response = new this(result as AsyncIterable<unknown>, undefined, writeItem);
    response.dataIsJson = true; // the route's own JSON writer: its text is one line
    return response;
  }

  static override openapi(options: ResponseCompileOptions): ResponseContent {
    return { mediaType: 'text/event-stream', stream: 'sse', model: options.responseModel };
  }
  /** How each event's `data` is written: JSON, through the route's response model when it has one. */
  private readonly writeData: (data: unknown) => string;
  /** Whether `writeData` is known to write JSON, which has no line breaks to split into `data:` lines (one given to the constructor is checked). */
  private dataIsJson: boolean;

  constructor(events: AsyncIterable<unknown>, init?: ResponseInit, writeData?: (data: unknown) => string) {
    super(events, init);
    this.writeData = writeData ?? writeJsonData;
    this.dataIsJson = writeData === undefined;
  }

  body(reply: FastifyReply): unknown {
    reply.header('cache-control', 'no-cache');
    reply.header('x-accel-buffering', 'no');
    const interval = (this.constructor as typeof EventSourceResponse).pingIntervalMs;
    const { writeData, dataIsJson } = this;
    return toReadable(this.content, (item) => encodeEventItem(item, writeData, dataIsJson), { intervalMs: interval, chunk: KEEP_ALIVE_COMMENT });
  }
}
