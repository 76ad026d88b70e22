import { Duplex } from 'node:stream';
import type { DeftApp } from '@deft/core';

/**
 * Sends a raw HTTP/1.1 request text to the app's server through an in-memory
 * socket (no port) and returns the raw response. For what `inject` cannot
 * express, such as a header repeated on several lines.
 */
export async function rawRequest(app: DeftApp, request: string): Promise<string> {
  await app.ready();
  return new Promise((resolve) => {
    let response = '';
    const socket = new Duplex({
      read() {},
      write(chunk, _encoding, callback) {
        response += String(chunk);
        callback();
      },
      final(callback) {
        resolve(response);
        callback();
      },
    });
    Object.assign(socket, { remoteAddress: '127.0.0.1', setTimeout() {}, setNoDelay() {}, setKeepAlive() {} });
    app.fastify.server.emit('connection', socket);
    socket.push(request);
  });
}
