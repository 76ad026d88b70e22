/** Python's `str.title()` on ASCII: each run of letters starts upper-case, the rest lower-case. */
export function pythonTitle(text: string): string {
  return text.toLowerCase().replace(/(^|[^a-z])([a-z])/g, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

/** `readItems`, `read_items`, `getHTTPStatus` → words separated by `_`. */
function splitWords(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2');
}

/** `readItems` → `read_items` (FastAPI's operation ids are built from snake_case function names). */
export function snakeCase(name: string): string {
  return splitWords(name).toLowerCase();
}

/**
 * A human title from a code name, as FastAPI's summaries and Pydantic's titles:
 * `readItems` / `read_items` → `Read Items`, `x-request-source` → `X-Request-Source`.
 */
export function titleFromName(name: string): string {
  return pythonTitle(splitWords(name).replace(/_/g, ' ')).trim();
}
