import { connect } from 'node:net';

/** The first response read off a raw connection. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Whether the server closed the connection after it. */
  readonly closed: boolean;
  /** `JSON.parse` of the body, or `undefined` when it is not JSON. */
  readonly json: unknown;
}

function parse(raw: Buffer, closed: boolean): RawResponse | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
  const rest = raw.subarray(end + 4);
  if (length === undefined ? !closed : rest.length < length) return undefined;
  const body = rest.subarray(0, length).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status, headers, body, closed, json };
}

/**
 * Sends `request` (bytes, exactly as given) on a new TCP connection to the
 * port and resolves with the first response, once it is complete (by its
 * Content-Length, or the connection closing). Fails with a message after
 * `ms`, so a server that never answers fails the test instead of timing it out.
 */
export function exchange(port: number, request: string | Buffer, ms = 3000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    let settled = false;
    const finish = (closed: boolean): void => {
      const response = parse(Buffer.concat(chunks), closed);
      if (settled || (!response && !closed)) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (response) resolve(response);
      else reject(new Error(`the server closed the connection without an answer to ${JSON.stringify(String(request).slice(0, 80))}`));
    };
    const timer = setTimeout(() => {
      settled = true;
      socket.destroy();
      reject(new Error(`no answer within ${ms} ms to ${JSON.stringify(String(request).slice(0, 80))}`));
    }, ms);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
    socket.write(request);
  });
}

/** A request's bytes: the request line, `Host: test`, the headers, and a body with its Content-Length. */
export function httpRequest(method: string, path: string, headers: Record<string, string> = {}, body: string | Buffer = ''): Buffer {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: test', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  if (payload.length > 0 || method === 'POST' || method === 'PUT' || method === 'PATCH') lines.push(`Content-Length: ${payload.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}
