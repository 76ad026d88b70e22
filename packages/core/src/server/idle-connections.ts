import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { Server as TlsServer } from 'node:tls';

interface Traffic {
  read: number;
  written: number;
  /** When the byte counts last changed, as far as the sweeps have seen. */
  quietSince: number;
}

/**
 * How often the connections are swept: an eighth of the timeout, at most every
 * 15 s, so that a connection is closed at most a quarter of the timeout late.
 */
export function sweepInterval(idle: number): number {
  return Math.max(1, Math.min(15_000, Math.floor(idle / 8)));
}

/**
 * Closes every connection of `server` that has had no traffic either way for
 * `idle` ms (`onIdle` is given it to end). Node's own socket timeout
 * (`server.setTimeout`) re-arms a timer on every read and every write, about
 * a quarter of a microsecond per request; here nothing runs per request: one
 * timer sweeps the open connections and compares each one's byte counts with
 * what the last sweep saw. The timer runs only while there are connections,
 * and never keeps the process alive. A TLS server's connections are watched
 * once their handshake is done (Node's `handshakeTimeout` covers the rest),
 * so `onIdle` is given the socket its requests see. An upgraded connection
 * is no longer watched.
 */
export function closeIdleConnections(server: Server, idle: number, onIdle: (socket: Socket) => void): void {
  if (!(idle > 0) || !Number.isFinite(idle)) return;
  const watched = new Map<Socket, Traffic>();
  let timer: NodeJS.Timeout | undefined;

  const stop = (): void => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const sweep = (): void => {
    const now = performance.now();
    for (const [socket, seen] of watched) {
      const read = socket.bytesRead;
      const written = socket.bytesWritten;
      if (read !== seen.read || written !== seen.written) {
        seen.read = read;
        seen.written = written;
        seen.quietSince = now;
      } else if (now - seen.quietSince >= idle) {
        watched.delete(socket);
        onIdle(socket);
      }
    }
    if (watched.size === 0) stop();
  };

  server.on(server instanceof TlsServer ? 'secureConnection' : 'connection', (socket: Socket) => {
    watched.set(socket, { read: socket.bytesRead, written: socket.bytesWritten, quietSince: performance.now() });
    socket.once('close', () => watched.delete(socket));
    timer ??= setInterval(sweep, sweepInterval(idle)).unref();
  });
  // An upgraded connection (a WebSocket) is the protocol's own from then on, as it is with Node's socket timeout, which \`ws\` turns off.
  server.on('upgrade', (_request: unknown, socket: Socket) => watched.delete(socket));
  server.once('close', stop);
}
