import { describeDto, type DtoDescriptor } from '../dto/dto-descriptor';
import { isUserClass } from '../dto/user-class';
import { DeftError } from '../errors/deft-error';
import type { RequestParamSpec } from '../metadata/records';
import { Int } from './int';
import type { ScalarKind, ScalarShape } from './scalar-conversion';
import { isDecimalClass } from './decimal-type';
import { UploadFile } from './upload-file';
import { UUID } from './uuid';
import { DateOnly, DateTime, Duration, Time } from './temporal';

/** What a request parameter's value is converted to, decided once from its declared type. */
export type ParamShape =
  | ({ readonly kind: 'scalar' } & ScalarShape)
  | { readonly kind: 'dto'; readonly dto: DtoDescriptor }
  | { readonly kind: 'file'; readonly as: 'upload' | 'buffer' }
  | { readonly kind: 'list'; readonly element: ParamShape };

/** The classes that stand for scalar types, and their kinds. */
export const SCALAR_TYPES: ReadonlyMap<unknown, ScalarKind> = new Map<unknown, ScalarKind>([
  [String, 'string'],
  [Number, 'float'],
  [Int, 'int'],
  [BigInt, 'bigint'],
  [UUID, 'uuid'],
  [Boolean, 'boolean'],
  [Date, 'date'],
  [DateTime, 'date'],
  [DateOnly, 'date-only'],
  [Time, 'time'],
  [Duration, 'duration'],
]);

function elementShape(type: unknown, spec: RequestParamSpec, where: string): ParamShape {
  // A string documented as a UUID is validated as one: a format the server does not enforce would mislead.
  if (type === String && spec.options.format === 'uuid') return { kind: 'scalar', scalar: 'uuid' };
  const scalar = SCALAR_TYPES.get(type);
  if (scalar) return { kind: 'scalar', scalar };
  if (isDecimalClass(type)) return { kind: 'scalar', scalar: 'decimal', decimal: type };
  if (type === UploadFile) return { kind: 'file', as: 'upload' };
  if (type === Buffer) return { kind: 'file', as: 'buffer' };
  if (type === Object && spec.options.type !== undefined) return { kind: 'scalar', scalar: 'any' };
  if (isUserClass(type) && (spec.source === 'body' || spec.source === 'form' || (spec.name === undefined && spec.source !== 'path' && spec.source !== 'file'))) {
    return { kind: 'dto', dto: describeDto(type) };
  }
  const shown = typeof type === 'function' ? type.name : String(type);
  throw new DeftError(
    'DEFT_ERR_PARAM_TYPE_UNKNOWN',
    `${where} is typed ${shown}, which cannot be converted from a ${spec.source} value. ` +
      (type === Object
        ? 'Its TypeScript type is an interface, a union or `any`, which leave no runtime type: declare a class, or give the `type` option (`type: Number`, `type: [String]`, `type: Object` for any JSON).'
        : `Use string, number, boolean, Date${spec.source === 'body' || spec.source === 'form' ? ', a DTO class' : ''} or an array of one${spec.source === 'query' || spec.source === 'header' || spec.source === 'cookie' ? `; or leave the name out (@${spec.source[0]!.toUpperCase()}${spec.source.slice(1)}()) to read a DTO's fields as ${spec.source} parameters` : ''}.`),
  );
}

/**
 * The shape of a parameter from its `type` option or reflected type. `reflected`
 * is `undefined` for function dependencies (no reflection), where the default
 * is a string (any JSON for a body).
 */
export function paramShape(spec: RequestParamSpec, reflected: unknown, where: string): ParamShape {
  const declared = spec.options.type ?? reflected;
  if (declared === undefined) {
    if (spec.source === 'file') return { kind: 'file', as: 'upload' };
    return { kind: 'scalar', scalar: spec.source === 'body' ? 'any' : 'string' };
  }
  if (Array.isArray(declared)) {
    if (declared.length !== 1) {
      throw new DeftError('DEFT_ERR_PARAM_OPTIONS_INVALID', `${where}: a list type is written as a one-element array, e.g. \`type: [Number]\`.`);
    }
    return { kind: 'list', element: elementShape(declared[0], spec, where) };
  }
  if (declared === Array) {
    return { kind: 'list', element: spec.source === 'file' ? { kind: 'file', as: 'upload' } : { kind: 'scalar', scalar: 'string' } };
  }
  return elementShape(declared, spec, where);
}
