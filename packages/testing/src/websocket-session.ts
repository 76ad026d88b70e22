import { WebSocketDisconnect } from '@deft/core';
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

type Message = string | Buffer;

/**
 * A test's side of an in-process WebSocket (FastAPI's `WebSocketTestSession`):
 * send and receive text, bytes and JSON. A receive after the server closed
 * the connection throws `WebSocketDisconnect` with its code and reason.
 */
export class WebSocketTestSession {
  private readonly queue: Message[] = [];
  private readonly waiting: { resolve: (message: Message) => void; reject: (error: unknown) => void }[] = [];
  private ended: WebSocketDisconnect | undefined;
  private settle!: (close: { code: number; reason: string }) => void;
  /** Settles once the connection has closed. */
  readonly closed: Promise<{ code: number; reason: string }> = new Promise((resolve) => (this.settle = resolve));

  constructor(
    private readonly socket: WsSocket,
    /** The client's end of the in-memory connection. */
    private readonly pipe?: { destroy(): void },
  ) {
    socket.on('message', (data, isBinary) => {
      const buffer = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      const message = isBinary ? buffer : buffer.toString('utf8');
      const waiter = this.waiting.shift();
      if (waiter) waiter.resolve(message);
      else this.queue.push(message);
    });
    socket.once('close', (code, reason) => {
      // The close handshake is over: end the connection under it, or ws waits for its 30 s close timer.
      this.pipe?.destroy();
      this.ended = new WebSocketDisconnect(code, reason.toString('utf8'));
      for (const waiter of this.waiting.splice(0)) waiter.reject(this.ended);
      this.settle({ code, reason: reason.toString('utf8') });
    });
  }

  sendText(text: string): void {
    this.socket.send(text);
  }

  sendBytes(bytes: Uint8Array): void {
    this.socket.send(bytes, { binary: true });
  }

  sendJson(value: unknown): void {
    this.socket.send(JSON.stringify(value));
  }

  receive(): Promise<Message> {
    const next = this.queue.shift();
    if (next !== undefined) return Promise.resolve(next);
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async receiveText(): Promise<string> {
    const message = await this.receive();
    return typeof message === 'string' ? message : message.toString('utf8');
  }

  async receiveBytes(): Promise<Buffer> {
    const message = await this.receive();
    return typeof message === 'string' ? Buffer.from(message) : message;
  }

  async receiveJson<T = unknown>(): Promise<T> {
    return JSON.parse(await this.receiveText()) as T;
  }

  /** The subprotocol the server chose. */
  get subprotocol(): string {
    return this.socket.protocol;
  }

  /** Closes the connection (1000 by default) and waits until it has closed. */
  close(code = 1000, reason = ''): Promise<{ code: number; reason: string }> {
    if (!this.ended) this.socket.close(code, reason);
    return this.closed;
  }
}
