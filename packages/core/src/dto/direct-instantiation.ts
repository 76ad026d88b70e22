import { usesTransformerFeatures } from './class-transformer-types';
import type { DtoDescriptor, FieldShape } from './dto-descriptor';

/** Builds a DTO instance from an already converted plain value. */
export type Instantiate = (cleaned: Record<string, unknown>) => object;

function build(shape: FieldShape, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (shape.kind) {
    case 'scalar':
      return value;
    case 'list':
      return Array.isArray(value) ? value.map((item) => build(shape.element, item)) : value;
    case 'dto':
      return instantiateWith(shape.dto, value as Record<string, unknown>);
  }
}

function instantiateWith(dto: DtoDescriptor, cleaned: Record<string, unknown>): object {
  const instance = new dto.cls() as Record<string, unknown>;
  for (const field of dto.fields) {
    if (field.name in cleaned) instance[field.name] = build(field.shape, cleaned[field.name]);
  }
  return instance;
}

function direct(dto: DtoDescriptor, seen: Set<DtoDescriptor>): boolean {
  if (seen.has(dto)) return true;
  seen.add(dto);
  if (usesTransformerFeatures(dto.cls, dto.fields.map((f) => f.name))) return false;
  return dto.fields.every((field) => {
    const element = field.shape.kind === 'list' ? field.shape.element : field.shape;
    return element.kind !== 'dto' || direct(element.dto, seen);
  });
}

const cache = new WeakMap<DtoDescriptor, Instantiate | null>();

/**
 * What class-transformer's `plainToInstance` does for a DTO whose values the
 * structural pass already converted: `new Class()` (so initializers give
 * defaults), then each declared field, nested DTOs instantiated the same way.
 * `undefined` when the DTO uses @Expose, @Exclude or @Transform, which only
 * class-transformer applies.
 */
export function directInstantiation(dto: DtoDescriptor): Instantiate | undefined {
  let known = cache.get(dto);
  if (known === undefined) {
    known = direct(dto, new Set()) ? (cleaned) => instantiateWith(dto, cleaned) : null;
    cache.set(dto, known);
  }
  return known ?? undefined;
}
