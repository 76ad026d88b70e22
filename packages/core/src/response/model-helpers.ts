import type { DictModel, ResponseModel, UnionModel } from '../metadata/records';

type ModelClass = abstract new (...args: never[]) => unknown;

/** A response model that is any of these (`anyOf` in OpenAPI): the result is written as the member it fits best. */
export function unionOf(...members: ResponseModel[]): UnionModel {
  return { union: members };
}

/**
 * A response model that is one of these classes, told apart by the value of
 * `propertyName` (`oneOf` with a `discriminator` in OpenAPI):
 * `discriminatedUnion('pet_type', { cat: Cat, dog: Dog })`.
 */
export function discriminatedUnion(propertyName: string, mapping: Readonly<Record<string, ModelClass>>): UnionModel {
  return { union: Object.values(mapping), discriminator: { propertyName, mapping } };
}

/** A response model that is an object whose every value is `model` (`additionalProperties` in OpenAPI). */
export function dictOf(model: ResponseModel): DictModel {
  return { dictOf: model };
}
