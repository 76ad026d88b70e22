import 'reflect-metadata';
import { Expose, Type } from 'class-transformer';
import fc from 'fast-check';
import { IsBoolean, IsDate, IsInt, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { compileResponseWriter } from '../../src/response/response-filter';
import type { ModelOutputOptions } from '../../src/response/model-output-options';

/**
 * A response model is written by code generated per DTO and set of output
 * options. It must write what the interpreter writes, byte for byte, and
 * report the same problems: random DTOs (types, optional fields, defaults,
 * aliases, a nested DTO, a list of them, hostile names) meet random results
 * under random output options.
 */

const names = ['name', 'price', 'has "quotes"', 'back\\slash', 'line\u2028separator', 'constructor', '"]; globalThis.deftWriterInjected = 1; //'];
const kinds = {
  string: { design: String, decorate: IsString, values: ['ab', '', 'é"\\', '\u2028', 'x'.repeat(5001)] },
  float: { design: Number, decorate: IsNumber, values: [1.5, 0, -0, 2e21, Number.NaN, Infinity, '2.5', -30.25, 0.0625, 2 ** 31 + 0.5, 19.99] },
  int: { design: Number, decorate: IsInt, values: [1, 0, 2 ** 53, 1.5, '7'] },
  boolean: { design: Boolean, decorate: IsBoolean, values: [true, false, 'true', 0] },
  date: { design: Date, decorate: IsDate, values: [new Date(0), '2024-05-06T07:08:09Z'] },
} as const;
type Kind = keyof typeof kinds;

interface FieldSpec {
  readonly name: string;
  readonly kind: Kind;
  readonly optional: boolean;
  readonly alias: string | undefined;
  readonly defaultValue: unknown;
}

const fieldSpec = (name: string): fc.Arbitrary<FieldSpec> =>
  fc.constantFrom(...(Object.keys(kinds) as Kind[])).chain((kind) =>
    fc.record({
      name: fc.constant(name),
      kind: fc.constant(kind),
      optional: fc.boolean(),
      alias: fc.option(fc.constantFrom('alias', 'the "alias"'), { nil: undefined, freq: 3 }),
      defaultValue: fc.option(fc.constantFrom(...kinds[kind].values, null), { nil: undefined, freq: 2 }),
    }),
  );

const fieldSpecs = fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 4 }).chain((chosen) => fc.tuple(...chosen.map(fieldSpec)));

/** A DTO with these fields, plus `child` (one of `Inner`) and `children` (a list of them). */
function defineModel(fields: readonly FieldSpec[], inner: readonly FieldSpec[]): new () => object {
  const define = (specs: readonly FieldSpec[]): new () => object => {
    const Model = class {
      constructor() {
        for (const spec of specs) if (spec.defaultValue !== undefined) (this as Record<string, unknown>)[spec.name] = spec.defaultValue;
      }
    };
    for (const spec of specs) {
      Reflect.defineMetadata('design:type', kinds[spec.kind].design, Model.prototype, spec.name);
      if (spec.optional) IsOptional()(Model.prototype, spec.name);
      kinds[spec.kind].decorate()(Model.prototype, spec.name);
      if (spec.alias !== undefined) Expose({ name: spec.alias })(Model.prototype, spec.name);
    }
    return Model;
  };
  const Inner = define(inner);
  const Outer = define(fields);
  const nest = (key: string, design: unknown, each: boolean): void => {
    Reflect.defineMetadata('design:type', design, Outer.prototype, key);
    IsOptional()(Outer.prototype, key);
    ValidateNested({ each })(Outer.prototype, key);
    Type(() => Inner)(Outer.prototype, key);
  };
  nest('child', Inner, false);
  nest('children', Array, true);
  return Outer;
}

const anyValue = fc.oneof(
  fc.constantFrom(...Object.values(kinds).flatMap((kind) => [...kind.values])),
  fc.constantFrom(null, undefined, [1], { a: 1 }),
);

const resultFor = (fields: readonly FieldSpec[], inner: readonly FieldSpec[]): fc.Arbitrary<unknown> => {
  const objectOf = (specs: readonly FieldSpec[]) =>
    fc.tuple(...specs.map(() => fc.option(anyValue, { nil: undefined, freq: 4 }))).map((values) => {
      const result: Record<string, unknown> = {};
      specs.forEach((spec, i) => {
        if (values[i] !== undefined) result[spec.name] = values[i];
      });
      return result;
    });
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ top: objectOf(fields), child: fc.option(objectOf(inner), { nil: undefined }), children: fc.option(fc.array(objectOf(inner), { maxLength: 2 }), { nil: undefined }) }).map(({ top, ...nested }) => ({ ...top, ...Object.fromEntries(Object.entries(nested).filter(([, v]) => v !== undefined)) })) },
    { weight: 1, arbitrary: anyValue },
  );
};

const options: fc.Arbitrary<ModelOutputOptions> = fc.record(
  { excludeUnset: fc.boolean(), excludeDefaults: fc.boolean(), excludeNone: fc.boolean(), byAlias: fc.boolean(), validate: fc.boolean() },
  { requiredKeys: [] },
);

/** What a writer answers: the text, or the problems it found. */
function answer(write: (value: unknown) => string, value: unknown): unknown {
  try {
    return { text: write(value) };
  } catch (error) {
    return { errors: (error as { errors?: unknown }).errors ?? String(error) };
  }
}

describe('generated response writers', () => {
  afterEach(() => expect((globalThis as { deftWriterInjected?: unknown }).deftWriterInjected).toBeUndefined());

  it('write what the interpreter writes, and report what it reports', () => {
    const scenario = fc.record({ fields: fieldSpecs, inner: fieldSpecs, options }).chain(({ fields, inner, options: output }) =>
      fc.record({ fields: fc.constant(fields), inner: fc.constant(inner), options: fc.constant(output), results: fc.array(resultFor(fields, inner), { minLength: 1, maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(scenario, ({ fields, inner, options: output, results }) => {
        const Model = defineModel(fields, inner);
        const generated = compileResponseWriter(Model, 'GET /generated', { ...output });
        const interpreted = compileResponseWriter(Model, 'GET /generated', { ...output, interpret: true });
        for (const result of results) expect(answer(generated, result)).toEqual(answer(interpreted, result));
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
