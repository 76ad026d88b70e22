import { describeDto, type DtoDescriptor, type FieldShape } from '../dto/dto-descriptor';
import { isUserClass } from '../dto/user-class';
import { DeftError } from '../errors/deft-error';
import type { ResponseModel } from '../metadata/records';

/** Keeps only a response model's declared fields, so extra properties (a password hash) never reach the client. */
export type ResponseFilter = (value: unknown) => unknown;

function filterShape(shape: FieldShape, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (shape.kind) {
    case 'scalar':
      return value;
    case 'list':
      return Array.isArray(value) ? value.map((item) => filterShape(shape.element, item)) : value;
    case 'dto':
      return filterObject(shape.dto, value);
  }
}

function filterObject(dto: DtoDescriptor, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of dto.fields) {
    const fieldValue = source[field.name];
    if (fieldValue !== undefined) out[field.name] = filterShape(field.shape, fieldValue);
  }
  return out;
}

/** Compiles a route's `responseModel` once; `where` names the route for error messages. */
export function compileResponseFilter(model: ResponseModel, where: string): ResponseFilter {
  const isList = Array.isArray(model);
  const cls: unknown = isList ? (model as readonly unknown[])[0] : model;
  if (!isUserClass(cls) || (isList && (model as readonly unknown[]).length !== 1)) {
    throw new DeftError(
      'DEFT_ERR_RESPONSE_MODEL_INVALID',
      `${where}: responseModel must be a DTO class or a one-element array of one (\`[ItemOut]\`).`,
    );
  }
  const dto = describeDto(cls);
  const shape: FieldShape = { kind: 'dto', dto };
  return isList ? (value) => filterShape({ kind: 'list', element: shape }, value) : (value) => filterShape(shape, value);
}
