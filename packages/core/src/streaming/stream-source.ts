import { Readable } from 'node:stream';
import { IteratorReadable, type ItemEncoder, type KeepAlive } from './iterator-readable';

export type { ItemEncoder } from './iterator-readable';

/** What a streamed response can be made of. */
export type StreamSource = AsyncIterable<unknown> | Iterable<unknown> | Readable | ReadableStream;

/** Whether a handler's result is something to stream, not a value: an async iterable (a generator), a Node or web stream. */
export function isStreamSource(value: unknown): value is StreamSource {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' || typeof (value as Readable).pipe === 'function' || value instanceof ReadableStream;
}

const rawChunk: ItemEncoder = (item) => {
  if (typeof item === 'string' || Buffer.isBuffer(item)) return item;
  if (item instanceof Uint8Array) return Buffer.from(item.buffer, item.byteOffset, item.byteLength);
  throw new TypeError(`A streamed response's chunks must be strings or bytes, not ${item === null ? 'null' : typeof item}: give the route a response class that encodes them (JSON, server-sent events)`);
};

/** The items of a sync iterable as an async iterator, each awaited as `for await` would. */
async function* awaitEach(items: Iterable<unknown>): AsyncGenerator<unknown> {
  yield* items;
}

function iteratorOf(source: Exclude<StreamSource, Readable | ReadableStream> | Readable): AsyncIterator<unknown> {
  const asyncIterable = source as AsyncIterable<unknown>;
  if (typeof asyncIterable[Symbol.asyncIterator] === 'function') return asyncIterable[Symbol.asyncIterator]();
  return awaitEach(source as Iterable<unknown>);
}

/**
 * A Node stream of the source, pulled one item at a time as the client
 * reads (see `IteratorReadable`). A Node or web stream of raw chunks is sent
 * as it is.
 */
export function toReadable(source: StreamSource, encode: ItemEncoder = rawChunk, keepAlive?: KeepAlive): Readable {
  if (source instanceof Readable && encode === rawChunk && keepAlive === undefined) return source;
  if (source instanceof ReadableStream && encode === rawChunk && keepAlive === undefined) return Readable.fromWeb(source as import('node:stream/web').ReadableStream);
  const items = source instanceof ReadableStream ? Readable.fromWeb(source as import('node:stream/web').ReadableStream) : source;
  return new IteratorReadable(iteratorOf(items), encode, keepAlive);
}
