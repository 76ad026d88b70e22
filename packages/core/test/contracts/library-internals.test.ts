import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Deft reads a few libraries' internals (each named in the source where it
 * does). Their versions are pinned exactly in @deft/core's package.json, and
 * each internal has a contract here, so that an upgrade fails loudly here,
 * not quietly in a request.
 */
const corePackage = join(dirname(require.resolve('@deft/core')), '..', 'package.json');
const fromCore = createRequire(corePackage);
const manifest = JSON.parse(readFileSync(corePackage, 'utf8')) as { dependencies: Record<string, string> };

function installed(name: string): string {
  return (JSON.parse(readFileSync(fromCore.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

describe('the library internals Deft reads', () => {
  it.each(['class-validator', 'class-transformer', 'fastify', 'tsyringe', 'light-my-request'])('%s is pinned to the exact version installed', (name) => {
    expect(manifest.dependencies[name]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed(name)).toBe(manifest.dependencies[name]);
  });

  it("class-validator keeps its decorators' metadata in a Map keyed by the decorated class (dto/validation-metadata.ts)", () => {
    const validator = fromCore('class-validator') as typeof import('class-validator');
    class Base {
      @validator.IsString() name!: string;
    }
    class Item extends Base {
      @validator.IsInt() count!: number;
    }
    const storage = validator.getMetadataStorage() as unknown as { validationMetadatas: unknown };
    expect(storage.validationMetadatas).toBeInstanceOf(Map);
    const byTarget = storage.validationMetadatas as Map<unknown, { target: unknown; propertyName: string; type: string }[]>;
    expect(byTarget.get(Item)?.map((meta) => [meta.target, meta.propertyName])).toEqual([[Item, 'count']]);
    expect(byTarget.get(Base)?.map((meta) => [meta.target, meta.propertyName])).toEqual([[Base, 'name']]);
    const viaApi = validator.getMetadataStorage().getTargetValidationMetadatas(Item, '', true, false);
    expect(viaApi.map((meta) => meta.propertyName).sort()).toEqual(['count', 'name']);
  });

  it('class-transformer exposes its metadata storage as cjs/storage, with the lookups Deft uses (dto/class-transformer-types.ts)', () => {
    const transformer = fromCore('class-transformer') as typeof import('class-transformer');
    const { defaultMetadataStorage } = fromCore('class-transformer/cjs/storage') as {
      defaultMetadataStorage: {
        findTypeMetadata(target: object, property: string): { typeFunction: () => unknown } | undefined;
        getExposedMetadatas(target: object): unknown[];
        getExcludedMetadatas(target: object): unknown[];
        findTransformMetadatas(target: object, property: string, type: number): unknown[];
        findExposeMetadata(target: object, property: string): { options?: { name?: string } } | undefined;
      };
    };
    class Child {}
    class Parent {
      @transformer.Type(() => Child) child!: Child;
      @transformer.Expose() shown!: string;
      @transformer.Exclude() hidden!: string;
      @transformer.Transform(({ value }) => value) changed!: string;
      @transformer.Expose({ name: 'full-name' }) fullName!: string;
    }
    expect(defaultMetadataStorage.findTypeMetadata(Parent, 'child')?.typeFunction()).toBe(Child);
    expect(defaultMetadataStorage.getExposedMetadatas(Parent)).toHaveLength(2);
    expect(defaultMetadataStorage.findExposeMetadata(Parent, 'fullName')?.options?.name).toBe('full-name');
    expect(defaultMetadataStorage.getExcludedMetadatas(Parent)).toHaveLength(1);
    // 0 is TransformationType.PLAIN_TO_CLASS
    expect(transformer.TransformationType.PLAIN_TO_CLASS).toBe(0);
    expect(defaultMetadataStorage.findTransformMetadatas(Parent, 'changed', 0)).toHaveLength(1);
  });

  it("Fastify's schema compilers resolve from Fastify's own folder and build compilers (app/lazy-schema-compilers.ts)", () => {
    const fastifyDir = dirname(fromCore.resolve('fastify'));
    for (const name of ['@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler']) {
      const path = require.resolve(name, { paths: [fastifyDir] });
      const selector = fromCore(path) as () => unknown;
      expect(typeof selector).toBe('function');
      expect(typeof selector()).toBe('function');
    }
  });

  it("tsyringe records @inject and @injectAll tokens under 'injectionTokens' (di/app-services.ts)", () => {
    const tsyringe = fromCore('tsyringe') as typeof import('tsyringe');
    class Service {
      constructor(@tsyringe.inject('url') readonly url: string, @tsyringe.injectAll('plugin') readonly plugins: unknown[]) {}
    }
    expect(Reflect.getOwnMetadata('injectionTokens', Service)).toMatchObject({ 0: { token: 'url', multiple: false }, 1: { token: 'plugin', multiple: true } });
  });

  it("light-my-request loads with require() (what DeftApp.inject relies on under jest on Node 20)", () => {
    expect(typeof fromCore('light-my-request')).toBe('function');
  });
});
