import { fieldsSetOf } from '../dto/fields-set';
import { stringLiteral } from '../values/js-literal';
import { missingItem, validationItem } from '../errors/request-validation-error';
import type { ScalarKind } from '../params/scalar-conversion';
import { numberText } from './number-text';
import { fail, NEEDS_ESCAPE, WRITTEN_AS_IS, type FieldPlan, type Loc, type Output, type Pass, type Write } from './write-pass';

/** A DTO's response writer as generated code, and how its fields' writers are handed to it once they exist. */
export interface GeneratedDtoWriter {
  readonly write: Write;
  link(fields: readonly FieldPlan[], output: Output): void;
}

/** What the generated code calls: the slow paths. */
const helpers = {
  fieldsSetOf,
  notAnObject: (value: unknown, loc: Loc, pass: Pass): string =>
    fail(pass, validationItem('model_attributes_type', [...loc], 'Input should be a valid dictionary or object to extract fields from', value), value),
  missing(name: string, value: unknown, loc: Loc, pass: Pass): void {
    fail(pass, missingItem([...loc, name], value), undefined);
  },
};

/** A scalar's common, valid case written inline (as the interpreter's `DIRECT` writes it); the rest goes to its writer `W[i]`. */
function scalarCode(scalar: ScalarKind | undefined, i: number): string {
  const slow = `W[${i}](v, loc, pass)`;
  switch (scalar) {
    case 'string':
      return `(typeof v === "string" && ${WRITTEN_AS_IS} ? '"' + v + '"' : ${slow})`;
    case 'float':
      return `(typeof v === "number" && Number.isFinite(v) ? NT(v) : ${slow})`;
    case 'int':
      return `(typeof v === "number" && Number.isInteger(v) ? "" + v : ${slow})`;
    case 'boolean':
      return `(v === true ? "true" : v === false ? "false" : ${slow})`;
    default:
      return slow;
  }
}

const append = (text: string): string => `{ out += sep + ${text}; sep = ","; }`;

/** One field, as the interpreter's loop writes it, with the output options already decided. */
function fieldCode(field: FieldPlan, i: number, output: Output): string {
  const name = stringLiteral(field.name);
  const key = stringLiteral(field.keyText);
  const { excludeUnset, excludeDefaults, excludeNone } = output;
  let missing: string;
  if (field.fill === undefined) missing = `h.missing(${name}, value, loc, pass);`;
  else if ((excludeNone && field.fill === 'null') || (excludeDefaults && field.defaultText !== undefined)) missing = '';
  else missing = append(stringLiteral(field.keyText + field.fill));
  const writesNull = field.nullable || field.defaultText === 'null';
  const asNull = excludeNone || (excludeDefaults && field.defaultText === 'null') ? '' : append(stringLiteral(`${field.keyText}null`));
  const keepText = excludeDefaults && field.defaultText !== undefined ? `if (t !== ${stringLiteral(field.defaultText)}) ` : '';
  const written = `loc.push(${name}); t = ${scalarCode(field.scalar, i)}; loc.pop(); ${keepText}${append(`${key} + t`)}`;
  const value = excludeNone ? `if (v !== null) { ${written} }` : written;
  const body = `if (v === undefined) { ${missing} } ${writesNull ? `else if (v === null) { ${asNull} } ` : ''}else { ${value} }`;
  // Unset: not sent by the client, for a body Deft made; else absent.
  const unset = excludeUnset ? `if (sent ? sent.has(${name}) : v !== undefined) ` : '';
  return `v = value[${name}];\n${unset}{ ${body} }`;
}

function writerSource(fields: readonly FieldPlan[], output: Output): string {
  return `"use strict";
return function write(value, loc, pass) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return h.notAnObject(value, loc, pass);
  ${output.excludeUnset ? 'const sent = h.fieldsSetOf(value);' : ''}
  let out = "{", sep = "", v, t;
${fields.map((field, i) => fieldCode(field, i, output)).join('\n')}
  return out + "}";
};`;
}

/**
 * Generates the writer of a DTO for one set of output options: the fields in
 * a straight line, each option decided here rather than per response. Made
 * of fixed text and escaped string literals (field names, keys, defaults as
 * JSON); the fields' own writers are constants `W[i]`. The code is generated
 * when the fields are linked (at start-up); until then, as for a DTO that
 * holds itself while its fields are planned, `write` forwards to it.
 */
export function generateDtoWriter(): GeneratedDtoWriter {
  const writers: Write[] = [];
  let generated: Write | undefined;
  const forward: Write = (value, loc, pass) => generated!(value, loc, pass);
  return {
    get write() {
      return generated ?? forward;
    },
    link(fields, output) {
      fields.forEach((field, i) => (writers[i] = field.write));
      // Generated from the DTO's declared fields and the route's output options, once.
      const make = new Function('h', 'W', 'E', 'NT', writerSource(fields, output)) as (...args: unknown[]) => Write;
      generated = make(helpers, writers, NEEDS_ESCAPE, numberText);
    },
  };
}
