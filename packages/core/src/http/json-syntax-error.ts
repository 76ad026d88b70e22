/**
 * Locates the first syntax error in a JSON text with the message and position
 * Python's `json` module reports, so a 422 `json_invalid` matches FastAPI's
 * (`"loc": ["body", <position>], "ctx": {"error": <message>}`). Used only
 * after `JSON.parse` failed, so it can be simple rather than fast.
 */
export interface JsonSyntaxError {
  readonly message: string;
  readonly position: number;
}

class Failure {
  constructor(
    readonly message: string,
    readonly position: number,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
// Python also reads NaN and Infinity; JavaScript's JSON cannot carry them, so they are reported where they stand.
const LITERALS = ['null', 'true', 'false'];
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  return i;
}

function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return i + 1;
    if (c.charCodeAt(0) < 0x20) throw new Failure('Invalid control character at', i);
    if (c === '\\') {
      const escape = text[i + 1];
      if (escape === undefined) break;
      if (escape === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Failure('Invalid \\uXXXX escape', i + 1);
        i += 6;
        continue;
      }
      if (!ESCAPES.has(escape)) throw new Failure('Invalid \\escape', i);
      i += 2;
      continue;
    }
    i++;
  }
  throw new Failure('Unterminated string starting at', start);
}

/** What an open container expects next. */
const enum Expect {
  /** A value, or the end of an empty container. */
  FirstValue,
  /** A property name, or the end of an empty object. */
  FirstKey,
  /** A ',' or the end of the container. */
  Separator,
}

function scanScalar(text: string, i: number): number {
  if (text[i] === '"') return scanString(text, i);
  for (const literal of LITERALS) if (text.startsWith(literal, i)) return i + literal.length;
  NUMBER.lastIndex = i;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  throw new Failure('Expecting value', i);
}

/** A property name, then its ':' and the white space after it: the position of its value. */
function scanKey(text: string, i: number): number {
  if (text[i] !== '"') throw new Failure('Expecting property name enclosed in double quotes', i);
  i = skipWhitespace(text, scanString(text, i));
  if (text[i] !== ':') throw new Failure("Expecting ':' delimiter", i);
  return skipWhitespace(text, i + 1);
}

/**
 * Scans one JSON value from `start` and returns where it ends. Iterative, with
 * the open containers on a stack of their closing characters, so no nesting
 * depth a client sends can overflow the call stack.
 */
function scanValue(text: string, start: number): number {
  const closers: string[] = [];
  let i = start;
  let expect: Expect | undefined;
  for (;;) {
    if (expect === undefined || expect === Expect.FirstValue) {
      const c = text[i];
      if (expect === Expect.FirstValue && c === ']') {
        closers.pop();
        i++;
      } else if (c === '[' || c === '{') {
        closers.push(c === '[' ? ']' : '}');
        i = skipWhitespace(text, i + 1);
        expect = c === '[' ? Expect.FirstValue : Expect.FirstKey;
        continue;
      } else {
        i = scanScalar(text, i);
      }
    } else if (expect === Expect.FirstKey) {
      if (text[i] === '}') {
        closers.pop();
        i++;
      } else {
        i = scanKey(text, i);
        expect = undefined;
        continue;
      }
    } else {
      const closer = closers[closers.length - 1]!;
      if (text[i] === closer) {
        closers.pop();
        i++;
      } else {
        if (text[i] !== ',') throw new Failure("Expecting ',' delimiter", i);
        i = skipWhitespace(text, i + 1);
        if (closer === '}') i = scanKey(text, i);
        expect = undefined;
        continue;
      }
    }
    // A value (or a container) just ended.
    if (closers.length === 0) return i;
    i = skipWhitespace(text, i);
    expect = Expect.Separator;
  }
}

export function locateJsonSyntaxError(text: string): JsonSyntaxError {
  try {
    const end = skipWhitespace(text, scanValue(text, skipWhitespace(text, 0)));
    if (end !== text.length) return { message: 'Extra data', position: end };
    return { message: 'Expecting value', position: 0 };
  } catch (error) {
    if (error instanceof Failure) return { message: error.message, position: error.position };
    throw error;
  }
}
