import { WebSocketConnection } from '@deft/core';
import type { WebSocket as WsSocket } from 'ws';

/** The handshake was refused with an HTTP response (a dependency raised, e.g. a 401): FastAPI's `WebSocketDenialResponse`. */
export class WebSocketDenied extends Error {
  constructor(
    readonly status: number,
    readonly headers: Readonly<Record<string, string | string[] | undefined>>,
    /** The refusal's body as text (`{"detail":"Not authenticated"}`). */
    readonly text: string,
  ) {
    super(`The WebSocket handshake was refused with status ${status}: ${text}`);
    this.name = 'WebSocketDenied';
  }
}

/**
 * A test's side of an in-process WebSocket (FastAPI's `WebSocketTestSession`):
 * the same API as the server's `WebSocketConnection` (send and receive
 * text, bytes and JSON; a receive after the connection closed throws
 * `WebSocketDisconnect` with its code and reason; `closed` settles with how
 * it closed).
 */
export class WebSocketTestSession extends WebSocketConnection {
  constructor(socket: WsSocket, pipe: { destroy(): void }) {
    super();
    this.attach(socket);
    // The close handshake is over: end the connection under it, or ws waits for its 30 s close timer.
    socket.once('close', () => pipe.destroy());
  }
}
