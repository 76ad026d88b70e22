/**
 * Reading TypeScript's `design:*` metadata. It exists only when the code was
 * compiled by tsc or SWC with `emitDecoratorMetadata`, and only when
 * reflect-metadata was loaded before the class was defined.
 */
interface ReflectWithMetadata {
  getMetadata?: (key: string, target: object, property?: string | symbol) => unknown;
  getOwnMetadata?: (key: string, target: object, property?: string | symbol) => unknown;
}

export function reflectMetadataLoaded(): boolean {
  return typeof (Reflect as ReflectWithMetadata).getMetadata === 'function';
}

/** Parameter types of a method (`member` given) or of the constructor, or `undefined` when not emitted. */
export function designParamTypes(cls: object, member?: string): readonly unknown[] | undefined {
  const reflect = Reflect as ReflectWithMetadata;
  if (!reflect.getOwnMetadata) return undefined;
  const target = member === undefined ? cls : (cls as { prototype: object }).prototype;
  const types = reflect.getOwnMetadata('design:paramtypes', target, member);
  return Array.isArray(types) ? types : undefined;
}

/** The declared type of a property, or `undefined` when not emitted. */
export function designPropertyType(cls: object, property: string): unknown {
  const reflect = Reflect as ReflectWithMetadata;
  return reflect.getMetadata?.('design:type', (cls as { prototype: object }).prototype, property);
}
