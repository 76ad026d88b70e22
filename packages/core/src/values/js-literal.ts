/**
 * A string as a JavaScript string literal, safe to put in generated code:
 * JSON's escapes (quotes, backslashes, control characters), and the line and
 * paragraph separators, which JSON leaves as they are.
 */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
