import { Duplex } from 'node:stream';

/**
 * Two ends of an in-memory connection: what one end writes, the other reads;
 * ending one ends the other's reading side, and destroying one destroys both,
 * as a closed TCP connection would. Each end closes once it has both ended
 * and finished, so a WebSocket's close handshake completes at once.
 */
export function connectionPair(): [Duplex, Duplex] {
  const ends: Duplex[] = [];
  const end = (other: () => Duplex): Duplex =>
    new Duplex({
      read() {},
      // Delivered on the next tick, as a socket delivers what arrives: a synchronous push lets a WebSocket
      // answer a close frame from inside its own close(), and ws then arms its 30 s close timer twice.
      write(chunk: Buffer, _encoding, callback) {
        process.nextTick(() => other().push(chunk));
        callback();
      },
      final(callback) {
        process.nextTick(() => other().push(null));
        callback();
      },
      destroy(error, callback) {
        if (!other().destroyed) other().destroy();
        callback(error);
      },
    });
  ends.push(end(() => ends[1]!), end(() => ends[0]!));
  // What Node's HTTP server calls on a connection's socket.
  for (const socket of ends) Object.assign(socket, { remoteAddress: '127.0.0.1', remotePort: 0, setTimeout() {}, setNoDelay() {}, setKeepAlive() {} });
  return [ends[0]!, ends[1]!];
}
