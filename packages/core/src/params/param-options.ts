import type { Int } from './int';
import type { UUID } from './uuid';
import type { DateTime } from './temporal';

/** An OpenAPI Example Object. */
export interface ExampleObject {
  summary?: string;
  description?: string;
  value?: unknown;
  externalValue?: string;
}

/** Where a request parameter is read from. */
export type ParamSource = 'path' | 'query' | 'header' | 'cookie' | 'body' | 'form' | 'file';

type Constructor = abstract new (...args: never[]) => unknown;

/**
 * A type given explicitly, overriding the reflected one: a constructor
 * (`String`, `Number`, `Int`, `BigInt`, `UUID`, `Boolean`, `Date`, a DTO class, `Object` for any
 * JSON) or a one-element array of one for lists (`[Number]`).
 */
export type TypeSpec = Constructor | BigIntConstructor | readonly [Constructor | BigIntConstructor];

/** Options every parameter decorator accepts. */
export interface ParamOptions {
  /** Value used when the parameter is absent; makes it optional. `null` is a valid default. */
  default?: unknown;
  /** Defaults to `true` unless `default` is given. */
  required?: boolean;
  description?: string;
  deprecated?: boolean;
  /** `false` hides the parameter from the OpenAPI document. */
  includeInSchema?: boolean;
  gt?: number;
  ge?: number;
  lt?: number;
  le?: number;
  /** The number must be a multiple of this (JSON Schema's `multipleOf`). */
  multipleOf?: number;
  /** A `Decimal`'s digits in all, at most (Pydantic's `max_digits`). */
  maxDigits?: number;
  /** A `Decimal`'s digits after the point, at most (Pydantic's `decimal_places`). */
  decimalPlaces?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string | RegExp;
  /** Allowed values: a list, or a TypeScript enum object. */
  enum?: readonly (string | number)[] | Readonly<Record<string, string | number>>;
  /** Overrides the reflected TypeScript type (needed for arrays' element types and for integers). */
  type?: TypeSpec;
  /** A JSON Schema `format` for the documentation (`'password'` masks the field in Swagger UI); not validated. */
  format?: string;
  /**
   * For a parameter model (an unnamed, DTO-typed `@Query()`, `@Header()`,
   * `@Cookie()` or `@Form()`): `'forbid'` answers 422 `extra_forbidden` for
   * any other parameter sent, as FastAPI's `extra: "forbid"`. Default `'ignore'`.
   */
  extra?: 'ignore' | 'forbid';
  /** Examples for the documentation: the JSON Schema's `examples`. */
  examples?: readonly unknown[];
  /**
   * Named examples, which Swagger UI offers in a drop-down (FastAPI's
   * `openapi_examples`): `{ normal: { summary: 'A normal item', value: {...} } }`.
   * On a parameter, and on a whole (not embedded) body.
   */
  openapiExamples?: Readonly<Record<string, ExampleObject>>;
  title?: string;
}

export interface BodyOptions extends ParamOptions {
  /** Expect `{"<name>": value}` even when this is the only body parameter. */
  embed?: boolean;
}

/** The value type a `type` option stands for, so function dependencies get typed arguments. */
export type ValueOfSpec<S> = S extends NumberConstructor | typeof Int
  ? number
  : S extends BigIntConstructor
    ? bigint
    : S extends StringConstructor | typeof UUID
      ? string
      : S extends BooleanConstructor
        ? boolean
        : S extends DateConstructor
          ? DateTime
          : S extends readonly [infer E]
            ? ValueOfSpec<E>[]
            : S extends abstract new (...args: never[]) => infer I
              ? I
              : unknown;

/** The value a parameter declared with options `O` receives. */
export type ParamValue<O> = (O extends { type: infer S } ? ValueOfSpec<S> : string) | OptionalPart<O>;

type OptionalPart<O> = O extends { default: infer D }
  ? D extends undefined
    ? undefined
    : D extends null
      ? null
      : never
  : O extends { required: false }
    ? undefined
    : never;
