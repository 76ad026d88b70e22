import type { DtoDescriptor } from '../dto/dto-descriptor';
import { wireName } from '../params/param-model';
import type { RequestParamReader } from '../params/request-param-reader';
import { dtoFieldSchema } from './dto-schema';
import type { ParameterObject } from './openapi-types';
import { parameterObject } from './param-schema';
import type { SchemaRegistry } from './schema-registry';

const LOCATIONS = ['path', 'query', 'header', 'cookie'] as const;

/**
 * An operation's `parameters`: grouped by location (path, query, header,
 * cookie) in walk order, one per (location, name). Where the graph reads the
 * same parameter twice, a required reading wins, otherwise the last one.
 */
export function operationParameters(params: readonly RequestParamReader[], registry: SchemaRegistry): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  const add = (parameter: ParameterObject): void => {
    const key = `${parameter.in}\n${parameter.name}`;
    if (!byKey.get(key)?.required || parameter.required) byKey.set(key, parameter);
  };
  for (const location of LOCATIONS) {
    for (const reader of params) {
      if (reader.spec.source !== location || reader.spec.options.includeInSchema === false) continue;
      // A parameter model documents each of its fields as a parameter of its own, as in FastAPI.
      if (reader.spec.name === undefined && reader.shape.kind === 'dto') modelParameters(location, reader.shape.dto, registry).forEach(add);
      else add(parameterObject(reader, registry));
    }
  }
  return [...byKey.values()];
}

function modelParameters(location: (typeof LOCATIONS)[number], dto: DtoDescriptor, registry: SchemaRegistry): ParameterObject[] {
  return dto.fields.map((field) => {
    const description = field.docs?.description;
    return {
      name: wireName(location as 'query', field),
      in: location,
      ...(description === undefined ? {} : { description }),
      required: !field.optional,
      ...(field.docs?.deprecated ? { deprecated: true } : {}),
      schema: dtoFieldSchema(field, registry),
    };
  });
}
