import type { DtoDescriptor, DtoField } from '../dto/dto-descriptor';
import { compiledFrom, planOf } from '../dto/dto-plan';
import { fieldsSetOf, recordFieldsSet } from '../dto/fields-set';
import { ResponseValidationError } from '../errors/response-validation-error';
import { generateDtoWriter } from './generated-writer';
import { asJson, fail, NEEDS_ESCAPE, SHORT_STRING, type FieldPlan, type Loc, type Output, type Pass, type Write } from './write-pass';
import { missingItem, validationItem, type ValidationErrorItem } from '../errors/request-validation-error';
import type { ResponseModel } from '../metadata/records';
import { isIssue } from '../params/conversion-issue';
import { converterFor, type ScalarKind, type ScalarShape } from '../params/scalar-conversion';
import type { ModelOutputOptions } from './model-output-options';
import { modelShape, type ModelShape } from './model-shape';

/**
 * Checks a handler's result against the response model and writes it as JSON
 * text in the same pass (no intermediate object): only the model's declared
 * fields, in its order, under their aliases; a field the result lacks gets
 * its default, or `null` when it is optional, as FastAPI fills it. A result
 * that does not fit (a required field missing, a value of the wrong type,
 * converted as Pydantic's lax mode would) throws `ResponseValidationError`
 * listing every problem.
 */
export type ResponseWriter = (value: unknown) => string;

/** An object of one of Deft's exact types (with its own `toJSON`); anything else is converted first. */
const writesItself = (value: unknown): string | undefined => (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? asJson(value) : undefined);

/**
 * The common, valid case of each scalar written directly (on Node 20 a
 * `JSON.stringify` call costs about 80 ns even for a short string); anything
 * else (`undefined`) goes through Pydantic's lax conversion.
 */
const DIRECT: Readonly<Record<ScalarKind, (value: unknown) => string | undefined>> = {
  string: (v) => (typeof v !== 'string' ? undefined : v.length < SHORT_STRING && !NEEDS_ESCAPE.test(v) ? `"${v}"` : JSON.stringify(v)),
  float: (v) => (typeof v === 'number' ? (Number.isFinite(v) ? String(v) : 'null') : undefined),
  int: (v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : undefined),
  boolean: (v) => (v === true ? 'true' : v === false ? 'false' : undefined),
  date: (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? JSON.stringify(v) : undefined),
  // Exact, as Python writes an int of any size (JSON.stringify throws on a bigint).
  bigint: (v) => (typeof v === 'bigint' ? v.toString() : undefined),
  // Values of Deft's exact types write themselves (`toJSON`): a decimal as its string, dates and durations as Pydantic does.
  decimal: writesItself,
  'date-only': writesItself,
  time: writesItself,
  duration: writesItself,
  // Always through the converter, which normalizes a UUID to lowercase.
  uuid: () => undefined,
  any: (v) => asJson(v),
};

function scalarWriter(shape: ScalarShape): Write {
  const direct = DIRECT[shape.scalar];
  const convert = converterFor(shape);
  return (value, loc, pass) => {
    const text = direct(value);
    if (text !== undefined) return text;
    const converted = convert(value);
    if (isIssue(converted)) return fail(pass, validationItem(converted.type, [...loc], converted.msg, value, converted.ctx), value);
    return direct(converted) ?? asJson(converted);
  };
}

function fieldPlan(field: DtoField, output: Output): FieldPlan {
  const defaultText = field.hasDefault ? asJson(field.defaultValue) : undefined;
  return {
    name: field.name,
    keyText: `${JSON.stringify(output.byAlias ? (field.alias ?? field.name) : field.name)}:`,
    write: writerFor(field.shape, output),
    nullable: field.nullable,
    fill: defaultText ?? (field.optional ? 'null' : undefined),
    defaultText,
    scalar: field.shape.kind === 'scalar' ? field.shape.scalar : undefined,
  };
}

/**
 * One writer per DTO and set of output options, kept with the DTO's plan:
 * generated code, or the interpreter below; `include`/`exclude` make an
 * interpreted one of their own.
 */
function dtoWriter(dto: DtoDescriptor, output: Output, only: ((name: string) => boolean) | undefined): Write {
  if (only) return makeDtoWriter(dto, output, only);
  const plan = planOf(dto);
  if (output.interpret) return compiledFrom(plan, `response writer ${output.key}`, () => makeDtoWriter(dto, output, undefined));
  let made = false;
  const generated = compiledFrom(plan, `generated response writer ${output.key}`, () => {
    made = true;
    return generateDtoWriter();
  });
  // Linked after it is kept: a DTO that holds itself finds this same writer.
  if (made) generated.link(dto.fields.map((field) => fieldPlan(field, output)), output);
  return generated.write;
}

function makeDtoWriter(dto: DtoDescriptor, output: Output, only: ((name: string) => boolean) | undefined): Write {
  let fields: FieldPlan[] | undefined;
  const { excludeUnset, excludeDefaults, excludeNone } = output;
  const write: Write = (value, loc, pass) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(pass, validationItem('model_attributes_type', [...loc], 'Input should be a valid dictionary or object to extract fields from', value), value);
    }
    // Planned on first use, so a DTO that contains itself refers to this same writer.
    fields ??= dto.fields.filter((field) => !only || only(field.name)).map((field) => fieldPlan(field, output));
    const source = value as Record<string, unknown>;
    const sent = excludeUnset ? fieldsSetOf(source) : undefined;
    let out = '{';
    let separator = '';
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const fieldValue = source[field.name];
      // Unset: not sent by the client, for a body Deft made; else absent (a class field declared without a value is `undefined`).
      if (excludeUnset && (sent ? !sent.has(field.name) : fieldValue === undefined)) continue;
      let text: string;
      if (fieldValue === undefined) {
        if (field.fill === undefined) {
          fail(pass, missingItem([...loc, field.name], value), undefined);
          continue;
        }
        if ((excludeNone && field.fill === 'null') || (excludeDefaults && field.defaultText !== undefined)) continue;
        text = field.fill;
      } else if (fieldValue === null && (field.nullable || field.defaultText === 'null')) {
        if (excludeNone || (excludeDefaults && field.defaultText === 'null')) continue;
        text = 'null';
      } else {
        if (excludeNone && fieldValue === null) continue;
        loc.push(field.name);
        text = field.write(fieldValue, loc, pass);
        loc.pop();
        if (excludeDefaults && text === field.defaultText) continue;
      }
      out += separator + field.keyText + text;
      separator = ',';
    }
    return `${out}}`;
  };
  return write;
}

function listWriter(element: Write): Write {
  return (value, loc, pass) => {
    if (!Array.isArray(value)) return fail(pass, validationItem('list_type', [...loc], 'Input should be a valid list', value), value);
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      loc.push(i);
      out += (i === 0 ? '' : ',') + element(value[i], loc, pass);
      loc.pop();
    }
    return `${out}]`;
  };
}

function dictWriter(entry: Write): Write {
  return (value, loc, pass) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(pass, validationItem('dict_type', [...loc], 'Input should be a valid dictionary', value), value);
    }
    let out = '{';
    let separator = '';
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      loc.push(key);
      out += `${separator}${JSON.stringify(key)}:${entry(item, loc, pass)}`;
      loc.pop();
      separator = ',';
    }
    return `${out}}`;
  };
}

/** The name a union member goes by in error locations, as Pydantic names it. */
function memberName(shape: ModelShape): string {
  return shape.kind === 'dto' ? shape.dto.name : shape.kind === 'scalar' ? shape.scalar : shape.kind;
}

/**
 * A union: an instance of a member class is written as that member; anything
 * else as the member it fits that uses the most of its properties (so a
 * value is not cut down to a smaller member that happens to fit too), as
 * Pydantic's smart mode chooses. A discriminated union picks by the tag.
 */
function unionWriter(shape: ModelShape & { kind: 'union' }, output: Output): Write {
  const members = shape.members.map((member) => ({ shape: member, write: writerFor(member, output), name: memberName(member) }));
  const discriminator = shape.discriminator;
  if (discriminator) {
    const byTag = new Map([...discriminator.mapping].map(([tag, member]) => [tag, writerFor(member, output)]));
    const expected = [...byTag.keys()].map((tag) => `'${tag}'`).join(', ');
    const property = discriminator.propertyName;
    return (value, loc, pass) => {
      const tag = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[property] : undefined;
      if (tag === undefined) {
        return fail(pass, validationItem('union_tag_not_found', [...loc], `Unable to extract tag using discriminator '${property}'`, value, { discriminator: `'${property}'` }), value);
      }
      const write = byTag.get(String(tag));
      if (!write) {
        const msg = `Input tag '${String(tag)}' found using '${property}' does not match any of the expected tags: ${expected}`;
        return fail(pass, validationItem('union_tag_invalid', [...loc], msg, value, { discriminator: `'${property}'`, tag: String(tag), expected_tags: expected }), value);
      }
      loc.push(String(tag));
      const text = write(value, loc, pass);
      loc.pop();
      return text;
    };
  }
  return (value, loc, pass) => {
    const own = members.find((member) => member.shape.kind === 'dto' && value instanceof member.shape.dto.cls);
    if (own) return own.write(value, loc, pass);
    const keys = typeof value === 'object' && value !== null ? new Set(Object.keys(value)) : new Set<string>();
    let best: { text: string; used: number } | undefined;
    const failures: ValidationErrorItem[] = [];
    for (const member of members) {
      const trial: Pass = { errors: undefined, validate: true };
      loc.push(member.name);
      const text = member.write(value, loc, trial);
      loc.pop();
      if (trial.errors) {
        failures.push(...trial.errors);
        continue;
      }
      const used = member.shape.kind === 'dto' ? member.shape.dto.fields.filter((field) => keys.has(field.name)).length : 0;
      if (!best || used > best.used) best = { text, used };
    }
    if (best) return best.text;
    if (pass.validate) (pass.errors ??= []).push(...failures);
    return asJson(value);
  };
}

function writerFor(shape: ModelShape, output: Output): Write {
  switch (shape.kind) {
    case 'scalar':
      return scalarWriter(shape);
    case 'dto':
      return dtoWriter(shape.dto, output, undefined);
    case 'list':
      return listWriter(writerFor(shape.element, output));
    case 'dict':
      return dictWriter(writerFor(shape.value, output));
    case 'union':
      return unionWriter(shape, output);
  }
}

function normalize(options: ModelOutputOptions & { interpret?: boolean }): Output {
  const output = {
    excludeUnset: options.excludeUnset === true,
    excludeDefaults: options.excludeDefaults === true,
    excludeNone: options.excludeNone === true,
    byAlias: options.byAlias !== false,
    validate: options.validate !== false,
    interpret: options.interpret === true,
  };
  return { ...output, key: JSON.stringify(output) };
}

/** `include`/`exclude` name fields of the top-level model (of each item, for a list). */
function rootWriter(shape: ModelShape, output: Output, options: ModelOutputOptions): Write {
  const { include, exclude } = options;
  if (!include && !exclude) return writerFor(shape, output);
  const only = (name: string): boolean => (!include || include.includes(name)) && !exclude?.includes(name);
  if (shape.kind === 'dto') return dtoWriter(shape.dto, output, only);
  if (shape.kind === 'list' && shape.element.kind === 'dto') return listWriter(dtoWriter(shape.element.dto, output, only));
  return writerFor(shape, output);
}

/** Compiles a route's `responseModel` once; `where` names the route in start-up errors and in response validation errors. */
export function compileResponseWriter(model: ResponseModel, where: string, options: ModelOutputOptions & { interpret?: boolean } = {}): ResponseWriter {
  const output = normalize(options);
  if (output.excludeUnset) recordFieldsSet();
  const write = rootWriter(modelShape(model, where), output, options);
  const loc: Loc = ['response'];
  return (value) => {
    const pass: Pass = { errors: undefined, validate: output.validate };
    const text = write(value, loc, pass);
    if (pass.errors) {
      loc.length = 1;
      throw new ResponseValidationError(pass.errors, where);
    }
    return text;
  };
}
