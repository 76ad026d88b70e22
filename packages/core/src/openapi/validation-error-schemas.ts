import type { JsonSchema, ResponseObject } from './openapi-types';
import { refTo } from './schema-registry';

/** FastAPI's `ValidationError` component (current shape, with `input` and `ctx`). */
export const VALIDATION_ERROR_SCHEMA: Readonly<JsonSchema> = {
  properties: {
    loc: { items: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, type: 'array', title: 'Location' },
    msg: { type: 'string', title: 'Message' },
    type: { type: 'string', title: 'Error Type' },
    input: { title: 'Input' },
    ctx: { type: 'object', title: 'Context' },
  },
  type: 'object',
  required: ['loc', 'msg', 'type'],
  title: 'ValidationError',
};

/** FastAPI's `HTTPValidationError` component: the 422 body. */
export const HTTP_VALIDATION_ERROR_SCHEMA: Readonly<JsonSchema> = {
  properties: {
    detail: { items: refTo('ValidationError'), type: 'array', title: 'Detail' },
  },
  type: 'object',
  title: 'HTTPValidationError',
};

export const VALIDATION_ERROR_RESPONSE: Readonly<ResponseObject> = {
  description: 'Validation Error',
  content: { 'application/json': { schema: refTo('HTTPValidationError') } },
};
