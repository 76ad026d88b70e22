import { usesTransformerFeatures } from './class-transformer-types';
import type { DtoDescriptor } from './dto-descriptor';

function direct(dto: DtoDescriptor, seen: Set<DtoDescriptor>): boolean {
  if (seen.has(dto)) return true;
  seen.add(dto);
  if (usesTransformerFeatures(dto.cls, dto.fields.map((f) => f.name))) return false;
  return dto.fields.every((field) => {
    const element = field.shape.kind === 'list' ? field.shape.element : field.shape;
    return element.kind !== 'dto' || direct(element.dto, seen);
  });
}

/**
 * Whether the structural pass can build a DTO's instance itself, as
 * class-transformer's `plainToInstance` would from the converted values:
 * `new Class()` (so initializers give defaults), then each declared field,
 * nested DTOs the same way. Not when the DTO (or a nested one) uses @Expose,
 * @Exclude or @Transform, which only class-transformer applies. Asked once
 * per DTO: the validator keeps the answer in its plan.
 */
export function instantiatesDirectly(dto: DtoDescriptor): boolean {
  return direct(dto, new Set());
}
