import { jsonText } from '../http/json-text';
import type { ValidationErrorItem } from '../errors/request-validation-error';
import type { ScalarKind } from '../params/scalar-conversion';

/** What a response writer, interpreted or generated, works with. */
export type Loc = (string | number)[];

/** One write's findings: `undefined` until the first problem; never collected when validation is off. */
export interface Pass {
  errors: ValidationErrorItem[] | undefined;
  readonly validate: boolean;
}

/** Writes one value as JSON; a misfit is recorded in the pass and written as JSON would write it. */
export type Write = (value: unknown, loc: Loc, pass: Pass) => string;

export const asJson = (value: unknown): string => jsonText(value) ?? 'null';

/** Records a misfit (when validating) and writes the value as JSON would. */
export function fail(pass: Pass, item: ValidationErrorItem, value: unknown): string {
  if (pass.validate) (pass.errors ??= []).push(item);
  return asJson(value);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON must escape
export const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;
export const SHORT_STRING = 5000;

/** Generated code's test that the string `v` is written as it is between quotes (`E` being NEEDS_ESCAPE there); else `JSON.stringify` writes it. */
export const WRITTEN_AS_IS = `v.length < ${SHORT_STRING} && !E.test(v)`;

/** The output options, normalized: one writer per DTO and distinct set of options. */
export interface Output {
  readonly key: string;
  readonly excludeUnset: boolean;
  readonly excludeDefaults: boolean;
  readonly excludeNone: boolean;
  readonly byAlias: boolean;
  readonly validate: boolean;
  /** Written by the interpreter rather than generated code (what the generated writers are tested against). */
  readonly interpret: boolean;
}

export interface FieldPlan {
  readonly name: string;
  /** `"name":`, under the alias when written by alias. */
  readonly keyText: string;
  readonly write: Write;
  readonly nullable: boolean;
  /** What a missing value is written as: its default, `null` when optional; `undefined` when it is required. */
  readonly fill: string | undefined;
  /** The default as JSON text, when there is one (what `excludeDefaults` compares with). */
  readonly defaultText: string | undefined;
  /** A scalar field's kind, which generated code writes inline in the common case. */
  readonly scalar: ScalarKind | undefined;
}

