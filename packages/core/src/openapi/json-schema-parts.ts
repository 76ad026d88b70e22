import { DECIMAL_PATTERN } from '../params/decimal-type';
import type { ScalarKind } from '../params/scalar-conversion';
import type { JsonSchema } from './openapi-types';

/** The JSON Schema of a scalar kind. */
export function scalarSchema(kind: ScalarKind): JsonSchema {
  switch (kind) {
    case 'string':
      return { type: 'string' };
    case 'int':
    case 'bigint':
      return { type: 'integer' };
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'decimal':
      // What a client may send; a response writes a string (see `outputScalarSchema`).
      return { anyOf: [{ type: 'number' }, { type: 'string', pattern: DECIMAL_PATTERN }] };
    case 'float':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'date-only':
      return { type: 'string', format: 'date' };
    case 'time':
      return { type: 'string', format: 'time' };
    case 'duration':
      return { type: 'string', format: 'duration' };
    case 'any':
      return {};
  }
}

/** The JSON Schema of what a response writes for a scalar kind, where it differs from what a request may send. */
export function outputScalarSchema(kind: ScalarKind): JsonSchema {
  return kind === 'decimal' ? { type: 'string', pattern: DECIMAL_PATTERN } : scalarSchema(kind);
}

/** An uploaded file, as FastAPI documents `UploadFile`/`bytes` form fields. */
export const FILE_SCHEMA: Readonly<JsonSchema> = Object.freeze({ type: 'string', contentMediaType: 'application/octet-stream' });

/** `T | null` in OpenAPI 3.1 style (never 3.0's `nullable`). */
export function orNull(schema: JsonSchema): JsonSchema {
  return { anyOf: [schema, { type: 'null' }] };
}

/** The JSON type of enum values: `string`, `integer` or `number` when they agree. */
export function enumType(values: readonly unknown[]): string | undefined {
  if (values.length > 0 && values.every((v) => typeof v === 'string')) return 'string';
  if (values.length > 0 && values.every((v) => Number.isInteger(v))) return 'integer';
  if (values.length > 0 && values.every((v) => typeof v === 'number')) return 'number';
  return undefined;
}

/** A default or example as JSON: dates as ISO strings; `undefined` when it has no JSON form. */
export function jsonValue(value: unknown): unknown {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object' || value === null) return value;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** Sets `key` only when the value is defined, keeping the document free of `undefined`. */
export function setDefined(schema: JsonSchema, key: string, value: unknown): void {
  if (value !== undefined) schema[key] = value;
}
