import { enumValues } from '../params/constraints';
import type { ParamOptions } from '../params/param-options';
import type { ParamShape } from '../params/param-shape';
import type { RequestParamReader } from '../params/request-param-reader';
import { applyDocKeywords } from './doc-keywords';
import { enumType, FILE_SCHEMA, orNull, scalarSchema, setDefined } from './json-schema-parts';
import { titleFromName } from './names';
import type { JsonSchema, ParameterObject } from './openapi-types';
import type { SchemaRegistry } from './schema-registry';

/** A parameter's constraint options as JSON Schema keywords on one value. */
function valueKeywords(schema: JsonSchema, options: ParamOptions, withLengths: boolean): void {
  setDefined(schema, 'exclusiveMinimum', options.gt);
  setDefined(schema, 'minimum', options.ge);
  setDefined(schema, 'exclusiveMaximum', options.lt);
  setDefined(schema, 'maximum', options.le);
  setDefined(schema, 'multipleOf', options.multipleOf);
  if (withLengths) {
    setDefined(schema, 'minLength', options.minLength);
    setDefined(schema, 'maxLength', options.maxLength);
  }
  if (options.pattern !== undefined) schema.pattern = typeof options.pattern === 'string' ? options.pattern : options.pattern.source;
  if (options.enum !== undefined) {
    const values = enumValues(options.enum);
    schema.enum = values;
    if (schema.type === undefined) setDefined(schema, 'type', enumType(values));
  }
}

function valueSchema(shape: ParamShape, options: ParamOptions, registry: SchemaRegistry): JsonSchema {
  switch (shape.kind) {
    case 'scalar': {
      const schema = scalarSchema(shape.scalar);
      // A decimal's bounds go on its number form, as Pydantic puts them.
      valueKeywords(shape.scalar === 'decimal' ? (schema.anyOf as JsonSchema[])[0]! : schema, options, true);
      return schema;
    }
    case 'dto':
      return registry.refFor(shape.dto);
    case 'file':
      return { ...FILE_SCHEMA };
    case 'list': {
      const items = valueSchema(shape.element, { ...options, minLength: undefined, maxLength: undefined }, registry);
      const schema: JsonSchema = { items, type: 'array' };
      setDefined(schema, 'minItems', options.minLength);
      setDefined(schema, 'maxItems', options.maxLength);
      return schema;
    }
  }
}

/**
 * The JSON Schema of a request parameter or body field: its type and
 * constraints, `T | null` when its default is `null`, then title,
 * description, default, examples and deprecation.
 */
export function paramSchema(reader: RequestParamReader, registry: SchemaRegistry): JsonSchema {
  const { options, name } = reader.spec;
  const value = valueSchema(reader.shape, options, registry);
  const nullable = 'default' in options && options.default === null;
  return applyDocKeywords(nullable ? orNull(value) : value, {
    format: options.format,
    title: options.title,
    nameTitle: name === undefined ? undefined : titleFromName(name),
    description: options.description,
    default: !reader.required && !nullable ? { value: options.default } : undefined,
    examples: options.examples,
    deprecated: options.deprecated,
  });
}

/** A path, query, header or cookie parameter as an OpenAPI parameter object. */
export function parameterObject(reader: RequestParamReader, registry: SchemaRegistry): ParameterObject {
  const { source, name = '', options } = reader.spec;
  return {
    name,
    in: source as ParameterObject['in'],
    ...(options.description === undefined ? {} : { description: options.description }),
    required: reader.required,
    ...(options.deprecated ? { deprecated: true } : {}),
    schema: paramSchema(reader, registry),
    ...(options.openapiExamples === undefined ? {} : { examples: structuredClone(options.openapiExamples) }),
  };
}
