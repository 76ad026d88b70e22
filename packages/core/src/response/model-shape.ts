import { describeDto, type DtoDescriptor } from '../dto/dto-descriptor';
import { isUserClass } from '../dto/user-class';
import { DeftError } from '../errors/deft-error';
import type { ResponseModel } from '../metadata/records';
import { SCALAR_TYPES } from '../params/param-shape';
import type { ScalarKind } from '../params/scalar-conversion';

/** A response model, read once: a DTO's fields are described by the DTO walker; unions and dicts exist only here. */
export type ModelShape =
  | { readonly kind: 'scalar'; readonly scalar: ScalarKind }
  | { readonly kind: 'dto'; readonly dto: DtoDescriptor }
  | { readonly kind: 'list'; readonly element: ModelShape }
  | { readonly kind: 'dict'; readonly value: ModelShape }
  | { readonly kind: 'union'; readonly members: readonly ModelShape[]; readonly discriminator?: Discriminator };

export interface Discriminator {
  readonly propertyName: string;
  /** Each tag and its member (always a DTO). */
  readonly mapping: ReadonlyMap<string, ModelShape & { kind: 'dto' }>;
}

/** A request parameter's scalar types, and `Object` for any JSON. */
const SCALARS = new Map<unknown, ScalarKind>([...SCALAR_TYPES, [Object, 'any']]);

function invalid(where: string): DeftError {
  return new DeftError(
    'DEFT_ERR_RESPONSE_MODEL_INVALID',
    `${where}: responseModel must be a DTO class, a scalar type (String, Number, Int, Boolean, Date), a one-element array of a model (\`[ItemOut]\`), unionOf(...), discriminatedUnion(...) or dictOf(...).`,
  );
}

/** Reads a route's `responseModel` once; `where` names the route in start-up errors. */
export function modelShape(model: ResponseModel, where: string): ModelShape {
  const scalar = SCALARS.get(model);
  if (scalar) return { kind: 'scalar', scalar };
  if (Array.isArray(model)) {
    if (model.length !== 1) throw invalid(where);
    return { kind: 'list', element: modelShape(model[0] as ResponseModel, where) };
  }
  if (isUserClass(model)) return { kind: 'dto', dto: describeDto(model) };
  if (typeof model === 'object' && model !== null) {
    if ('dictOf' in model) return { kind: 'dict', value: modelShape(model.dictOf, where) };
    if ('union' in model && Array.isArray(model.union) && model.union.length > 0) {
      const members = model.union.map((member) => modelShape(member, where));
      if (!model.discriminator) return { kind: 'union', members };
      const mapping = new Map(Object.entries(model.discriminator.mapping).map(([tag, cls]) => [tag, { kind: 'dto' as const, dto: describeDto(cls as new () => object) }]));
      return { kind: 'union', members, discriminator: { propertyName: model.discriminator.propertyName, mapping } };
    }
  }
  throw invalid(where);
}
