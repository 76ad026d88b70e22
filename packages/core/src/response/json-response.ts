import type { FastifyReply } from 'fastify';
import { APPLY_RESPONSE_CHANGES } from '../context/request-context';
import { isDtoInstance } from '../dto/dto-descriptor';
import type { RequestFrame } from '../context/request-frame';
import { bodyAllowed } from '../http/status-body';
import { isStreamSource } from '../streaming/stream-source';
import { isPlainObject } from '../values/plain-object';
import { isThenable } from '../values/thenable';
import { BaseResponse } from './base-response';
import type { ResponseCompileOptions } from './compile-options';
import { ALREADY_SENT, type CompiledResponse, type ResponseContent } from './compiled-response';
import { JsonLinesResponse } from './json-lines-response';
import { learnedJsonWriter } from './learned-writer';
import { isPassthrough } from './passthrough';
import { compileResponseWriter } from './response-filter';
import { sendPrepared } from './send-prepared';
import { asJson } from './write-pass';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The default response class: the content written as JSON. */
export class JSONResponse extends BaseResponse<unknown> {
  static override readonly mediaType: string | undefined = 'application/json';

  static override openapi(options: ResponseCompileOptions): ResponseContent {
    return options.streams ? { mediaType: 'application/jsonl', stream: 'jsonl', model: options.responseModel } : { mediaType: 'application/json', model: options.responseModel };
  }

  body(reply: FastifyReply): unknown {
    reply.header('content-type', JSON_TYPE);
    return asJson(this.content);
  }
}

/** The prototypes of DTO classes whose instances were found to be values: their next instances skip the checks. */
const valuePrototypes = new WeakSet<object>();

/**
 * A result that is not a value to write as JSON: a response, bytes, a
 * stream, a stream of values; `undefined` for a value. What an instance is
 * depends on its class, so the answer for a DTO class's instance (a body the
 * handler returns) is kept for the class.
 */
function special(result: object, frame: RequestFrame, writeItem: (item: unknown) => string): unknown {
  const proto = Object.getPrototypeOf(result) as object;
  if (valuePrototypes.has(proto)) return undefined;
  const other = classify(result, frame, writeItem);
  if (other === undefined && isDtoInstance(result)) valuePrototypes.add(proto);
  return other;
}

function classify(result: object, frame: RequestFrame, writeItem: (item: unknown) => string): unknown {
  if (result instanceof BaseResponse) {
    const ready = result.ready(frame.request);
    return isThenable(ready) ? ready : result;
  }
  if (isPassthrough(result)) return result;
  if (isStreamSource(result)) return new JsonLinesResponse(result, undefined, writeItem);
  return undefined;
}

/**
 * The default response: what the handler returned as JSON, as FastAPI writes
 * it (a string too, and `null` for nothing), through the `responseModel`
 * when the route has one; the route's status unless the handler set one; an
 * empty body for statuses that allow none. An async iterable (a generator
 * handler's generator) is streamed as JSON Lines, each item through the
 * model. Response instances, bytes, streams and web responses pass through,
 * and so does the reply when the handler sent it. The JSON text is made in
 * `prepare` (a `bigint` as its exact integer), so a value JSON cannot
 * write (a cycle) fails there, before anything is sent.
 *
 * Deft keeps Fastify's `application/json; charset=utf-8`: Fastify adds the
 * charset to every JSON body it sends (error responses too), and JSON is
 * UTF-8 by definition.
 */
export function compileJsonResponse(options: ResponseCompileOptions): CompiledResponse {
  const { responseModel, where } = options;
  const statusCode = options.statusCode ?? 200;
  const writeModel = responseModel === undefined ? undefined : compileResponseWriter(responseModel, where, options.output);
  const write = writeModel ?? learnedJsonWriter();
  const content = JSONResponse.openapi(options);
  return {
    statusCode,
    prepare(result, frame) {
      if (typeof result === 'object' && result !== null && !Array.isArray(result) && !isPlainObject(result)) {
        if (result === frame.reply) return ALREADY_SENT;
        const other = special(result, frame, write);
        if (other !== undefined) return other;
      }
      return write(result);
    },
    send(prepared, frame) {
      if (typeof prepared !== 'string') return sendPrepared(prepared, frame, statusCode);
      const reply = frame.reply;
      reply.code(statusCode);
      if (frame.hasContext) frame.context[APPLY_RESPONSE_CHANGES]();
      if (!bodyAllowed(reply.statusCode)) reply.send();
      else reply.type(JSON_TYPE).send(prepared);
    },
    document: () => content,
  };
}
