import { ServerSentEvent } from './server-sent-event';

/** Sent after a quiet interval, so proxies keep the connection open (the SSE specification's advice). */
export const KEEP_ALIVE_COMMENT = ': ping\n\n';

const lines = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');

/** One event in the `text/event-stream` format, field by field as FastAPI writes it, ended by a blank line. */
export function formatEvent(event: ServerSentEvent, writeData: (data: unknown) => string): string {
  let out = '';
  if (event.comment !== undefined) for (const line of lines(event.comment)) out += `: ${line}\n`;
  if (event.event !== undefined) out += `event: ${event.event}\n`;
  const data = event.rawData ?? (event.data === undefined ? undefined : writeData(event.data));
  if (data !== undefined) for (const line of lines(data)) out += `data: ${line}\n`;
  if (event.id !== undefined) out += `id: ${event.id}\n`;
  if (event.retry !== undefined) out += `retry: ${event.retry}\n`;
  return `${out}\n`;
}

/** An item of an event stream: a `ServerSentEvent` as it says, anything else as the JSON `data` of a message. */
export function encodeEventItem(item: unknown, writeData: (data: unknown) => string): string {
  return item instanceof ServerSentEvent ? formatEvent(item, writeData) : `data: ${lines(writeData(item)).join('\ndata: ')}\n\n`;
}
