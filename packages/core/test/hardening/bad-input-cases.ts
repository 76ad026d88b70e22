/**
 * Malformed requests, as a hostile or broken client sends them, by what they
 * get wrong. Each is a request's raw bytes for the app of
 * `support/every-param-app.ts`; every one must be answered with a 4xx and a
 * JSON body. Tables, so a new kind of bad input is one line.
 */

export type BadInput = readonly [what: string, request: Buffer];

const CRLF = '\r\n';

function raw(head: string, body: string | Buffer = ''): Buffer {
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]);
}

/** A request with a body: its Content-Length is the body's. */
function withBody(method: string, path: string, contentType: string | undefined, body: string | Buffer, headers: readonly string[] = []): Buffer {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: test', ...(contentType === undefined ? [] : [`Content-Type: ${contentType}`]), ...headers, `Content-Length: ${payload.length}`];
  return raw(lines.join(CRLF) + CRLF + CRLF, payload);
}

function get(path: string, headers: readonly string[] = []): Buffer {
  return raw([`GET ${path} HTTP/1.1`, 'Host: test', ...headers].join(CRLF) + CRLF + CRLF);
}

const cases = (group: string, rows: readonly (readonly [string, Buffer])[]): BadInput[] => rows.map(([what, request]) => [`${group}: ${what}`, request] as const);

// --- the request line and methods -------------------------------------------------------------

const methods = cases('method', [
  ...['BREW', 'get', 'G ET', 'GET\x00', 'PRI', '', 'GÉT'].map((method) => [`${JSON.stringify(method)} (not a method)`, raw(`${method} /items/1 HTTP/1.1${CRLF}Host: test${CRLF}${CRLF}`)] as const),
  ...['PROPFIND', 'MKCOL', 'LOCK', 'PURGE', 'TRACE', 'DELETE', 'PUT', 'PATCH'].map((method) => [`${method} on a route without it`, withBody(method, '/items/1', undefined, '')] as const),
  ['GET on a POST-only route', get('/login')],
  ['CONNECT with a path', raw(`CONNECT /items/1 HTTP/1.1${CRLF}Host: test${CRLF}${CRLF}`)],
  ['a request line without a path', raw(`GET HTTP/1.1${CRLF}Host: test${CRLF}${CRLF}`)],
  ['HTTP/1.2', raw(`GET /items/1 HTTP/1.2${CRLF}Host: test${CRLF}${CRLF}`)],
  ['HTTP/3', raw(`GET /items/1 HTTP/3${CRLF}Host: test${CRLF}${CRLF}`)],
  ['a version in lower case', raw(`GET /items/1 http/1.1${CRLF}Host: test${CRLF}${CRLF}`)],
  ['no version (HTTP/0.9)', raw(`GET /items/1${CRLF}${CRLF}`)],
  ['a binary request line', raw(`\x16\x03\x01\x02\x00\x01\x00${CRLF}${CRLF}`)],
]);

// --- paths ------------------------------------------------------------------------------------

const paths = cases('path', [
  ...['abc', '1.5', '-', '1e3', '0x10', '99999999999999999999999', '9007199254740993', '%00', '%20', 'NaN', 'Infinity', '１'].map(
    (id) => [`item_id ${JSON.stringify(id)} (not an Int)`, get(`/items/${id}`)] as const,
  ),
  ...['/items/%zz', '/items/%', '/items/%E2%82', '/items/%C0%AF', '/%ff'].map((path) => [`${path} (bad percent-encoding)`, get(path)] as const),
  ...['/nowhere', '/items', '/items/1/extra', '/../../etc/passwd', '/items/1/..%2f..%2fetc', '/%2e%2e/%2e%2e', '/ITEMS/1', '/items/1;jsessionid=x'].map(
    (path) => [`${path} (no such route)`, get(path)] as const,
  ),
  ['a path with a raw space', raw(`GET /items/1 2 HTTP/1.1${CRLF}Host: test${CRLF}${CRLF}`)],
  ['a path with a raw control character', raw(`GET /items/\x01 HTTP/1.1${CRLF}Host: test${CRLF}${CRLF}`)],
  ['a path with raw bytes that are not UTF-8', raw(`GET /items/\xff\xfe HTTP/1.1${CRLF}Host: test${CRLF}${CRLF}`)],
  ['a path longer than limits.headerSize', get(`/items/${'1'.repeat(17 * 1024)}`)],
  ['an asterisk as the path', get('*')],
]);

// --- query strings ----------------------------------------------------------------------------

const BAD_INTS = ['abc', '-1', '101', '1.5', '1e2', '0x10', '9007199254740993', '99999999999999999999999', 'NaN', 'Infinity', '%zz', '%00', '+', '1%202', 'true', '[]'];
const BAD_BOOLEANS = ['maybe', '2', '-1', 'yess', 'tru', '%00', 'null', '[]'];

const queries = cases('query', [
  ...BAD_INTS.map((value) => [`limit=${value} (not an Int from 0 to 100)`, get(`/items/1?limit=${value}`)] as const),
  ...BAD_BOOLEANS.map((value) => [`flag=${value} (not a boolean)`, get(`/items/1?flag=${value}`)] as const),
  ['limit given twice, the last one bad', get('/items/1?limit=1&limit=x')],
  ['limit with a bad value among 1,000 other parameters', get(`/items/1?${Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join('&')}&limit=x`)],
  ['dry=maybe on a POST', withBody('POST', '/items/1?dry=maybe', 'application/json', '{"name":"a","price":1}')],
]);

// --- headers ----------------------------------------------------------------------------------

const headerLines = cases('header', [
  ...['X Bad: 1', 'Garbage', ': no name', 'X-Bad\x00: 1', 'X-Bad: a\x00b', 'X-Bad: a\rb', 'X-(bad): 1', '\tX-Folded: 1', 'X-Ok: 1\r\n continued', 'Content-Length: abc', 'Content-Length: -1', 'Content-Length: 1, 2', 'Content-Length: 0x10', 'Transfer-Encoding: gzip', 'Transfer-Encoding: chunked, gzip', 'Transfer-Encoding: chunk'].map(
    (line) => [JSON.stringify(line), raw(`GET /items/1 HTTP/1.1${CRLF}Host: test${CRLF}${line}${CRLF}${CRLF}`)] as const,
  ),
  ...['abc', '1.5', '99999999999999999999999', ''].map((value) => [`x-count: ${JSON.stringify(value)} (not an Int)`, get('/items/1', [`X-Count: ${value || ' '}`])] as const),
  ['two different Content-Lengths', raw(`POST /items/1 HTTP/1.1${CRLF}Host: test${CRLF}Content-Type: application/json${CRLF}Content-Length: 2${CRLF}Content-Length: 3${CRLF}${CRLF}{}`)],
  ['Content-Length with Transfer-Encoding', raw(`POST /items/1 HTTP/1.1${CRLF}Host: test${CRLF}Content-Length: 5${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}0${CRLF}${CRLF}`)],
  ['a chunk size that is not hex', raw(`POST /items/1 HTTP/1.1${CRLF}Host: test${CRLF}Content-Type: application/json${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}zz${CRLF}{}${CRLF}0${CRLF}${CRLF}`)],
  ['a chunk longer than its size', raw(`POST /items/1 HTTP/1.1${CRLF}Host: test${CRLF}Content-Type: application/json${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}1${CRLF}{}}${CRLF}0${CRLF}${CRLF}`)],
  ['a header block larger than limits.headerSize', get('/items/1', [`X-Big: ${'a'.repeat(17 * 1024)}`])],
  ['more headers than limits.headerCount', get('/items/1', Array.from({ length: 150 }, (_, i) => `X-H${i}: ${i}`))],
  ['two Host headers', raw(`GET /items/1 HTTP/1.1${CRLF}Host: a${CRLF}Host: b${CRLF}${CRLF}`)],
  ['no Host header', raw(`GET /items/1 HTTP/1.1${CRLF}${CRLF}`)],
  ['an Expect the server cannot meet', get('/items/1', ['Expect: teapot'])],
  ['a Content-Type that does not parse', withBody('POST', '/items/1', ';;;', '{}')],
  ['an unsupported Content-Type', withBody('POST', '/items/1', 'application/xml', '<item/>')],
  ['a Content-Type of an image', withBody('POST', '/items/1', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))],
]);

// --- JSON bodies ------------------------------------------------------------------------------

const JSON_BODIES: readonly (readonly [string, string | Buffer])[] = [
  ['empty', ''],
  ['an opening brace', '{'],
  ['a closing brace', '}'],
  ['a cut key', '{"name":'],
  ['a trailing comma', '{"name":"a","price":1,}'],
  ['single quotes', "{'name':'a','price':1}"],
  ['unquoted keys', '{name:"a",price:1}'],
  ['a comment', '{"name":"a",/* */"price":1}'],
  ['two documents', '{"name":"a","price":1}{"name":"b","price":2}'],
  ['NaN', '{"name":"a","price":NaN}'],
  ['Infinity', '{"name":"a","price":Infinity}'],
  ['a leading zero', '{"name":"a","price":01}'],
  ['a bad escape', '{"name":"\\x41","price":1}'],
  ['a cut unicode escape', '{"name":"\\u12","price":1}'],
  ['a raw control character in a string', '{"name":"a\u0001b","price":1}'],
  ['null', 'null'],
  ['a number', '42'],
  ['a string', '"item"'],
  ['an array', '[{"name":"a","price":1}]'],
  ['true', 'true'],
  ['a field of the wrong type', '{"name":123,"price":"abc"}'],
  ['a list that is not a list', '{"name":"a","price":1,"tags":"x"}'],
  ['a name too long', `{"name":"${'a'.repeat(51)}","price":1}`],
  ['a missing field', '{"name":"a"}'],
  ['__proto__ only', '{"__proto__":{"polluted":true}}'],
  ['constructor.prototype only', '{"constructor":{"prototype":{"polluted":true}}}'],
  ['10,000 levels of arrays', '['.repeat(10_000) + ']'.repeat(10_000)],
  ['100,000 unclosed arrays', '['.repeat(100_000)],
  ['10,000 levels of objects', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
  ['a body larger than limits.bodySize', `{"name":"a","price":1,"pad":"${'a'.repeat(1024 * 1024)}"}`],
  ['bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ['an overlong UTF-8 sequence', Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('","price":1}')])],
  ['a UTF-16 body', Buffer.from('{"name":"a","price":1}', 'utf16le')],
  ['a byte-order mark, then garbage', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{,}')])],
  ['random bytes', Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256))],
];

const jsonBodies = cases('JSON body', JSON_BODIES.map(([what, body]) => [what, withBody('POST', '/items/1', 'application/json', body)] as const));

// --- url-encoded forms ------------------------------------------------------------------------

const FORM = 'application/x-www-form-urlencoded';
const FORM_BODIES: readonly (readonly [string, string | Buffer])[] = [
  ['empty', ''],
  ['only separators', '&&&'],
  ['only equals signs', '==='],
  ['names without values', 'username&password'],
  ['empty values', 'username=&password='],
  ['a password too short', 'username=a&password=ab'],
  ['the password missing', 'username=a'],
  ['NUL names and values', '%00=%00'],
  ['bracketed names', 'username[]=a&password[]=abc'],
  ['raw bytes that are not UTF-8', Buffer.from([0x75, 0x73, 0x65, 0x72, 0x6e, 0x61, 0x6d, 0x65, 0x3d, 0xff, 0xfe])],
  ['JSON sent as a form', '{"username":"a","password":"abc"}'],
  ['a body larger than limits.bodySize', `username=a&password=abc&pad=${'a'.repeat(1024 * 1024)}`],
];

const forms = cases('form', [
  ...FORM_BODIES.map(([what, body]) => [what, withBody('POST', '/login', FORM, body)] as const),
  ['a form sent to a JSON route', withBody('POST', '/items/1', FORM, 'name=a&price=1')],
  ['JSON sent to a form route', withBody('POST', '/login', 'application/json', '{"username":"a","password":"abc"}')],
  ['plain text sent to a form route', withBody('POST', '/login', 'text/plain', 'username=a&password=abc')],
]);

// --- multipart --------------------------------------------------------------------------------

const B = 'deftboundary';
const part = (headers: string, content: string, boundary = B, eol = CRLF): string => `--${boundary}${eol}${headers}${eol}${eol}${content}${eol}`;
const filePart = part('Content-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain', 'hello');
const closing = `--${B}--${CRLF}`;

const MULTIPART: readonly (readonly [string, string, string | Buffer])[] = [
  ['no boundary', 'multipart/form-data', filePart + closing],
  ['an empty boundary', 'multipart/form-data; boundary=', filePart + closing],
  ['a boundary that does not match the body', 'multipart/form-data; boundary=other', filePart + closing],
  ['no closing boundary', `multipart/form-data; boundary=${B}`, filePart],
  ['a 1,000-character boundary', `multipart/form-data; boundary=${'b'.repeat(1000)}`, part('Content-Disposition: form-data; name="file"; filename="a"', 'x', 'b'.repeat(1000)) + `--${'b'.repeat(1000)}--`],
  ['random bytes', `multipart/form-data; boundary=${B}`, Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 31 + 7) % 256))],
  ['LF-only line endings', `multipart/form-data; boundary=${B}`, part('Content-Disposition: form-data; name="file"; filename="a.txt"', 'hello', B, '\n') + `--${B}--\n`],
  ['an empty body', `multipart/form-data; boundary=${B}`, ''],
  ['only the closing boundary', `multipart/form-data; boundary=${B}`, closing],
  ['a part without Content-Disposition', `multipart/form-data; boundary=${B}`, part('Content-Type: text/plain', 'x') + closing],
  ['a part without a name', `multipart/form-data; boundary=${B}`, part('Content-Disposition: form-data; filename="a.txt"', 'x') + closing],
  ['a field where the file should be', `multipart/form-data; boundary=${B}`, part('Content-Disposition: form-data; name="file"', 'not a file') + closing],
  ['no file at all', `multipart/form-data; boundary=${B}`, part('Content-Disposition: form-data; name="note"', 'hi') + closing],
  ['a field named __proto__', `multipart/form-data; boundary=${B}`, part('Content-Disposition: form-data; name="__proto__"', 'x') + filePart + closing],
  ['a field named constructor', `multipart/form-data; boundary=${B}`, part('Content-Disposition: form-data; name="constructor"', 'x') + filePart + closing],
  ['a text field over limits.fieldSize', `multipart/form-data; boundary=${B}`, part('Content-Disposition: form-data; name="note"', 'a'.repeat(1024 * 1024 + 1)) + filePart + closing],
  ['a part header with no end', `multipart/form-data; boundary=${B}`, `--${B}${CRLF}Content-Disposition: form-data; name="file"; filename="a"${CRLF}x`],
  ['multipart/mixed', `multipart/mixed; boundary=${B}`, filePart + closing],
  ['a JSON field that is not JSON', `multipart/form-data; boundary=${B}`, part('Content-Disposition: form-data; name="note"\r\nContent-Type: application/json', '{') + filePart + closing],
];

const multipart = cases('multipart', MULTIPART.map(([what, contentType, body]) => [what, withBody('POST', '/upload', contentType, body)] as const));

/**
 * Odd but readable requests that Node (or a parser behind it) accepts, as
 * FastAPI's servers do: answered normally, never with a 5xx. Listed so that
 * what Node decides is written down, and a change in it is seen.
 */
export const TOLERATED: readonly BadInput[] = cases('tolerated', [
  ['two spaces in the request line (Node reads the path)', raw(`GET  /items/1 HTTP/1.1${CRLF}Host: test${CRLF}${CRLF}`)],
  ['limit[]=x (another parameter; limit takes its default)', get('/items/1?limit[]=1&limit[]=x')],
  ['JSON labelled UTF-16 that is UTF-8 (read as UTF-8, as JSON must be)', withBody('POST', '/items/1', 'application/json; charset=utf-16', '{"name":"a","price":1}')],
  ['a part header over 80 KiB (busboy stops reading it; the part is kept)', withBody('POST', '/upload', `multipart/form-data; boundary=${B}`, part(`Content-Disposition: form-data; name="file"; filename="a"\r\nX-Pad: ${'a'.repeat(100 * 1024)}`, 'x') + closing)],
  ['a quoted boundary never closed (read up to the end of the header)', withBody('POST', '/upload', `multipart/form-data; boundary="${B}`, filePart + closing)],
]);

export const BAD_INPUTS: readonly BadInput[] = [...methods, ...paths, ...queries, ...headerLines, ...jsonBodies, ...forms, ...multipart];
