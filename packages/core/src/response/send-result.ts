import type { FastifyReply } from 'fastify';
import { APPLY_RESPONSE_CHANGES } from '../context/request-context';
import type { RequestState } from '../di/request-state';
import { bodyAllowed } from '../http/error-handler';
import { jsonText } from '../http/json-text';
import type { CompiledRoute } from '../app/compiled-route';

const JSON_TYPE = 'application/json; charset=utf-8';

function passesThrough(value: unknown): boolean {
  return Buffer.isBuffer(value) || value instanceof Uint8Array || typeof (value as { pipe?: unknown } | null)?.pipe === 'function';
}

/** An object literal or an array: JSON at once, without asking whether it is a Buffer or a stream. */
function isPlainJson(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}

/**
 * Sends what a handler returned, as FastAPI would: JSON (a string too, and
 * `null` for nothing), the route's `statusCode` unless the handler set one
 * through `RequestContext`, written through the `responseModel`; an empty body
 * for statuses that allow none. A Buffer, a stream, or the reply itself
 * (already sent by the handler) pass through untouched.
 */
export function sendResult(result: unknown, route: CompiledRoute, reply: FastifyReply, state: RequestState): unknown {
  if (result === reply) return reply;
  reply.code(route.statusCode);
  if (state.hasContext) state.context[APPLY_RESPONSE_CHANGES]();
  if (!bodyAllowed(reply.statusCode)) return reply.send();
  const plain = typeof result !== 'object' || result === null || isPlainJson(result);
  if (!plain && passesThrough(result)) return reply.send(result);
  if (route.responseWriter) return reply.type(JSON_TYPE).send(route.responseWriter(result));
  if (plain) return reply.type(JSON_TYPE).send(jsonText(result ?? null));
  // Class instances (JSON through Fastify's serializer), and what Fastify sends as it is (a web Response, a ReadableStream).
  return reply.send(result);
}
