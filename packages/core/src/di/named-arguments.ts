import { stringLiteral } from '../values/js-literal';

/** A property of an object literal: a string key, but `__proto__` computed, so that it is an own property rather than the prototype. */
function propertyKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : stringLiteral(name);
}

/**
 * What a function dependency declared with `defineDependency({ a, b }, fn)`
 * receives, made from its resolved arguments (in the order of its names): one
 * object literal, generated once per dependency, so every call makes an
 * object of the same shape without a store per name. Every name is escaped
 * as a string literal; a name is never code.
 */
export function namedArguments(names: readonly string[]): (args: readonly unknown[]) => Record<string, unknown> {
  const properties = names.map((name, i) => `${propertyKey(name)}: args[${i}]`).join(', ');
  // Generated from escaped names only (see propertyKey).
  return new Function('args', `return { ${properties} };`) as (args: readonly unknown[]) => Record<string, unknown>;
}
