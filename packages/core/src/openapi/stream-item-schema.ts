import type { JsonSchema } from './openapi-types';

/** A server-sent event's fields, as OpenAPI 3.2 describes `text/event-stream` items (FastAPI's schema). */
const SSE_EVENT_SCHEMA: Readonly<JsonSchema> = {
  type: 'object',
  properties: { data: { type: 'string' }, event: { type: 'string' }, id: { type: 'string' }, retry: { type: 'integer', minimum: 0 } },
};

/**
 * What one item of a stream is, as FastAPI documents it: the model's schema
 * for JSON Lines; for server-sent events, an event whose `data` is the model
 * as JSON. FastAPI writes it as OpenAPI 3.2's `itemSchema`, which a 3.1
 * document may not carry; Deft writes it as the extension `x-itemSchema`.
 */
export function streamItemSchema(stream: 'jsonl' | 'sse', model: JsonSchema | undefined): JsonSchema {
  if (stream === 'jsonl') return model ?? {};
  const event: JsonSchema = structuredClone(SSE_EVENT_SCHEMA);
  if (model !== undefined) {
    event.required = ['data'];
    (event.properties as Record<string, JsonSchema>).data = { type: 'string', contentMediaType: 'application/json', contentSchema: model };
  }
  return event;
}
