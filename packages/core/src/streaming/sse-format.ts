import { ServerSentEvent } from './server-sent-event';

/** Sent after a quiet interval, so proxies keep the connection open (the SSE specification's advice). */
export const KEEP_ALIVE_COMMENT = ': ping\n\n';

const oneLine = (text: string): boolean => text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
const lines = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');

/** `text` as one `name: ...` field per line (JSON data is almost always one line, so it is not split). */
function fields(name: string, text: string): string {
  if (oneLine(text)) return `${name}: ${text}\n`;
  let out = '';
  for (const line of lines(text)) out += `${name}: ${line}\n`;
  return out;
}

/** The `data` field of `text`: `dataIsJson` says it is JSON, whose line breaks are all escaped, so it is one line. */
const dataField = (text: string, dataIsJson: boolean): string => (dataIsJson ? `data: ${text}\n` : fields('data', text));

/** One event in the `text/event-stream` format, field by field as FastAPI writes it, ended by a blank line. */
export function formatEvent(event: ServerSentEvent, writeData: (data: unknown) => string, dataIsJson = false): string {
  let out = '';
  if (event.comment !== undefined) out += fields('', event.comment);
  if (event.event !== undefined) out += `event: ${event.event}\n`;
  if (event.rawData !== undefined) out += fields('data', event.rawData);
  else if (event.data !== undefined) out += dataField(writeData(event.data), dataIsJson);
  if (event.id !== undefined) out += `id: ${event.id}\n`;
  if (event.retry !== undefined) out += `retry: ${event.retry}\n`;
  return `${out}\n`;
}

/** An item of an event stream: a `ServerSentEvent` as it says, anything else as the JSON `data` of a message. */
export function encodeEventItem(item: unknown, writeData: (data: unknown) => string, dataIsJson = false): string {
  return item instanceof ServerSentEvent ? formatEvent(item, writeData, dataIsJson) : `${dataField(writeData(item), dataIsJson)}\n`;
}
