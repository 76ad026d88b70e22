import type { FastifyReply } from 'fastify';
import { toReadable, type StreamSource } from '../streaming/stream-source';
import { BaseResponse } from './base-response';
import type { ResponseInit } from './response-init';

/**
 * A stream of JSON values, one per line (`application/jsonl`), as FastAPI
 * streams a generator handler's items when the route answers JSON.
 */
export class JsonLinesResponse extends BaseResponse<StreamSource> {
  static override readonly mediaType: string | undefined = 'application/jsonl';
  static override readonly takesStreams: boolean = true;
  private readonly writeItem: (item: unknown) => string;

  constructor(items: StreamSource, init?: ResponseInit, writeItem: (item: unknown) => string = (item) => JSON.stringify(item ?? null) ?? 'null') {
    super(items, init);
    this.writeItem = writeItem;
  }

  body(_reply: FastifyReply): unknown {
    return toReadable(this.content, (item) => `${this.writeItem(item)}\n`);
  }
}
