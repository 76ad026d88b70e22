import type { FastifyReply } from 'fastify';
import { BaseResponse } from './base-response';
import type { ResponseInit } from './response-init';

/** What Starlette leaves unquoted in a redirect's URL (besides letters, digits and `_.-~`). */
const UNSAFE = /[^A-Za-z0-9_.\-~:/%#?=@[\]!$&'()*+,;]/gu;

/**
 * A redirect to `url`: `307 Temporary Redirect` by default (the method and
 * body are kept; give `status: 302` or `303` for a GET afterwards), with an
 * empty body and the URL in `Location`, percent-encoded as Starlette does.
 */
export class RedirectResponse extends BaseResponse<string> {
  static override readonly defaultStatus: number = 307;

  constructor(url: string, init?: Omit<ResponseInit, 'mediaType'>) {
    if (typeof url !== 'string') throw new TypeError(`RedirectResponse needs the URL as a string, not ${typeof url}`);
    super(url, init);
  }

  body(reply: FastifyReply): unknown {
    reply.header('location', this.content.replace(UNSAFE, (c) => encodeURIComponent(c)));
    reply.header('content-length', '0');
    return undefined;
  }
}
