import type { RequestParamReader } from '../params/request-param-reader';
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
  for (const location of LOCATIONS) {
    for (const reader of params) {
      if (reader.spec.source !== location || reader.spec.options.includeInSchema === false) continue;
      const key = `${location}\n${reader.spec.name ?? ''}`;
      if (byKey.get(key)?.required && !reader.required) continue;
      byKey.set(key, parameterObject(reader, registry));
    }
  }
  return [...byKey.values()];
}
