import { STATUS_CODES } from 'node:http';
import { bodyAllowed } from '../http/status-body';
import { isPlainObject } from '../values/plain-object';
import type { ResponseSpec } from '../metadata/records';
import type { ResponseContent } from '../response/compiled-response';
import { deepMerge } from './deep-merge';
import { modelSchema } from './model-schema';
import { streamItemSchema } from './stream-item-schema';
import type { ResponseObject } from './openapi-types';
import type { SchemaRegistry } from './schema-registry';
import { HTTP_VALIDATION_ERROR_SCHEMA, VALIDATION_ERROR_RESPONSE, VALIDATION_ERROR_SCHEMA } from './validation-error-schemas';

const RANGE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '1XX': 'Information',
  '2XX': 'Success',
  '3XX': 'Redirection',
  '4XX': 'Client Error',
  '5XX': 'Server Error',
  DEFAULT: 'Default Response',
};

/** Whether a documented status (`200`, `4XX`, `default`) may have a body. */
function documentedBodyAllowed(status: string): boolean {
  return !/^\d+$/.test(status) || bodyAllowed(Number(status));
}

export interface ResponsesContext {
  readonly operationId: string;
  readonly statusCode: number;
  readonly description: string | undefined;
  /** How the route's response class documents its success body. */
  readonly content: ResponseContent;
  readonly responses: Readonly<Record<string | number, ResponseSpec>> | undefined;
  /** Whether the operation reads parameters or a body (then 422 is documented). */
  readonly validates: boolean;
  readonly registry: SchemaRegistry;
}

/**
 * An operation's `responses`: the success status with the response model's
 * schema (or `{}`), the `responses` option merged in, and 422 when the
 * operation validates input and documents no 422, 4XX or default itself.
 */
export function operationResponses(context: ResponsesContext): Record<string, ResponseObject> {
  const { operationId, registry } = context;
  const status = String(context.statusCode);
  const success: ResponseObject = { description: context.description ?? 'Successful Response' };
  const { mediaType, model, schema, stream } = context.content;
  if (mediaType !== undefined && documentedBodyAllowed(status)) {
    const described = model === undefined ? { ...schema } : modelSchema(model, `Response_${operationId}`, registry);
    success.content = { [mediaType]: stream === undefined ? { schema: described } : { 'x-itemSchema': streamItemSchema(stream, model === undefined ? undefined : described) } };
  }
  const responses: Record<string, ResponseObject> = { [status]: success };
  for (const [code, spec] of Object.entries(context.responses ?? {})) {
    const upper = code.toUpperCase();
    const key = upper === 'DEFAULT' ? 'default' : upper;
    const existing = (responses[key] ??= { description: '' });
    const { model, ...rest } = spec;
    const addition = structuredClone(rest) as Record<string, unknown>;
    if (model !== undefined) {
      const content = (addition.content ??= {}) as Record<string, Record<string, unknown>>;
      const media = (content['application/json'] ??= {});
      const given = isPlainObject(media.schema) ? media.schema : {};
      // The model's schema object itself (its `$ref` is named when the document is complete), with what was given beside it.
      const schema = modelSchema(model, `Response_${code}_${operationId}`, registry);
      media.schema = Object.assign(schema, { ...given, ...schema });
    }
    const description = spec.description || existing.description || RANGE_DESCRIPTIONS[upper] || STATUS_CODES[Number(code)] || 'Additional Response';
    deepMerge(existing, addition, true);
    existing.description = description;
  }
  if (context.validates && !['422', '4XX', 'default'].some((key) => key in responses)) {
    responses['422'] = structuredClone(VALIDATION_ERROR_RESPONSE);
    registry.add('ValidationError', structuredClone(VALIDATION_ERROR_SCHEMA));
    registry.add('HTTPValidationError', structuredClone(HTTP_VALIDATION_ERROR_SCHEMA));
  }
  return responses;
}
