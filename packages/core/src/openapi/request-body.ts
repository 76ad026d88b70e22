import type { RequestParamReader } from '../params/request-param-reader';
import { dtoFieldSchema } from './dto-schema';
import type { JsonSchema, RequestBodyObject } from './openapi-types';
import { paramSchema } from './param-schema';
import type { SchemaRegistry } from './schema-registry';

const isBodyParam = (reader: RequestParamReader): boolean =>
  reader.spec.source === 'body' || reader.spec.source === 'form' || reader.spec.source === 'file';

/** The body fields of a graph, once per name (a required reading wins), in walk order. */
function bodyFields(params: readonly RequestParamReader[]): RequestParamReader[] {
  const byName = new Map<string | undefined, RequestParamReader>();
  for (const reader of params) {
    if (!isBodyParam(reader)) continue;
    const known = byName.get(reader.spec.name);
    if (known === undefined || (!known.required && reader.required)) byName.set(reader.spec.name, reader);
  }
  return [...byName.values()];
}

/**
 * FastAPI's generated `Body_<operationId>` object: one property per field;
 * an unnamed form model contributes its own fields.
 */
function embeddedBody(fields: readonly RequestParamReader[], title: string, registry: SchemaRegistry): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const reader of fields) {
    if (reader.spec.name === undefined && reader.shape.kind === 'dto') {
      for (const field of reader.shape.dto.fields) {
        properties[field.name] = dtoFieldSchema(field, registry);
        if (!field.optional) required.push(field.name);
      }
      continue;
    }
    if (reader.spec.options.includeInSchema === false) continue;
    const name = reader.spec.name ?? '';
    properties[name] = paramSchema(reader, registry);
    if (reader.required) required.push(name);
  }
  const schema: JsonSchema = { properties, type: 'object' };
  if (required.length > 0) schema.required = required;
  schema.title = title;
  return schema;
}

export interface BodyContext {
  readonly operationId: string;
  /** Whether several JSON body parameters (or `embed: true`) share one object. */
  readonly embedded: boolean;
  readonly registry: SchemaRegistry;
}

/**
 * The operation's `requestBody`: JSON for `@Body`, form-urlencoded for
 * `@Form`, multipart when a `@File` is present. Several fields (or an embedded
 * body) become a `Body_<operationId>` component, as in FastAPI.
 */
export function requestBody(params: readonly RequestParamReader[], context: BodyContext): RequestBodyObject | undefined {
  const fields = bodyFields(params);
  if (fields.length === 0) return undefined;
  const { registry, operationId } = context;
  const isForm = fields.some((reader) => reader.spec.source !== 'body');
  const mediaType = fields.some((reader) => reader.spec.source === 'file')
    ? 'multipart/form-data'
    : isForm
      ? 'application/x-www-form-urlencoded'
      : 'application/json';
  const single = fields.length === 1 ? fields[0]! : undefined;
  const whole = isForm ? single?.spec.name === undefined && single?.shape.kind === 'dto' : !context.embedded;
  let schema: JsonSchema;
  let required: boolean;
  let examples: Record<string, unknown> | undefined;
  if (whole && single) {
    schema = paramSchema(single, registry);
    required = single.required;
    if (single.spec.options.openapiExamples) examples = structuredClone(single.spec.options.openapiExamples) as Record<string, unknown>;
  } else {
    const name = `Body_${operationId}`;
    schema = registry.add(name, embeddedBody(fields, name, registry));
    required = fields.some((reader) => reader.required);
  }
  const body: RequestBodyObject = { content: { [mediaType]: examples ? { schema, examples } : { schema } } };
  if (required) body.required = true;
  return body;
}
