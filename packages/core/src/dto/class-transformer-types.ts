/**
 * `@Type(() => X)` from class-transformer, read from its metadata storage. The
 * storage is not part of its typed entry point, so it is loaded by path here,
 * in one place.
 */
interface TypeMetadataStorage {
  findTypeMetadata(target: object, propertyName: string): { typeFunction: () => unknown } | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- class-transformer exposes its storage only as this CommonJS file
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TypeMetadataStorage };

/** The class `@Type(() => X)` names for a property, walking up the inheritance chain. */
export function declaredPropertyType(cls: object, property: string): unknown {
  for (let c: object | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const meta = defaultMetadataStorage.findTypeMetadata(c, property);
    if (meta) return meta.typeFunction();
  }
  return undefined;
}

interface TransformerStorage extends TypeMetadataStorage {
  findExposeMetadata(target: object, propertyName: string): { options?: { name?: string } } | undefined;
  getExposedMetadatas(target: object): unknown[];
  getExcludedMetadatas(target: object): unknown[];
  findTransformMetadatas(target: object, propertyName: string, transformationType: number): unknown[];
}

/** class-transformer's `TransformationType.PLAIN_TO_CLASS`. */
const PLAIN_TO_CLASS = 0;

/** Whether a class uses @Expose, @Exclude or @Transform (for plain-to-class), anywhere in its inheritance chain. */
export function usesTransformerFeatures(cls: object, properties: readonly string[]): boolean {
  const storage = defaultMetadataStorage as TransformerStorage;
  for (let c: object | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    if (storage.getExposedMetadatas(c).length > 0 || storage.getExcludedMetadatas(c).length > 0) return true;
    if (properties.some((property) => storage.findTransformMetadatas(c!, property, PLAIN_TO_CLASS).length > 0)) return true;
  }
  return false;
}

/** The wire name `@Expose({ name })` gives a property, walking up the inheritance chain. */
export function exposedName(cls: object, property: string): string | undefined {
  const storage = defaultMetadataStorage as TransformerStorage;
  for (let c: object | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const name = storage.findExposeMetadata(c, property)?.options?.name;
    if (name !== undefined) return name;
  }
  return undefined;
}
