/** What stands in the echo for a value past its bounds. */
export const TRUNCATED = '[truncated]';

/** How far the `input` of a validation error is echoed: levels of nesting, and values in all. */
export const ECHO_DEPTH = 32;
export const ECHO_VALUES = 10_000;

type Container = Record<string | number, unknown>;

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * A copy of `value` that an error response can always write: an array or an
 * object nested deeper than `ECHO_DEPTH` levels, or one with more entries
 * than are left of `ECHO_VALUES`, becomes `"[truncated]"` (a cycle, too, ends
 * there). Scalars, and everything within the bounds, are echoed as they are,
 * as FastAPI echoes them. Iterative: no depth of client data can overflow the
 * stack here.
 */
export function boundedEcho(value: unknown): unknown {
  if (!isContainer(value)) return value;
  let budget = ECHO_VALUES;
  const root: Container = {};
  const pending: { source: object; target: Container; key: string | number; depth: number }[] = [{ source: value, target: root, key: 0, depth: 1 }];
  while (pending.length > 0) {
    const { source, target, key, depth } = pending.pop()!;
    const keys = Array.isArray(source) ? null : Object.keys(source);
    const size = keys ? keys.length : (source as unknown[]).length;
    if (depth > ECHO_DEPTH || size > budget) {
      target[key] = TRUNCATED;
      continue;
    }
    budget -= size;
    const copy = (keys ? Object.create(null) : new Array<unknown>(size)) as Container;
    target[key] = copy;
    for (let i = 0; i < size; i++) {
      const entryKey = keys ? keys[i]! : i;
      const entry = (source as Container)[entryKey];
      // A nested value's place is taken now, so that the copy keeps the keys in the client's order.
      copy[entryKey] = entry;
      if (isContainer(entry)) pending.push({ source: entry, target: copy, key: entryKey, depth: depth + 1 });
    }
  }
  return root[0];
}
