import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { requestErrorCodes, type RequestErrorCode } from '../errors/error-codes';

function body(detail: string): string {
  return JSON.stringify({ detail });
}

/** Answers a request Deft refuses before Fastify sees it, and ends its connection. */
export function refuse(res: ServerResponse, code: RequestErrorCode, detail: string): void {
  const text = body(detail);
  res.writeHead(requestErrorCodes[code].status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    connection: 'close',
  });
  res.end(text);
}

/**
 * Answers on a bare socket, where Node's HTTP parser gave up before there was
 * a request to answer (malformed, too large, too slow), then closes it once
 * the answer is written. Nothing is written over a response already begun.
 */
export function refuseOnSocket(socket: Socket, code: RequestErrorCode, detail: string): void {
  const inProgress = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (!socket.writable || inProgress?.headersSent) {
    socket.destroy();
    return;
  }
  const status = requestErrorCodes[code].status;
  const text = body(detail);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
    () => socket.destroy(),
  );
}
