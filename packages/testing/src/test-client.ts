import type { DeftApp } from '@deft/core';
import { connectionPair } from './in-process-socket';
import { multipartBody, type FileField } from './multipart-body';
import { WebSocketDenied, WebSocketTestSession } from './websocket-session';

type QueryValue = string | number | boolean;

export interface RequestOptions {
  /** Request headers; an `undefined` value sends no such header. */
  headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Query parameters; an array repeats the key (`?tag=a&tag=b`). */
  query?: Readonly<Record<string, QueryValue | readonly QueryValue[]>>;
  /** A JSON body (sets `content-type: application/json`). */
  json?: unknown;
  /** Form fields: url-encoded, or multipart when `files` is given too. */
  form?: Readonly<Record<string, string | readonly string[]>>;
  /** Files, sent as `multipart/form-data`. */
  files?: Readonly<Record<string, FileField | readonly FileField[]>>;
  cookies?: Readonly<Record<string, string>>;
  /** A raw body, sent as it is (set its content type in `headers`). */
  body?: string | Buffer;
}

export interface WebSocketOptions {
  headers?: Readonly<Record<string, string>>;
  query?: RequestOptions['query'];
  cookies?: Readonly<Record<string, string>>;
  /** Offered in `Sec-WebSocket-Protocol` (the handshake picks the first). */
  subprotocols?: readonly string[];
}

export interface TestResponse {
  readonly status: number;
  /** Header names are lower case. */
  readonly headers: Readonly<Record<string, string | string[] | number | undefined>>;
  readonly text: string;
  readonly body: Buffer;
  json<T = unknown>(): T;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * How long the client waits for the connection under a closed WebSocket to
 * close (ws's `closeTimeout`, 30 s by default, missing from its types):
 * in-process, one end of the close handshake is left waiting, which would
 * keep a test process alive for the whole 30 s.
 */
const CLOSE_TIMEOUT = { closeTimeout: 100 } as object;

function cookieHeader(cookies: Readonly<Record<string, string>>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('; ');
}

function encodeBody(options: RequestOptions): { payload?: string | Buffer; contentType?: string } {
  if (options.files) return (({ body, contentType }) => ({ payload: body, contentType }))(multipartBody(options.form ?? {}, options.files));
  if (options.form) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const item of typeof value === 'string' ? [value] : value) params.append(key, item);
    }
    return { payload: params.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  if (options.json !== undefined) return { payload: JSON.stringify(options.json), contentType: 'application/json' };
  if (options.body !== undefined) return { payload: options.body };
  return {};
}

/**
 * Calls a Deft app in-process, through Fastify's `inject`: no socket, no port.
 *
 * ```ts
 * const client = new TestClient(app);
 * const res = await client.get('/items/', { headers: { Authorization: 'Bearer foobar' } });
 * // or, to stop the app's lifespan when the block ends:
 * await using client = await new TestClient(app).start();
 * expect(res.status).toBe(200);
 * expect(res.json()).toEqual({ token: 'foobar' });
 * ```
 */
export class TestClient {
  constructor(readonly app: DeftApp) {}

  /**
   * Starts the app: its lifespans, then its app-scoped dependencies (the first
   * request does so too, if this was not called). FastAPI's TestClient does it
   * when entered in a `with` block.
   */
  async start(): Promise<this> {
    await this.app.ready();
    return this;
  }

  /** Closes the app: waits for its requests, then stops its app-scoped dependencies and lifespans. */
  close(): Promise<void> {
    return this.app.close();
  }

  /** `await using client = await new TestClient(app).start()` closes the app when the block ends. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * Opens a WebSocket to one of the app's WebSocket routes, in-process, as
   * FastAPI's `client.websocket_connect()`. Rejects with `WebSocketDenied`
   * when the handshake is refused (a dependency raised).
   */
  async websocketConnect(path: string, options: WebSocketOptions = {}): Promise<WebSocketTestSession> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    if (options.cookies) headers.cookie = cookieHeader(options.cookies);
    await this.app.ready();
    const [serverEnd, clientEnd] = connectionPair();
    this.app.fastify.server.emit('connection', serverEnd);
    // Loaded on first use: tests of HTTP routes never load a WebSocket client.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load
    const { WebSocket } = require('ws') as typeof import('ws');
    const socket = new WebSocket(`ws://testserver${path}${queryString(options.query)}`, [...(options.subprotocols ?? [])], { headers, createConnection: () => clientEnd as never, ...CLOSE_TIMEOUT });
    // Listening from the start: the first message may come in the same chunk as the handshake's answer.
    const session = new WebSocketTestSession(socket, clientEnd);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += String(chunk)));
        response.on('end', () => {
          // The refused connection would stay open (kept alive): close it, as a browser does after a failed handshake.
          clientEnd.destroy();
          reject(new WebSocketDenied(response.statusCode ?? 0, response.headers, body));
        });
      });
    });
    return session;
  }

  async request(method: Method, path: string, options: RequestOptions = {}): Promise<TestResponse> {
    const { payload, contentType } = encodeBody(options);
    const headers: Record<string, string | string[]> = {};
    if (contentType) headers['content-type'] = contentType;
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value !== undefined) headers[name.toLowerCase()] = typeof value === 'string' ? value : [...value];
    }
    if (options.cookies) headers.cookie = cookieHeader(options.cookies);
    const response = await this.app.inject({ method, url: path + queryString(options.query), headers, ...(payload === undefined ? {} : { payload }) });
    return {
      status: response.statusCode,
      headers: response.headers,
      text: response.body,
      body: response.rawPayload,
      json: <T>() => JSON.parse(response.body) as T,
    };
  }

  get(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('GET', path, options);
  }

  post(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('POST', path, options);
  }

  put(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('PUT', path, options);
  }

  patch(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('PATCH', path, options);
  }

  delete(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('DELETE', path, options);
  }

  head(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('HEAD', path, options);
  }

  options(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('OPTIONS', path, options);
  }
}
