import type { RawData, WebSocket as WsSocket } from 'ws';
import { closeReason, WS_1000_NORMAL_CLOSURE } from './close-codes';
import { WebSocketDisconnect } from './websocket-disconnect';

/** A message as it arrived: text, or bytes. */
export type WebSocketMessage = string | Buffer;

/** How a WebSocket closed. */
export interface WebSocketClose {
  readonly code: number;
  readonly reason: string;
  /** Whether this side closed it (`close()`, or the app shutting down). */
  readonly byServer: boolean;
}

/** Messages read ahead of the handler before the socket stops reading (the client then waits: backpressure). */
const READ_AHEAD = 16;

/**
 * Bytes a connection may hold unsent before a send waits for the network
 * (64 KiB, the high-water mark of the websockets library FastAPI's uvicorn
 * runs on): below it a send resolves as soon as its message is queued.
 */
const SEND_HIGH_WATER = 64 * 1024;

const SENT: Promise<void> = Promise.resolve();

/** Someone waiting for the next message: `receive()` (a message, or `WebSocketDisconnect`) or `for await` (an iteration result, or the end). */
interface Waiter {
  deliver(message: WebSocketMessage): void;
  end(close: WebSocketClose): void;
}

function toBuffer(data: RawData): Buffer {
  return Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/**
 * One WebSocket connection, as a WebSocket route's handler and its
 * dependencies see it (FastAPI's `WebSocket`): declare a parameter of this
 * type. It is open when the handler runs. Receive with `receiveText()`,
 * `receiveBytes()`, `receiveJson()` or `for await (const message of socket)`;
 * a receive after the connection closed throws `WebSocketDisconnect`. The
 * request that opened it (path, query, headers, cookies) is the route's
 * `ConnectionContext`.
 */
export class WebSocketConnection implements AsyncIterable<WebSocketMessage> {
  private socket: WsSocket | undefined;
  private readonly queue: WebSocketMessage[] = [];
  private readonly waiting: Waiter[] = [];
  private ended: WebSocketClose | undefined;
  private closingByServer = false;
  /** Whether the read-ahead is full and the socket stopped reading. */
  private paused = false;
  private settleClosed!: (close: WebSocketClose) => void;
  /** Settles once the connection has closed, either way. */
  readonly closed: Promise<WebSocketClose> = new Promise((resolve) => (this.settleClosed = resolve));

  /** Takes over the socket once the handshake is done. */
  attach(socket: WsSocket): void {
    this.socket = socket;
    socket.on('message', (data, isBinary) => this.arrived(isBinary ? toBuffer(data) : toBuffer(data).toString('utf8')));
    socket.once('close', (code, reason) => this.closedWith(code, reason.toString('utf8')));
  }

  /** The subprotocol the handshake chose (the first the client offered), or `''`. */
  get subprotocol(): string {
    return this.socket?.protocol ?? '';
  }

  /** Whether the connection is still open. */
  get open(): boolean {
    return this.ended === undefined && this.socket !== undefined && this.socket.readyState === this.socket.OPEN;
  }

  sendText(text: string): Promise<void> {
    return this.send(text, false);
  }

  sendBytes(bytes: Uint8Array): Promise<void> {
    return this.send(bytes, true);
  }

  sendJson(value: unknown): Promise<void> {
    return this.send(JSON.stringify(value ?? null) ?? 'null', false);
  }

  /** The next message, text or bytes. */
  receive(): Promise<WebSocketMessage> {
    const next = this.take();
    if (next !== undefined) return Promise.resolve(next);
    if (this.ended) return Promise.reject(new WebSocketDisconnect(this.ended.code, this.ended.reason));
    return new Promise((resolve, reject) =>
      this.waiting.push({ deliver: resolve, end: (close) => reject(new WebSocketDisconnect(close.code, close.reason)) }),
    );
  }

  async receiveText(): Promise<string> {
    const message = await this.receive();
    return typeof message === 'string' ? message : message.toString('utf8');
  }

  async receiveBytes(): Promise<Buffer> {
    const message = await this.receive();
    return typeof message === 'string' ? Buffer.from(message, 'utf8') : message;
  }

  async receiveJson<T = unknown>(): Promise<T> {
    return JSON.parse(await this.receiveText()) as T;
  }

  /** Closes the connection (1000 by default); resolves once it has closed. */
  close(code = WS_1000_NORMAL_CLOSURE, reason = ''): Promise<WebSocketClose> {
    if (!this.ended && this.socket) {
      this.closingByServer = true;
      this.socket.close(code, closeReason(reason));
    }
    return this.closed;
  }

  /** Drops the connection at once, without the closing handshake: the app's shutdown grace period is over. */
  terminate(): void {
    if (!this.ended && this.socket) {
      this.closingByServer = true;
      this.socket.terminate();
    }
  }

  /** Messages until the connection closes: each step settles with the next message itself, or with the end once it has closed. */
  [Symbol.asyncIterator](): AsyncIterator<WebSocketMessage> {
    const next = (): Promise<IteratorResult<WebSocketMessage>> => {
      const message = this.take();
      if (message !== undefined) return Promise.resolve({ value: message, done: false });
      if (this.ended) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) =>
        this.waiting.push({ deliver: (value) => resolve({ value, done: false }), end: () => resolve({ value: undefined, done: true }) }),
      );
    };
    return { next };
  }

  /**
   * Queues a message: resolves at once while the connection holds less than
   * SEND_HIGH_WATER unsent, else once this message has been written (a
   * client that does not read holds its sender up).
   */
  private send(data: string | Uint8Array, binary: boolean): Promise<void> {
    const socket = this.socket;
    if (!this.open || socket === undefined) return Promise.reject(new WebSocketDisconnect(this.ended?.code ?? 1006, this.ended?.reason ?? ''));
    if (socket.bufferedAmount < SEND_HIGH_WATER) {
      socket.send(data, { binary });
      return SENT;
    }
    return new Promise((resolve, reject) => socket.send(data, { binary }, (error) => (error ? reject(error) : resolve())));
  }

  /** The oldest message read ahead, if any; the socket reads again once the read-ahead has room. */
  private take(): WebSocketMessage | undefined {
    const next = this.queue.shift();
    if (this.paused && this.queue.length < READ_AHEAD) {
      this.paused = false;
      this.socket?.resume();
    }
    return next;
  }

  private arrived(message: WebSocketMessage): void {
    const waiter = this.waiting.shift();
    if (waiter) return waiter.deliver(message);
    this.queue.push(message);
    if (this.queue.length >= READ_AHEAD && !this.paused) {
      this.paused = true;
      this.socket?.pause();
    }
  }

  private closedWith(code: number, reason: string): void {
    this.ended = { code, reason, byServer: this.closingByServer };
    for (const waiter of this.waiting.splice(0)) waiter.end(this.ended);
    this.settleClosed(this.ended);
  }
}
