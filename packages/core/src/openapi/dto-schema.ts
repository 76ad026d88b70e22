import { validatorName, type DtoDescriptor, type DtoField, type FieldShape, type ValidationMetadata } from '../dto/dto-descriptor';
import { enumValues } from '../params/constraints';
import { applyDocKeywords } from './doc-keywords';
import { enumType, orNull, outputScalarSchema, scalarSchema, setDefined } from './json-schema-parts';
import { titleFromName } from './names';
import type { JsonSchema } from './openapi-types';
import type { SchemaMode, SchemaRegistry } from './schema-registry';

type KeywordWriter = (schema: JsonSchema, args: readonly unknown[]) => void;

const num = (value: unknown): number => Number(value);
const patternSource = (pattern: unknown): string => (pattern instanceof RegExp ? pattern.source : String(pattern));

function setEnum(schema: JsonSchema, values: readonly unknown[]): void {
  schema.enum = [...values];
  if (schema.type === undefined) setDefined(schema, 'type', enumType(values));
}

/** Sets a keyword that only applies to strings (or numbers), typing an otherwise untyped property. */
function typed(type: 'string' | 'number', keyword: string, value: unknown): KeywordWriter {
  return (schema) => {
    if (schema.type === undefined) schema.type = type;
    schema[keyword] = value;
  };
}

function typedArg(type: 'string' | 'number', keyword: string, convert: (arg: unknown) => unknown = num): KeywordWriter {
  return (schema, [arg]) => typed(type, keyword, convert(arg))(schema, []);
}

/** class-validator constraints with a JSON Schema equivalent; the others document nothing. */
const KEYWORDS: Readonly<Record<string, KeywordWriter>> = {
  isEmail: typed('string', 'format', 'email'),
  isUuid: typed('string', 'format', 'uuid'),
  isUrl: typed('string', 'format', 'uri'),
  isDateString: typed('string', 'format', 'date-time'),
  isIso8601: typed('string', 'format', 'date-time'),
  isIp: (s, [version]) => {
    if (String(version) === '4' || String(version) === '6') typed('string', 'format', `ipv${String(version)}`)(s, []);
  },
  minLength: typedArg('string', 'minLength'),
  maxLength: typedArg('string', 'maxLength'),
  isLength: (s, [min, max]) => {
    typed('string', 'minLength', num(min))(s, []);
    if (max !== undefined) s.maxLength = num(max);
  },
  isNotEmpty: (s) => {
    if (s.type === 'string' && s.minLength === undefined) s.minLength = 1;
  },
  min: typedArg('number', 'minimum'),
  max: typedArg('number', 'maximum'),
  isDivisibleBy: typedArg('number', 'multipleOf'),
  isPositive: typed('number', 'exclusiveMinimum', 0),
  isNegative: typed('number', 'exclusiveMaximum', 0),
  matches: typedArg('string', 'pattern', patternSource),
  isEnum: (s, [entity]) => setEnum(s, enumValues(entity as Record<string, string | number>)),
  isIn: (s, [values]) => setEnum(s, values as readonly unknown[]),
  arrayMinSize: (s, [min]) => void (s.minItems = num(min)),
  arrayMaxSize: (s, [max]) => void (s.maxItems = num(max)),
  arrayUnique: (s) => void (s.uniqueItems = true),
};

function applyValidations(schema: JsonSchema, validations: readonly ValidationMetadata[], each: boolean): void {
  for (const meta of validations) {
    if (Boolean(meta.each) !== each) continue;
    const name = validatorName(meta);
    const write = name === undefined ? undefined : KEYWORDS[name];
    write?.(schema, (meta.constraints ?? []) as readonly unknown[]);
  }
}

/** The schema of a DTO field's shape: a scalar's type, a DTO's `$ref`, a list of either (as read, or as written: `mode`). */
export function shapeSchema(shape: FieldShape, registry: SchemaRegistry, mode: SchemaMode = 'input'): JsonSchema {
  switch (shape.kind) {
    case 'scalar':
      return mode === 'output' ? outputScalarSchema(shape.scalar) : scalarSchema(shape.scalar);
    case 'dto':
      return registry.refFor(shape.dto, mode);
    case 'list':
      return { items: shapeSchema(shape.element, registry, mode), type: 'array' };
  }
}

/** One property of a DTO: its type, its validators as keywords, `T | null` for `@IsOptional()`, title and default. */
export function dtoFieldSchema(field: DtoField, registry: SchemaRegistry, mode: SchemaMode = 'input'): JsonSchema {
  const base = shapeSchema(field.shape, registry, mode);
  if (field.shape.kind === 'list') {
    const items = base.items as JsonSchema;
    if (items.$ref === undefined) applyValidations(items, field.validations, true);
  }
  if (base.$ref === undefined) applyValidations(base, field.validations, false);
  const docs = field.docs ?? {};
  // A validator's format (`@IsEmail()`) gives way to the one `@Field()` says.
  if (docs.format !== undefined) delete base.format;
  return applyDocKeywords(field.nullable ? orNull(base) : base, {
    ...docs,
    nameTitle: titleFromName(field.name),
    default: field.hasDefault ? { value: field.defaultValue } : undefined,
  });
}

/** A DTO class as an object schema: properties in declaration order, the non-optional ones required. */
export function dtoSchema(dto: DtoDescriptor, registry: SchemaRegistry, mode: SchemaMode): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of dto.fields) properties[field.name] = dtoFieldSchema(field, registry, mode);
  const required = dto.fields.filter((field) => !field.optional).map((field) => field.name);
  const schema: JsonSchema = { properties, type: 'object' };
  if (required.length > 0) schema.required = required;
  schema.title = dto.name;
  return schema;
}
