import type { ControllerRecord, FieldOptions, ParamRecord, RouteRecord, RouterRecord } from './records';

/**
 * Deft's own decorator metadata, kept in WeakMaps keyed by class. Decorators
 * only write here; `createApp` reads once at start-up. (TypeScript's
 * `design:*` types are read through reflect-metadata in `design-types.ts`.)
 */
const controllers = new WeakMap<object, ControllerRecord>();
const routers = new WeakMap<object, RouterRecord>();
const routes = new WeakMap<object, RouteRecord[]>();
/** class → member (`CONSTRUCTOR` for the constructor) → parameter index → record */
const params = new WeakMap<object, Map<string | symbol, Map<number, ParamRecord[]>>>();

/** class → property → what `@Field()` said */
const fields = new WeakMap<object, Map<string, FieldOptions>>();

export const CONSTRUCTOR = Symbol('constructor');

export function setController(cls: object, record: ControllerRecord): void {
  controllers.set(cls, record);
}

export function getController(cls: object): ControllerRecord | undefined {
  return controllers.get(cls);
}

export function setRouter(cls: object, record: RouterRecord): void {
  routers.set(cls, record);
}

export function getRouter(cls: object): RouterRecord | undefined {
  return routers.get(cls);
}

export function addRoute(cls: object, record: RouteRecord): void {
  const list = routes.get(cls) ?? [];
  list.push(record);
  routes.set(cls, list);
}

/** Routes declared on the class and its ancestors, ancestors first. */
export function getRoutes(cls: object): RouteRecord[] {
  const chain: object[] = [];
  for (let c: object | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  return chain.flatMap((c) => routes.get(c) ?? []);
}

export function addParam(cls: object, member: string | symbol, index: number, record: ParamRecord): void {
  let members = params.get(cls);
  if (!members) params.set(cls, (members = new Map()));
  let byIndex = members.get(member);
  if (!byIndex) members.set(member, (byIndex = new Map()));
  const list = byIndex.get(index) ?? [];
  list.push(record);
  byIndex.set(index, list);
}

/** Records of one member's parameters, exactly as declared on `cls` (no inheritance). */
export function getOwnParams(cls: object, member: string | symbol): ReadonlyMap<number, ParamRecord[]> | undefined {
  return params.get(cls)?.get(member);
}

export function setFieldOptions(cls: object, property: string, options: FieldOptions): void {
  let byProperty = fields.get(cls);
  if (!byProperty) fields.set(cls, (byProperty = new Map()));
  byProperty.set(property, { ...byProperty.get(property), ...options });
}

/** The properties `@Field()` documents on the class and its ancestors, ancestors' first. */
export function fieldOptionNames(cls: object): string[] {
  const chain: object[] = [];
  for (let c: object | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  return [...new Set(chain.flatMap((c) => [...(fields.get(c)?.keys() ?? [])]))];
}

/** What `@Field()` said of a property, on the class or the nearest ancestor that declares it. */
export function getFieldOptions(cls: object, property: string): FieldOptions | undefined {
  for (let c: object | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const found = fields.get(c)?.get(property);
    if (found) return found;
  }
  return undefined;
}
