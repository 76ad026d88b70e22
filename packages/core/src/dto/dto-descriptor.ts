import { getMetadataStorage } from 'class-validator';
import { validationMetadataOf, type ValidationMetadata } from './validation-metadata';
import { DeftError } from '../errors/deft-error';
import { designPropertyType } from '../metadata/design-types';
import { fieldOptionNames, getFieldOptions } from '../metadata/metadata-store';
import type { FieldOptions } from '../metadata/records';
import type { ScalarKind, ScalarShape } from '../params/scalar-conversion';
import { isDecimalClass } from '../params/decimal-type';
import { DateOnly, DateTime, Duration, Time } from '../params/temporal';
import { declaredPropertyType, exposedName } from './class-transformer-types';
import { isUserClass } from './user-class';

export type { ValidationMetadata };

/** How a DTO property's value is shaped: a scalar, a nested DTO, a list of either, or anything. */
export type FieldShape =
  /** `choices`: an `@IsEnum()`/`@IsIn()` field, whose unconvertible value is left for that check to report (Pydantic's `enum`, not `int_parsing`). */
  | ({ readonly kind: 'scalar'; readonly choices?: true } & ScalarShape)
  | { readonly kind: 'dto'; readonly dto: DtoDescriptor }
  | { readonly kind: 'list'; readonly element: FieldShape };

export interface DtoField {
  readonly name: string;
  readonly shape: FieldShape;
  /** `@IsOptional()` / `@ValidateIf()` or an initializer: may be absent. */
  readonly optional: boolean;
  /** `@IsOptional()`: may be `null`. */
  readonly nullable: boolean;
  /** The value the class's initializer gives, if any (documented as `default`). */
  readonly defaultValue: unknown;
  readonly hasDefault: boolean;
  /** class-validator metadata of this property, in declaration order. */
  readonly validations: readonly ValidationMetadata[];
  /** What `@Field()` says of it, for the documentation. */
  readonly docs: FieldOptions | undefined;
  /** The name class-transformer's `@Expose({ name })` gives it on the wire, if any (a response model writes it by alias). */
  readonly alias: string | undefined;
}

/** A DTO class read once: its validated properties in declaration order. */
export interface DtoDescriptor {
  readonly cls: new () => object;
  readonly name: string;
  readonly fields: readonly DtoField[];
  /** Whether any of its validators (or its nested DTOs') is asynchronous. */
  readonly asyncValidation: boolean;
}

interface MutableDescriptor {
  cls: new () => object;
  name: string;
  fields: DtoField[];
  asyncValidation: boolean;
}

const cache = new WeakMap<object, DtoDescriptor>();

const ELEMENT_KIND_BY_VALIDATOR: Readonly<Record<string, ScalarKind>> = {
  isString: 'string',
  isInt: 'int',
  isNumber: 'float',
  isNumberString: 'string',
  isBoolean: 'boolean',
  isDate: 'date',
  isUuid: 'uuid',
};

function validatorName(meta: ValidationMetadata): string | undefined {
  if (meta.name) return meta.name;
  return getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls)[0]?.name;
}

function scalarOf(type: unknown, validations: readonly ValidationMetadata[], each: boolean): ScalarKind {
  const names = validations.filter((m) => m.each === each).map(validatorName);
  if (type === Number) return names.includes('isInt') ? 'int' : 'float';
  if (type === BigInt) return 'bigint';
  if (names.includes('isUuid') && (type === String || type === undefined)) return 'uuid';
  if (type === String) return 'string';
  if (type === Boolean) return 'boolean';
  if (type === Date || type === DateTime) return 'date';
  if (type === DateOnly) return 'date-only';
  if (type === Time) return 'time';
  if (type === Duration) return 'duration';
  for (const name of names) {
    const kind = name && ELEMENT_KIND_BY_VALIDATOR[name];
    if (kind) return kind;
  }
  return 'any';
}

function where(cls: { name: string }, property: string): string {
  return `${cls.name}.${property}`;
}

function fieldShape(cls: { name: string }, property: string, validations: readonly ValidationMetadata[]): FieldShape {
  const design = designPropertyType(cls, property);
  const declared = declaredPropertyType(cls, property);
  const nestedValidation = validations.some((m) => m.type === 'nestedValidation');
  const isList = design === Array || validations.some((m) => validatorName(m) === 'isArray');
  if (isList) {
    if (isUserClass(declared)) return { kind: 'list', element: { kind: 'dto', dto: describeDto(declared) } };
    if (nestedValidation) {
      throw new DeftError(
        'DEFT_ERR_DESIGN_TYPES_MISSING',
        `${where(cls, property)} is a list validated with @ValidateNested(), but its element class is unknown: add @Type(() => ElementClass) from class-transformer.`,
      );
    }
    return { kind: 'list', element: { kind: 'scalar', scalar: scalarOf(declared, validations, true) } };
  }
  const nested = isUserClass(declared) ? declared : isUserClass(design) ? design : undefined;
  if (nested) {
    if (!nestedValidation) {
      throw new DeftError(
        'DEFT_ERR_PARAM_OPTIONS_INVALID',
        `${where(cls, property)} holds a ${nested.name}, but it has no @ValidateNested(): add @ValidateNested() and @Type(() => ${nested.name}) so the nested object is validated and instantiated.`,
      );
    }
    return { kind: 'dto', dto: describeDto(nested) };
  }
  const type = declared ?? design;
  if (isDecimalClass(type)) return { kind: 'scalar', scalar: 'decimal', decimal: type };
  const choices = validations.some((m) => !m.each && (validatorName(m) === 'isEnum' || validatorName(m) === 'isIn'));
  const scalar = scalarOf(declared ?? design, validations, false);
  return choices ? { kind: 'scalar', scalar, choices } : { kind: 'scalar', scalar };
}

/** The prototypes of the DTO classes described so far: their instances are values (see `isDtoInstance`). */
const prototypes = new WeakSet<object>();

/** Whether `value` is an instance of a DTO class Deft has described (a body's, a response model's), not of a subclass. */
export function isDtoInstance(value: object): boolean {
  return prototypes.has(Object.getPrototypeOf(value) as object);
}

/** Reads a DTO class's class-validator metadata once (cached); throws `DeftError` for malformed DTOs. */
export function describeDto(cls: new () => object): DtoDescriptor {
  const cached = cache.get(cls);
  if (cached) return cached;
  prototypes.add(cls.prototype);
  // Cached before its fields are read, so a DTO that contains itself (a tree) refers to this same descriptor.
  const descriptor: MutableDescriptor = { cls, name: cls.name, fields: [], asyncValidation: false };
  cache.set(cls, descriptor);
  try {
    fillFields(descriptor);
  } catch (error) {
    cache.delete(cls);
    prototypes.delete(cls.prototype);
    throw error;
  }
  return descriptor;
}

function fillFields(descriptor: MutableDescriptor): void {
  const { cls } = descriptor;
  const metadata = validationMetadataOf(cls);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const meta of inheritedFirst(cls, metadata)) {
    const list = byProperty.get(meta.propertyName) ?? [];
    list.push(meta);
    byProperty.set(meta.propertyName, list);
  }
  let sample: Record<string, unknown> = {};
  try {
    sample = new cls() as Record<string, unknown>;
  } catch {
    // A DTO whose constructor needs arguments has no initializer defaults to read.
  }
  // A property with `@Field()` alone is a field too (a `bigint`, which no class-validator decorator types).
  const documentedOnly = fieldOptionNames(cls).filter((name) => !byProperty.has(name));
  for (const name of documentedOnly) byProperty.set(name, []);
  if (documentedOnly.length > 0) inDeclarationOrder(byProperty, sample);
  for (const [name, validations] of byProperty) {
    const conditional = validations.filter((m) => m.type === 'conditionalValidation');
    const hasDefault = sample[name] !== undefined;
    const shape = fieldShape(cls, name, validations);
    const element = shape.kind === 'list' ? shape.element : shape;
    if (validations.some((m) => m.type === 'promiseValidation' || isAsyncConstraint(m))) descriptor.asyncValidation = true;
    if (element.kind === 'dto' && element.dto.asyncValidation) descriptor.asyncValidation = true;
    descriptor.fields.push({
      name,
      shape,
      optional: conditional.length > 0 || hasDefault,
      nullable: conditional.some((m) => m.name === 'isOptional'),
      defaultValue: hasDefault ? sample[name] : undefined,
      hasDefault,
      validations,
      docs: getFieldOptions(cls, name),
      alias: exposedName(cls, name),
    });
  }
}

/**
 * Puts the properties in the order the class declares them, as its instances
 * hold them (class fields are defined in order, ancestors' first). Left as it
 * is when an instance does not show every property.
 */
function inDeclarationOrder(byProperty: Map<string, ValidationMetadata[]>, sample: Record<string, unknown>): void {
  const order = Object.keys(sample);
  if (![...byProperty.keys()].every((name) => order.includes(name))) return;
  const sorted = [...byProperty].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  byProperty.clear();
  for (const [name, validations] of sorted) byProperty.set(name, validations);
}

/**
 * class-validator lists a class's own metadata before its ancestors'; Pydantic
 * orders fields from the base class down, and so do errors. A property takes
 * the place of its most ancestral declaration.
 */
function inheritedFirst(cls: object, metadata: readonly ValidationMetadata[]): ValidationMetadata[] {
  const chain: unknown[] = [];
  for (let c: object | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  const depth = new Map<string, number>();
  for (const meta of metadata) {
    const level = chain.indexOf(meta.target);
    depth.set(meta.propertyName, Math.min(depth.get(meta.propertyName) ?? chain.length, level < 0 ? chain.length : level));
  }
  return [...metadata].sort((a, b) => depth.get(a.propertyName)! - depth.get(b.propertyName)!);
}

function isAsyncConstraint(meta: ValidationMetadata): boolean {
  return getMetadataStorage()
    .getTargetValidatorConstraints(meta.constraintCls)
    .some((c) => c.async);
}


export { validatorName };
