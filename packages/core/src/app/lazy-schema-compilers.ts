import { dirname } from 'node:path';
import type { FastifyServerOptions } from 'fastify';

type Factory = (...args: unknown[]) => unknown;

/** Loads one of Fastify's own schema-compiler packages, from where Fastify finds it. */
function fromFastify(name: string): () => Factory {
  let factory: Factory | undefined;
  return () => {
    if (!factory) {
      const path = require.resolve(name, { paths: [dirname(require.resolve('fastify'))] });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, by Fastify's own resolution
      const selector = require(path) as () => Factory;
      factory = selector();
    }
    return factory;
  };
}

/**
 * Fastify options that defer loading ajv and fast-json-stringify until a
 * route has a JSON schema. Deft validates and serializes without them, and
 * building a Fastify instance otherwise loads both: about a tenth of a
 * second of start-up on one core. Left alone when the application configures
 * schema compilation itself.
 */
export function lazySchemaCompilers(options: FastifyServerOptions = {}): Pick<FastifyServerOptions, 'schemaController'> {
  if (options.schemaController || options.ajv) return {};
  const validator = fromFastify('@fastify/ajv-compiler');
  const serializer = fromFastify('@fastify/fast-json-stringify-compiler');
  return {
    schemaController: {
      compilersFactory: {
        buildValidator: (...args: unknown[]) => validator()(...args),
        buildSerializer: (...args: unknown[]) => serializer()(...args),
      },
    } as NonNullable<FastifyServerOptions['schemaController']>,
  };
}
