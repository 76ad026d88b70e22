import 'reflect-metadata';
import { Type } from 'class-transformer';
import fc from 'fast-check';
import { IsInt, IsOptional, IsString, Matches, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { Body, Controller, createApp, defineDependency, Depends, Get, Post, Query } from '@deft/core';
import { TestClient } from '@deft/testing';
import type { ValidationErrorItem } from '../../src/errors/request-validation-error';
import { describeDto } from '../../src/dto/dto-descriptor';
import { planOf } from '../../src/dto/dto-plan';
import { INVALID } from '../../src/dto/invalid';
import { validateDto, validateDtoWithClassValidator, validateDtoWithInterpreter } from '../../src/dto/dto-validator';
import { generatedValidator } from '../../src/dto/generated-validator';

/**
 * Deft generates JavaScript from each DTO, and a DTO's property names end up
 * in that code. Names that would break out of a string literal, or mean
 * something to JavaScript objects, go through every generated path (read,
 * missing, null, converted, checked, nested, in a list, conditional) and must
 * be read as plain names: the same answers as the interpreter (and as
 * class-validator, for the names its executor can take), and nothing evaluated.
 */
const HOSTILE = [
  '__proto__',
  'constructor',
  'toString',
  'has "double" quotes',
  "has 'single' quotes",
  'back\\slash',
  'ends with a backslash\\',
  'line\u2028separator',
  'paragraph\u2029separator',
  'new\nline',
  '"]; globalThis.deftInjected = 1; //',
  "'); globalThis.deftInjected = 1; ('",
  '`${globalThis.deftInjected = 1}`',
  '*/ globalThis.deftInjected = 1; /*',
  '</script>',
  '',
];

declare global {
  /** What an injected statement would set. */
  var deftInjected: unknown;
}

/** A DTO whose every field is named by `names` (one per kind of generated path). */
function hostileDto(names: readonly string[]): new () => object {
  class Inner {}
  class Hostile {}
  const [text, count, optional, nested, list, conditional] = names;
  const on = (cls: object, name: string | undefined, ...decorators: PropertyDecorator[]): void => {
    if (name !== undefined) for (const decorator of decorators) decorator((cls as { prototype: object }).prototype, name);
  };
  on(Inner, text, IsString(), Matches(/^[a-z]+$/));
  on(Hostile, text, IsString(), MinLength(2));
  if (count !== undefined) Reflect.defineMetadata('design:type', Number, Hostile.prototype, count);
  on(Hostile, count, IsInt(), Min(1));
  on(Hostile, optional, IsOptional(), IsString());
  if (nested !== undefined) Reflect.defineMetadata('design:type', Inner, Hostile.prototype, nested);
  on(Hostile, nested, IsOptional(), ValidateNested(), Type(() => Inner));
  if (list !== undefined) Reflect.defineMetadata('design:type', Array, Hostile.prototype, list);
  on(Hostile, list, IsOptional(), ValidateNested({ each: true }), Type(() => Inner));
  on(Hostile, conditional, ValidateIf((object: Record<string, unknown>) => object[text!] !== 'skip'), IsString());
  return Hostile;
}

const value = fc.oneof(fc.constantFrom('ab', 'a', 'skip', 'AB', 3, 0, '5', null, true), fc.string({ maxLength: 3 }));
const innerValue = fc.oneof(value, fc.dictionary(fc.constantFrom(...HOSTILE), value, { maxKeys: 2 }));

async function outcome(validate: typeof validateDto, cls: new () => object, body: unknown) {
  const errors: ValidationErrorItem[] = [];
  const result = await validate(describeDto(cls), body, ['body'], errors);
  return { valid: result !== INVALID, errors, fields: result === INVALID ? undefined : Object.entries(result as object) };
}

describe('hostile property names in generated code', () => {
  afterEach(() => expect(globalThis.deftInjected).toBeUndefined());

  it('are escaped: each DTO gets generated code, and it answers as the interpreter and class-validator do', async () => {
    const names = fc.uniqueArray(fc.constantFrom(...HOSTILE), { minLength: 6, maxLength: 6 });
    const scenario = names.chain((chosen) =>
      fc.record({
        names: fc.constant(chosen),
        bodies: fc.array(
          fc.record({ own: fc.dictionary(fc.constantFrom(...chosen), fc.oneof(value, fc.array(innerValue, { maxLength: 2 }), innerValue), { maxKeys: 6 }) }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ names: chosen, bodies }) => {
        const cls = hostileDto(chosen);
        expect(generatedValidator(planOf(describeDto(cls)))).toBeDefined();
        for (const { own } of bodies) {
          // As JSON.parse makes it: `__proto__` an own property, not the prototype.
          const body = JSON.parse(JSON.stringify(own)) as unknown;
          const interpreted = await outcome(validateDtoWithInterpreter, cls, body);
          expect(await outcome(validateDto, cls, body)).toEqual(interpreted);
          // class-validator groups a class's metadata in an object literal, so its executor throws on names that object inherits.
          if (!chosen.some((name) => name in {})) expect(await outcome(validateDtoWithClassValidator, cls, body)).toEqual(interpreted);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('reach the 422 as the names they are, through the public API', async () => {
    const Hostile = hostileDto(['has "double" quotes', 'back\\slash', 'line\u2028separator', '"]; globalThis.deftInjected = 1; //', 'constructor', '`${globalThis.deftInjected = 1}`']);
    @Controller()
    class Hostiles {
      @Post('/hostile')
      create(@Body({ type: Hostile }) body: object) {
        return Object.fromEntries(Object.entries(body));
      }
    }
    const client = new TestClient(createApp({ controllers: [Hostiles], fastify: { logger: false } }));
    const bad = await client.post('/hostile', { json: { 'back\\slash': 0, constructor: [{ 'has "double" quotes': 'A' }] } });
    expect(bad.status).toBe(422);
    expect(bad.json<{ detail: { loc: unknown[]; type: string }[] }>().detail.map(({ type, loc }) => ({ type, loc }))).toEqual([
      { type: 'missing', loc: ['body', 'has "double" quotes'] },
      { type: 'greater_than_equal', loc: ['body', 'back\\slash'] },
      { type: 'string_pattern_mismatch', loc: ['body', 'constructor', 0, 'has "double" quotes'] },
      { type: 'string_type', loc: ['body', '`${globalThis.deftInjected = 1}`'] },
    ]);
    const good = await client.post('/hostile', { json: { 'has "double" quotes': 'ab', 'back\\slash': '2', 'line\u2028separator': 'x', '`${globalThis.deftInjected = 1}`': 'y' } });
    expect(good.status).toBe(200);
    expect(good.json()).toEqual({ 'has "double" quotes': 'ab', 'back\\slash': 2, 'line\u2028separator': 'x', '`${globalThis.deftInjected = 1}`': 'y' });
  });

  it('name the arguments of a defineDependency function as they are: own properties, nothing evaluated', async () => {
    const names = [...new Set([...HOSTILE, '0'])];
    // Sub-dependencies and query parameters, each named by a hostile name, through the route's generated resolver.
    const params = Object.fromEntries(names.map((name, i) => [name, Depends(() => i)]));
    const queries = Object.fromEntries(HOSTILE.filter(Boolean).map((name) => [`query ${name}`, Query(name, { type: String, default: null })]));
    const received = defineDependency({ ...params, ...queries }, (args) => ({
      own: Object.keys(args).filter((name) => !name.startsWith('query ')),
      prototypeKept: Object.getPrototypeOf(args) === Object.prototype,
      values: names.map((name) => (Object.getOwnPropertyDescriptor(args, name)?.value as number | undefined) ?? null),
      queries: HOSTILE.filter(Boolean).map((name) => args[`query ${name}`]),
    }));
    @Controller()
    class Named {
      @Get('/named')
      read(@Depends(received) value: unknown) {
        return value;
      }
    }
    const client = new TestClient(createApp({ controllers: [Named], fastify: { logger: false } }));
    const query = new URLSearchParams(HOSTILE.filter(Boolean).map((name): [string, string] => [name, `value of ${name}`])).toString();
    const answer = (await client.get(`/named?${query}`)).json<{ own: string[]; prototypeKept: boolean; values: number[]; queries: string[] }>();
    expect(answer.queries).toEqual(HOSTILE.filter(Boolean).map((name) => `value of ${name}`));
    expect(answer.prototypeKept).toBe(true);
    expect([...answer.own].sort()).toEqual([...names].sort());
    expect(answer.values).toEqual(names.map((_, i) => i));
    expect((globalThis as { deftInjected?: number }).deftInjected).toBeUndefined();
  });
});
