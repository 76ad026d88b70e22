import { basename, dirname, resolve } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SendResult } from '@fastify/send';
import { BaseResponse } from './base-response';
import type { ResponseInit } from './response-init';

export interface FileResponseInit extends ResponseInit {
  /** Sent as `Content-Disposition: attachment; filename=...`, so browsers save the file under this name. */
  filename?: string;
  /** `inline` to show the file in the browser under `filename`; default `attachment`. */
  contentDisposition?: 'attachment' | 'inline';
}

/**
 * A file from disk, sent by @fastify/send (Fastify's own file sender, what
 * @fastify/static uses): `Content-Type` from the file's name, `ETag` and
 * `Last-Modified`, conditional requests (`304`) and ranges (`206`). A file
 * that does not exist is the application's error, a 500, as in FastAPI.
 */
export class FileResponse extends BaseResponse<string> {
  readonly filename: string | undefined;
  readonly disposition: 'attachment' | 'inline';
  private sent: SendResult | undefined;

  constructor(path: string, init: FileResponseInit = {}) {
    if (typeof path !== 'string') throw new TypeError(`FileResponse needs the file's path as a string, not ${typeof path}`);
    super(path, init);
    this.filename = init.filename;
    this.disposition = init.contentDisposition ?? 'attachment';
  }

  override async ready(request: FastifyRequest): Promise<this> {
    // Loaded on first use: apps that send no file never load it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, to keep start-up short
    const send = require('@fastify/send') as typeof import('@fastify/send');
    const path = resolve(this.content);
    const result = await send(request.raw, `/${encodeURIComponent(basename(path))}`, { root: dirname(path), dotfiles: 'allow', index: false, cacheControl: false });
    if (result.type === 'error' && result.statusCode >= 500) throw result.metadata.error;
    if (result.type !== 'file' && result.statusCode === 404) {
      throw new Error(`FileResponse: the file ${path} does not exist`, { cause: result.type === 'error' ? result.metadata.error : undefined });
    }
    this.sent = result;
    return this;
  }

  body(reply: FastifyReply): unknown {
    const sent = this.sent!;
    // A conditional or partial answer (304, 206, 412, 416) replaces a plain 200.
    if (sent.statusCode !== 200 && reply.statusCode === 200) reply.code(sent.statusCode);
    for (const [name, value] of Object.entries(sent.headers)) if (!reply.hasHeader(name)) reply.header(name, value);
    if (this.mediaType !== undefined) reply.header('content-type', this.mediaType);
    if (this.filename !== undefined) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, with @fastify/send
      const contentDisposition = require('content-disposition') as typeof import('content-disposition');
      reply.header('content-disposition', contentDisposition(this.filename, { type: this.disposition }));
    }
    return sent.stream;
  }
}
