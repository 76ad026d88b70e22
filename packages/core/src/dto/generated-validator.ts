import { isPlainObject } from '../values/plain-object';
import { conditionsHold, reportField } from './check-interpreter';
import { allPassCode, type Constant } from './check-code';
import type { FieldShape } from './dto-descriptor';
import { compiledFrom, type DtoPlan } from './dto-plan';
import { characterCount } from './fast-constraints';
import { isRecordingFieldsSet, rememberFieldsSet } from './fields-set';
import { stringLiteral } from '../values/js-literal';
import { INVALID } from './invalid';
import { convertScalar, inheritedByObjects, missingField, notAList, notAnObject, sentField } from './structural-pass';
import type { Loc, ValidationPass } from './validation-pass';

/**
 * A DTO's validation and construction as generated code: `parse` is the
 * structural pass building the instance, `check` the constraint pass, each
 * one straight-line function per class, built once from the DTO's plan.
 */
export interface GeneratedValidator {
  readonly parse: (value: unknown, loc: Loc, pass: ValidationPass) => unknown;
  readonly check: (instance: object, loc: Loc, pass: ValidationPass, pending: Promise<void>[]) => void;
  /** The validators of the DTOs its fields hold, by field position, linked once all are made. */
  readonly nested: (GeneratedValidator | undefined)[];
}

/** What the generated code calls: the steps every backend shares, and the slow paths. */
const helpers = {
  isPlainObject,
  notAnObject,
  notAList,
  missingField,
  convertScalar,
  conditionsHold,
  reportField,
  chars: characterCount,
  recording: isRecordingFieldsSet,
  remember(instance: object, value: Record<string, unknown>, names: readonly string[]): void {
    rememberFieldsSet(instance, new Set(names.filter((name) => sentField(value, name) !== undefined)));
  },
  hasOwn: Object.hasOwn,
};

/** The values each scalar kind takes as they are (what its converter returns unchanged), as code over a variable. */
const SCALAR_TESTS: Readonly<Record<string, (name: string) => string>> = {
  string: (name) => `typeof ${name} === "string"`,
  float: (name) => `typeof ${name} === "number"`,
  boolean: (name) => `typeof ${name} === "boolean"`,
  int: (name) => `(typeof ${name} === "number" && Number.isSafeInteger(${name}))`,
  any: () => 'true',
};

/** Code reading `source` as `shape` into `target` (declared by the caller); `depth` keeps loop variables apart. */
function parseCode(shape: FieldShape, source: string, target: string, depth: number, nested: string, constant: Constant): string {
  switch (shape.kind) {
    case 'scalar': {
      const test = SCALAR_TESTS[shape.scalar]?.(source);
      const convert = `h.convertScalar(${constant(shape)}, ${source}, loc, pass)`;
      return test ? `if (${test}) ${target} = ${source}; else ${target} = ${convert};` : `${target} = ${convert};`;
    }
    case 'list': {
      const [items, index, item, result] = [`a${depth}`, `i${depth}`, `e${depth}`, `r${depth}`];
      return `if (!Array.isArray(${source})) ${target} = h.notAList(${source}, loc, pass); else {
  const ${items} = new Array(${source}.length);
  for (let ${index} = 0; ${index} < ${source}.length; ${index}++) {
    loc.push(${index}); const ${item} = ${source}[${index}]; let ${result};
    ${parseCode(shape.element, item, result, depth + 1, nested, constant)}
    loc.pop(); ${items}[${index}] = ${result} === INVALID ? undefined : ${result};
  }
  ${target} = ${items};
}`;
    }
    case 'dto':
      return `${target} = ${nested}.parse(${source}, loc, pass);`;
  }
}

function parseSource(plan: DtoPlan, constant: Constant): string {
  const lines = [
    'if (!h.isPlainObject(value)) return h.notAnObject(value, loc, pass);',
    'const out = new C();',
    `if (h.recording()) h.remember(out, value, ${constant(plan.dto.fields.map((field) => field.name))});`,
    'let v, r;',
  ];
  plan.dto.fields.forEach((field, i) => {
    const key = stringLiteral(field.name);
    const missing = field.optional ? '' : `h.missingField(${key}, value, loc, pass);`;
    const nullable = field.nullable ? `else if (v === null) out[${key}] = null;` : '';
    // A name every object has is read only where the body has it itself (decided here, not per request).
    const read = inheritedByObjects(field.name) ? `h.hasOwn(value, ${key}) ? value[${key}] : undefined` : `value[${key}]`;
    lines.push(`v = ${read};`, `if (v === undefined) { ${missing} } ${nullable} else {`);
    lines.push(`  loc.push(${key}); ${parseCode(field.shape, 'v', 'r', 1, `N[${i}]`, constant)} loc.pop();`);
    lines.push(`  if (r !== INVALID) out[${key}] = r;`, '}');
  });
  lines.push('return out;');
  return lines.join('\n');
}

function checkSource(plan: DtoPlan, constant: Constant): string {
  const lines = ['let v;'];
  plan.checks!.forEach((field, i) => {
    const key = stringLiteral(field.name);
    const body: string[] = [];
    if (field.checks.length > 0) {
      const allPass = allPassCode(field, constant);
      const report = `h.reportField(${constant(field)}, instance, v, loc, pass, pending);`;
      body.push(allPass === undefined ? report : `if (!(${allPass})) ${report}`);
    }
    if (field.nested) {
      const list = field.nestedList
        ? `if (Array.isArray(v)) { for (let i = 0; i < v.length; i++) { const item = v[i]; if (typeof item !== "object" || item === null) continue; loc.push(i); N[${i}].check(item, loc, pass, pending); loc.pop(); } } else `
        : '';
      body.push(`if (v !== undefined && v !== null) { loc.push(${key}); ${list}if (typeof v === "object") N[${i}].check(v, loc, pass, pending); loc.pop(); }`);
    }
    if (body.length === 0) return;
    let block = body.join('\n');
    if (field.conditions.length > 0) block = `if (h.conditionsHold(${constant(field.conditions)}, instance, v)) {\n${block}\n}`;
    if (field.skipWhenNullish) block = `if (v !== null && v !== undefined) {\n${block}\n}`;
    lines.push(`v = instance[${key}];`, block);
  });
  return lines.join('\n');
}

/**
 * Generates a DTO's validator. The code is made of fixed text, field names
 * as escaped string literals and positions; every other value (shapes,
 * patterns, bounds, checks) is a constant the code refers to by index, so no
 * text of the application or of a request is ever evaluated.
 */
function generate(plan: DtoPlan): GeneratedValidator {
  const constants: unknown[] = [];
  const constant: Constant = (value) => `K[${constants.push(value) - 1}]`;
  const source = `"use strict";
return {
  parse(value, loc, pass) {
${parseSource(plan, constant)}
  },
  check(instance, loc, pass, pending) {
${checkSource(plan, constant)}
  },
};`;
  const nested: (GeneratedValidator | undefined)[] = [];
  // The one place Deft evaluates code: text generated above from the DTO's plan, built once at start-up.
  const make = new Function('h', 'K', 'C', 'N', 'INVALID', source) as (...args: unknown[]) => Omit<GeneratedValidator, 'nested'>;
  return { ...make(helpers, constants, plan.dto.cls, nested, INVALID), nested };
}

/**
 * The generated validator of a DTO whose plan every backend covers (its
 * checks run without class-validator's executor and it is built directly),
 * made once; `undefined` for the others, which the interpreter handles.
 */
export function generatedValidator(plan: DtoPlan): GeneratedValidator | undefined {
  if (!plan.checks || !plan.direct) return undefined;
  let linked = true;
  const validator = compiledFrom(plan, 'generated validator', () => {
    linked = false;
    return generate(plan);
  });
  // Linked after it is kept: a DTO that holds itself (or one that holds it) finds this same validator.
  if (!linked) plan.nested.forEach((nestedPlan, i) => (validator.nested[i] = nestedPlan && generatedValidator(nestedPlan)));
  return validator;
}
