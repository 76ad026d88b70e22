import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { parse } from 'node:querystring';
import { pydantic, type ErrorItem, type JsonType, type Loc } from '../pydantic-errors';

type AjvError = NonNullable<FastifyError['validation']>[number];

const SOURCES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

function pathOf(instancePath: string): string[] {
  return instancePath === '' ? [] : instancePath.slice(1).split('/');
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

/** One ajv error as FastAPI's item; `raw` is the input as sent (query strings before ajv coerced them). */
function toItem(error: AjvError, source: string, raw: unknown): ErrorItem {
  const path = pathOf(error.instancePath);
  const loc: Loc = [source, ...path.map((key) => (/^\d+$/.test(key) ? Number(key) : key))];
  const input = valueAt(raw, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return pydantic.missing([...loc, String(params.missingProperty)], source === 'body' ? input : null);
    case 'type':
      return pydantic.wrongType(loc, input, String(params.type).split(',')[0] as JsonType);
    case 'minimum':
      return pydantic.ge(loc, input, Number(params.limit));
    case 'maximum':
      return pydantic.le(loc, input, Number(params.limit));
    case 'minLength':
      return pydantic.minLength(loc, input, Number(params.limit));
    case 'maxLength':
      return pydantic.maxLength(loc, input, Number(params.limit));
    case 'pattern':
      return pydantic.pattern(loc, input, String(params.pattern));
    case 'enum':
      return pydantic.enum(loc, input, params.allowedValues as unknown[]);
    default:
      return { type: 'value_error', loc, msg: error.message ?? 'Invalid value', input };
  }
}

/** What the client sent for a schema's source: ajv coerces query strings in place, so those are parsed again. */
function rawInput(request: FastifyRequest, context: string): unknown {
  if (context !== 'querystring') return (request as unknown as Record<string, unknown>)[context];
  const at = request.url.indexOf('?');
  return at < 0 ? {} : parse(request.url.slice(at + 1));
}

/** The app's error handler: schema validation failures as FastAPI's 422, anything else as Fastify renders it. */
export function renderErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (!error.validation) return reply.send(error);
  const context = error.validationContext ?? 'body';
  const source = SOURCES[context] ?? context;
  const raw = rawInput(request, context);
  return reply.code(422).send({ detail: error.validation.map((e) => toItem(e, source, raw)) });
}
