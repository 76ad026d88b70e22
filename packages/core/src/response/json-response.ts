import { APPLY_RESPONSE_CHANGES } from '../context/request-context';
import { jsonText } from '../http/json-text';
import { bodyAllowed } from '../http/status-body';
import type { ResponseModel } from '../metadata/records';
import { isPlainObject } from '../values/plain-object';
import { ALREADY_SENT, type CompiledResponse } from './compiled-response';
import { isPassthrough } from './passthrough';
import { compileResponseWriter } from './response-filter';

const JSON_TYPE = 'application/json; charset=utf-8';

export interface JsonResponseOptions {
  readonly statusCode: number;
  readonly responseModel: ResponseModel | undefined;
  /** Names the route in start-up errors. */
  readonly where: string;
}

/**
 * The default response: what the handler returned as JSON, as FastAPI writes
 * it (a string too, and `null` for nothing), through the `responseModel`
 * when the route has one; the route's status unless the handler set one; an
 * empty body for statuses that allow none. Bytes, streams and web responses
 * pass through untouched, and so does the reply when the handler sent it.
 * The JSON text is made in `prepare` (a `bigint` as its exact integer), so a
 * value JSON cannot write (a cycle) fails there, before anything is sent.
 */
export function compileJsonResponse({ statusCode, responseModel, where }: JsonResponseOptions): CompiledResponse {
  const writeModel = responseModel === undefined ? undefined : compileResponseWriter(responseModel, where);
  return {
    statusCode,
    prepare(result, frame) {
      if (result === frame.reply) return ALREADY_SENT;
      if (typeof result === 'object' && result !== null && !Array.isArray(result) && !isPlainObject(result) && isPassthrough(result)) return result;
      if (writeModel) return writeModel(result);
      return jsonText(result ?? null) ?? 'null';
    },
    send(prepared, frame) {
      if (prepared === ALREADY_SENT) return;
      const reply = frame.reply;
      reply.code(statusCode);
      if (frame.hasContext) frame.context[APPLY_RESPONSE_CHANGES]();
      if (!bodyAllowed(reply.statusCode)) {
        reply.send();
      } else if (typeof prepared === 'string') {
        reply.type(JSON_TYPE).send(prepared);
      } else {
        reply.send(prepared);
      }
    },
    document: () => ({ mediaType: 'application/json', model: responseModel }),
  };
}
