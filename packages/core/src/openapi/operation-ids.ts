import type { CompiledRoute } from '../app/compiled-route';
import { DeftError } from '../errors/deft-error';
import { snakeCase } from './names';

/** FastAPI's generated id: `read_items` + `/items/` + `get` → `read_items_items__get`. */
export function generatedOperationId(route: CompiledRoute): string {
  return `${snakeCase(route.handlerName)}${route.path.openapi}`.replace(/\W/g, '_') + `_${route.method.toLowerCase()}`;
}

/**
 * Assigns every documented route its operationId, in route order: the
 * `operationId` option, else the generated one (`generate`, FastAPI's by
 * default), made unique with `_2`, `_3`...
 * Two routes given the same `operationId` are a developer error.
 */
export function assignOperationIds(routes: readonly CompiledRoute[], generate: (route: CompiledRoute) => string = generatedOperationId): Map<CompiledRoute, string> {
  const ids = new Map<CompiledRoute, string>();
  const taken = new Map<string, CompiledRoute>();
  for (const route of routes) {
    const given = route.options.operationId;
    if (given === undefined) continue;
    const previous = taken.get(given);
    if (previous) {
      throw new DeftError(
        'DEFT_ERR_OPERATION_ID_DUPLICATE',
        `${route.where} has operationId "${given}", already used by ${previous.where}: operation ids must be unique; change one.`,
      );
    }
    taken.set(given, route);
    ids.set(route, given);
  }
  for (const route of routes) {
    if (ids.has(route)) continue;
    const base = generate(route);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.set(id, route);
    ids.set(route, id);
  }
  return new Map(routes.map((route) => [route, ids.get(route)!]));
}
