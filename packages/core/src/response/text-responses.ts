import type { FastifyReply } from 'fastify';
import { BaseResponse } from './base-response';
import type { ResponseInit } from './response-init';

type Text = string | Buffer;

function checkText(content: unknown, cls: string): void {
  if (typeof content !== 'string' && !Buffer.isBuffer(content)) {
    throw new TypeError(`${cls} needs a string or a Buffer, not ${content === null ? 'null' : typeof content}`);
  }
}

/** A body of text as it is, `text/html; charset=utf-8`. */
export class HTMLResponse extends BaseResponse<Text> {
  static override readonly mediaType: string | undefined = 'text/html';

  constructor(content: Text, init?: ResponseInit) {
    checkText(content, 'HTMLResponse');
    super(content, init);
  }

  body(_reply: FastifyReply): unknown {
    return this.content;
  }
}

/** A body of text as it is, `text/plain; charset=utf-8`. */
export class PlainTextResponse extends BaseResponse<Text> {
  static override readonly mediaType: string | undefined = 'text/plain';

  constructor(content: Text, init?: ResponseInit) {
    checkText(content, 'PlainTextResponse');
    super(content, init);
  }

  body(_reply: FastifyReply): unknown {
    return this.content;
  }
}
