import { Readable } from 'node:stream';

/** What a streamed response can be made of. */
export type StreamSource = AsyncIterable<unknown> | Iterable<unknown> | Readable | ReadableStream;

/** Whether a handler's result is something to stream, not a value: an async iterable (a generator), a Node or web stream. */
export function isStreamSource(value: unknown): value is StreamSource {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' || typeof (value as Readable).pipe === 'function' || value instanceof ReadableStream;
}

/** Encodes one item of a stream as bytes or text for the wire. */
export type ItemEncoder = (item: unknown) => string | Buffer;

async function* encodeEach(source: AsyncIterable<unknown> | Iterable<unknown>, encode: ItemEncoder): AsyncGenerator<string | Buffer> {
  for await (const item of source) yield encode(item);
}

const rawChunk: ItemEncoder = (item) => {
  if (typeof item === 'string' || Buffer.isBuffer(item)) return item;
  if (item instanceof Uint8Array) return Buffer.from(item.buffer, item.byteOffset, item.byteLength);
  throw new TypeError(`A streamed response's chunks must be strings or bytes, not ${item === null ? 'null' : typeof item}: give the route a response class that encodes them (JSON, server-sent events)`);
};

/**
 * A Node stream of the source, pulled one item at a time as the client
 * reads (backpressure: an item is asked for only when the last one was taken
 * by the socket). When the client goes away the stream is destroyed, which
 * ends the source's iteration (a generator's `finally` runs; it is never
 * resumed again), and the stream emits `close` once that is done.
 */
export function toReadable(source: StreamSource, encode: ItemEncoder = rawChunk): Readable {
  if (source instanceof Readable && encode === rawChunk) return source;
  if (source instanceof ReadableStream && encode === rawChunk) return Readable.fromWeb(source as import('node:stream/web').ReadableStream);
  const items = source instanceof ReadableStream ? Readable.fromWeb(source as import('node:stream/web').ReadableStream) : source;
  return Readable.from(encodeEach(items as AsyncIterable<unknown>, encode), { objectMode: true, highWaterMark: 1 });
}
