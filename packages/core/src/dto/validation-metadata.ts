import { getMetadataStorage } from 'class-validator';

/** class-validator's record of one decorator on one property. */
export type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

interface IndexedStorage {
  validationMetadatas?: unknown;
}

/**
 * The class-validator metadata of a class and its ancestors, as
 * `getTargetValidationMetadatas(cls, '', true, false)` returns it (own
 * decorators first; an inherited decorator of the same property and type is
 * dropped). class-validator finds ancestors by scanning every class it knows,
 * which makes reading a thousand DTOs quadratic; this walks the prototype
 * chain instead, and falls back to class-validator where its storage is not
 * the map this expects.
 */
export function validationMetadataOf(cls: object): ValidationMetadata[] {
  const storage = getMetadataStorage();
  const byTarget = (storage as unknown as IndexedStorage).validationMetadatas;
  if (!(byTarget instanceof Map)) return storage.getTargetValidationMetadatas(cls as new () => object, '', true, false);
  const own = ((byTarget.get(cls) ?? []) as ValidationMetadata[]).filter((meta) => meta.target === cls);
  const inherited: ValidationMetadata[] = [];
  for (let c: object | null = Object.getPrototypeOf(cls); c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    inherited.unshift(...((byTarget.get(c) ?? []) as ValidationMetadata[]).filter((meta) => meta.target === c));
  }
  const overridden = new Set(own.map((meta) => `${meta.propertyName}\u0000${meta.type}`));
  return own.concat(inherited.filter((meta) => !overridden.has(`${meta.propertyName}\u0000${meta.type}`)));
}
