import Validator from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import type { OpenApiDocument } from '@deft/core';

type PathItemObject = OpenApiDocument['paths'][string];

/** OpenAPI's own schema keywords, and formats JSON Schema validators do not know. */
const OPENAPI_KEYWORDS = ['discriminator', 'xml', 'externalDocs', 'example'];
/** Where the check keeps the document's schemas, so their `#/components/schemas/...` references resolve. */
const HOLDERS = ['components', 'parameters'];
const DOCUMENTATION_FORMATS = ['password', 'binary', 'email', 'uuid', 'date-time', 'date', 'time', 'duration', 'uri', 'ipv4', 'ipv6'];

/**
 * OpenAPI lets URLs be relative references (FastAPI's `tokenUrl: "token"`), but
 * the 3.1 schema checks OAuth2 flow URLs with `format: uri`, which wants them
 * absolute: resolve them as a client would before checking.
 */
function withAbsoluteFlowUrls(document: OpenApiDocument): object {
  const copy = structuredClone(document);
  for (const scheme of Object.values(copy.components?.securitySchemes ?? {}) as { flows?: Record<string, Record<string, unknown>> }[]) {
    for (const flow of Object.values(scheme.flows ?? {})) {
      for (const key of ['authorizationUrl', 'tokenUrl', 'refreshUrl']) {
        if (typeof flow[key] === 'string') flow[key] = new URL(flow[key], 'http://127.0.0.1/docs').href;
      }
    }
  }
  return copy;
}

/**
 * Why a document is not valid OpenAPI 3.1 (empty when it is): the OpenAPI 3.1
 * schema, then every schema of the document compiled as JSON Schema 2020-12 in
 * strict mode, so a keyword that is not JSON Schema (3.0's `nullable`) fails.
 */
export async function openapiProblems(document: OpenApiDocument): Promise<string[]> {
  const result = await new Validator().validate(withAbsoluteFlowUrls(document));
  const problems = (result.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  const ajv = new Ajv2020({
    strictSchema: true,
    strictTypes: false,
    strictRequired: false,
    allErrors: true,
    validateFormats: false,
    formats: Object.fromEntries(DOCUMENTATION_FORMATS.map((format) => [format, true])),
  });
  ajv.addVocabulary([...OPENAPI_KEYWORDS, ...HOLDERS]);
  const parameters: Record<string, unknown> = {};
  // Operations of paths, webhooks and callbacks alike.
  const collect = (items: Record<string, PathItemObject>, prefix: string): void => {
    for (const [path, item] of Object.entries(items)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const parameter of operation?.parameters ?? []) parameters[`${prefix}${method} ${path} ${parameter.in} ${parameter.name}`] = parameter.schema;
        for (const [name, callback] of Object.entries(operation?.callbacks ?? {})) collect(callback, `${prefix}${method} ${path} callback ${name} `);
      }
    }
  };
  collect(document.paths, '');
  collect(document.webhooks ?? {}, 'webhook ');
  // One schema holding them all, so `#/components/schemas/...` references resolve.
  const base = 'https://deft.invalid/openapi.json';
  ajv.addSchema({ $id: base, components: document.components ?? {}, parameters });
  const pointers = [
    ...Object.keys(document.components?.schemas ?? {}).map((name) => `#/components/schemas/${name}`),
    ...Object.keys(parameters).map((key) => `#/parameters/${encodeURIComponent(key).replace(/~/g, '~0')}`),
  ];
  // Ajv knows `nullable` (for OpenAPI 3.0), so strict mode lets it through: 3.1 has no such keyword.
  if (JSON.stringify({ components: document.components?.schemas, parameters }).includes('"nullable":')) {
    problems.push('a schema uses OpenAPI 3.0 `nullable`; OpenAPI 3.1 writes `anyOf: [T, {type: "null"}]`');
  }
  for (const pointer of pointers) {
    try {
      ajv.compile({ $ref: base + pointer });
    } catch (error) {
      problems.push(`${decodeURIComponent(pointer)}: ${(error as Error).message}`);
    }
  }
  return problems;
}
