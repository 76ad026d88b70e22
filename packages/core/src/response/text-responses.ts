import type { FastifyReply } from 'fastify';
import { BaseResponse } from './base-response';
import type { ResponseInit } from './response-init';

type Text = string | Buffer;

/** A body of text sent as it is, under the class's media type. */
abstract class TextResponse extends BaseResponse<Text> {
  constructor(content: Text, init?: ResponseInit) {
    if (typeof content !== 'string' && !Buffer.isBuffer(content)) {
      throw new TypeError(`${new.target.name} needs a string or a Buffer, not ${content === null ? 'null' : typeof content}`);
    }
    super(content, init);
  }

  body(_reply: FastifyReply): unknown {
    return this.content;
  }
}

/** A body of text as it is, `text/html; charset=utf-8`. */
export class HTMLResponse extends TextResponse {
  static override readonly mediaType: string | undefined = 'text/html';
}

/** A body of text as it is, `text/plain; charset=utf-8`. */
export class PlainTextResponse extends TextResponse {
  static override readonly mediaType: string | undefined = 'text/plain';
}
