import 'reflect-metadata';
import fc from 'fast-check';
import { expectNormalAnswer, serveEveryParamApp } from '../support/every-param-app';
import { exchange, httpRequest, type RawResponse } from '../support/raw-socket';

/** Names the routes read, and a few they do not. */
const QUERY_NAMES = ['q', 'limit', 'tag', 'flag', 'dry', 'other', '__proto__', 'constructor', ''];
const EDGE_VALUES = ['', '-0', '1e999', '9007199254740993', 'NaN', 'true', 'on', 'null', '[]', '{}', '%', '%zz', '%00', '\u0000', '\uffff', '\ud800'];
const CONTENT_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=deftboundary',
  'multipart/form-data',
  'text/plain',
  'application/octet-stream',
  'application/json; charset=latin1',
];

/** Percent-encodes a string's UTF-8 bytes but the unreserved ones (a lone surrogate, which encodeURIComponent refuses, becomes U+FFFD's). */
function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`)).join('');
}

/** A value as a client might put it in a URL: percent-encoded, or raw (Node's parser may refuse it, which is a 4xx too). */
const urlValue = fc.oneof(
  fc.string().map(encode),
  fc.string({ unit: 'binary', maxLength: 20 }).map(encode),
  fc.constantFrom(...EDGE_VALUES).map(encode),
  fc.stringMatching(/^[\x21-\x7e]{0,12}$/),
  fc.integer().map(String),
  fc.double().map(String),
);
const queryString = fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), urlValue), { maxLength: 8 }).map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('&'));
const body = fc.oneof(
  fc.json().map((text) => Buffer.from(text)),
  fc.jsonValue().map((value) => Buffer.from(JSON.stringify({ name: value, price: value, tags: value }) ?? 'null')),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ maxLength: 200 }).map((text) => Buffer.from(text)),
  fc.dictionary(fc.constantFrom('username', 'password', 'scope', 'file', 'note', '__proto__'), fc.string(), { maxKeys: 5 }).map((fields) => Buffer.from(new URLSearchParams(fields).toString())),
);

function answeredWell(res: RawResponse): boolean {
  // A path value ending in a slash is redirected to the path without it, as FastAPI's redirect_slashes does: no body.
  if (res.status === 307) return typeof res.headers.location === 'string';
  if (res.status >= 500 || !/^application\/json/.test(res.headers['content-type'] ?? '')) return false;
  return res.status < 400 || (typeof res.json === 'object' && res.json !== null && 'detail' in res.json);
}

/**
 * Random query strings, paths and bodies, on raw connections, to the routes
 * of an app with every parameter kind: each is answered with JSON, a 2xx or
 * a 4xx with a `detail`, never a 5xx; the server answers normally after.
 */
describe('random input never gets a 5xx', () => {
  const portOf = serveEveryParamApp();
  afterEach(() => expectNormalAnswer(portOf()));

  it('query strings and path values of the GET route (path, query, header, cookie parameters)', async () => {
    await fc.assert(
      fc.asyncProperty(urlValue, queryString, fc.string({ unit: 'binary-ascii', maxLength: 30 }), async (id, query, cookie) => {
        const headers = { 'X-Count': cookie.replace(/[\r\n\0]/g, ''), Cookie: `session=${encode(cookie)}` };
        const res = await exchange(portOf(), httpRequest('GET', `/items/${id}?${query}`, headers));
        expect({ status: res.status, body: res.body.slice(0, 200), well: answeredWell(res) }).toMatchObject({ well: true });
      }),
      { numRuns: 200 },
    );
  });

  it('bodies of any content type to the JSON, form and multipart routes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/items/1', '/login', '/upload'), fc.constantFrom(...CONTENT_TYPES), body, queryString, async (path, type, payload, query) => {
        const res = await exchange(portOf(), httpRequest('POST', `${path}?${query}`, { 'Content-Type': type }, payload));
        expect({ status: res.status, body: res.body.slice(0, 200), well: answeredWell(res) }).toMatchObject({ well: true });
      }),
      { numRuns: 300 },
    );
  });
});
