import { isPlainObject } from '../values/plain-object';

/**
 * Merges `source` into `target` recursively, as FastAPI's `deep_dict_update`:
 * objects merge, anything else replaces: a copy, unless `source` is a copy
 * already (`copied`), whose objects may be references still to be named.
 */
export function deepMerge(target: Record<string, unknown>, source: Readonly<Record<string, unknown>>, copied = false): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (isPlainObject(current) && isPlainObject(value)) deepMerge(current, value, copied);
    else target[key] = !copied && typeof value === 'object' && value !== null ? structuredClone(value) : value;
  }
}

