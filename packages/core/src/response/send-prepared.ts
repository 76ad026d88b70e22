import { Readable } from 'node:stream';
import { APPLY_RESPONSE_CHANGES } from '../context/request-context';
import type { RequestFrame } from '../context/request-frame';
import { bodyAllowed } from '../http/status-body';
import { BaseResponse } from './base-response';
import { ALREADY_SENT } from './compiled-response';

/**
 * Sends what a response class prepared: the route's status, then what the
 * handler set through `RequestContext` (headers, cookies, status), then a
 * response instance's own status and headers and its body; bytes, streams
 * and web responses as Fastify sends them. A streamed body is tracked by the
 * request's frame, whose teardowns wait for it to close.
 */
export function sendPrepared(prepared: unknown, frame: RequestFrame, statusCode: number): void {
  if (prepared === ALREADY_SENT) return;
  const reply = frame.reply;
  reply.code(statusCode);
  if (frame.hasContext) frame.context[APPLY_RESPONSE_CHANGES]();
  let payload = prepared;
  if (prepared instanceof BaseResponse) {
    if (prepared.status !== undefined) reply.code(prepared.status);
    for (const name of Object.keys(prepared.headers)) reply.header(name, prepared.headers[name]);
    if (prepared.mediaType !== undefined && !reply.hasHeader('content-type')) reply.header('content-type', prepared.mediaType);
    payload = prepared.body(reply);
  }
  if (!bodyAllowed(reply.statusCode)) {
    if (payload instanceof Readable) payload.destroy();
    reply.send();
    return;
  }
  if (payload instanceof Readable) frame.trackBody(payload);
  reply.send(payload);
}
