/**
 * Raised by a receive on a WebSocket that has closed (FastAPI's
 * `WebSocketDisconnect`): `code` is the close code (1000 normal, 1001 going
 * away, 1006 the connection dropped without a close frame). A handler that
 * lets it escape has simply ended with the connection.
 */
export class WebSocketDisconnect extends Error {
  readonly code: number;
  readonly reason: string;

  constructor(code = 1000, reason = '') {
    super(`The WebSocket closed with code ${code}${reason ? `: ${reason}` : ''}`);
    this.name = 'WebSocketDisconnect';
    this.code = code;
    this.reason = reason;
  }
}
