import { jsonValue, setDefined } from './json-schema-parts';
import type { JsonSchema } from './openapi-types';

/** What a parameter's options or a property's `@Field()` say for the documentation only. */
export interface DocKeywords {
  readonly format?: string;
  /** Given explicitly; a reference gets no title derived from a name. */
  readonly title?: string;
  /** Derived from the code name, for schemas that are not references. */
  readonly nameTitle?: string;
  readonly description?: string;
  readonly default?: { readonly value: unknown };
  readonly examples?: readonly unknown[];
  readonly deprecated?: boolean;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
}

/**
 * Adds the documentation keywords to a schema, in Pydantic's order. Beside a
 * `$ref` (OpenAPI 3.1 allows siblings) only what was said explicitly is added,
 * as FastAPI does: `{"$ref": "...", "examples": [...]}`.
 */
export function applyDocKeywords(schema: JsonSchema, docs: DocKeywords): JsonSchema {
  const isRef = schema.$ref !== undefined;
  if (!isRef) setDefined(schema, 'format', docs.format);
  setDefined(schema, 'title', docs.title ?? (isRef ? undefined : docs.nameTitle));
  setDefined(schema, 'description', docs.description);
  if (docs.default !== undefined) setDefined(schema, 'default', jsonValue(docs.default.value));
  if (docs.examples !== undefined) schema.examples = docs.examples.map(jsonValue);
  if (docs.deprecated) schema.deprecated = true;
  if (docs.readOnly) schema.readOnly = true;
  if (docs.writeOnly) schema.writeOnly = true;
  return schema;
}
