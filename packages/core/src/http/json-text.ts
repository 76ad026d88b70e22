// A NUL starts the mark, so no string a client or app writes can look like one; JSON writes it as `\u0000`.
const MARK = '\u0000deft-bigint:';
const MARKED = /"\\u0000deft-bigint:(-?\d+)"/g;

/**
 * `JSON.stringify`, but a `bigint` is written as the exact integer (Python
 * writes an int of any size), where `JSON.stringify` throws. Only a value
 * holding a bigint takes the slower second pass.
 */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError) || !/bigint/i.test(error.message)) throw error;
    const marked = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `${MARK}${item}` : item));
    return marked.replace(MARKED, '$1');
  }
}
