/** The fields of one server-sent event; `data` is written as JSON, `rawData` as it is. */
export interface ServerSentEventInit {
  /** Any JSON value, always written as JSON (a string gets its quotes). */
  data?: unknown;
  /** Text written as it is (HTML, CSV): instead of `data`. */
  rawData?: string;
  /** The event type (`addEventListener(type, ...)`); default: `message`. */
  event?: string;
  /** The event's id, sent back by a reconnecting browser as `Last-Event-ID`. */
  id?: string;
  /** How long a browser waits before reconnecting, in milliseconds. */
  retry?: number;
  /** A comment line: ignored by `EventSource`, useful to keep a connection alive. */
  comment?: string;
}

const LINE_BREAK = /[\r\n]/;
const ID_BREAK = /[\r\n\0]/;

function singleLine(value: string | undefined, field: string): void {
  if (value !== undefined && LINE_BREAK.test(value)) throw new TypeError(`A server-sent event's ${field} must be a single line`);
}

/**
 * One event of an `EventSourceResponse` stream, as FastAPI's
 * `ServerSentEvent`: yield it to set the event's type, id, retry or a
 * comment; a plain value yielded instead is sent as the `data` of a
 * `message` event.
 */
export class ServerSentEvent {
  readonly data: unknown;
  readonly rawData: string | undefined;
  readonly event: string | undefined;
  readonly id: string | undefined;
  readonly retry: number | undefined;
  readonly comment: string | undefined;

  constructor(init: ServerSentEventInit) {
    if (init.data !== undefined && init.rawData !== undefined) throw new TypeError("A server-sent event has either data (written as JSON) or rawData (as it is), not both");
    singleLine(init.event, 'event');
    if (init.id !== undefined && ID_BREAK.test(init.id)) {
      singleLine(init.id, 'id');
      throw new TypeError("A server-sent event's id must not contain a null character");
    }
    if (init.retry !== undefined && !(Number.isInteger(init.retry) && init.retry >= 0)) throw new TypeError("A server-sent event's retry is a whole number of milliseconds, 0 or more");
    this.data = init.data;
    this.rawData = init.rawData;
    this.event = init.event;
    this.id = init.id;
    this.retry = init.retry;
    this.comment = init.comment;
  }
}
