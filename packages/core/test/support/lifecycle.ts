import { connect, type Socket } from 'node:net';
import type { DeftApp } from '@deft/core';

/** A promise and its resolver, for gates a test opens by hand. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Waits for `promise`, but fails with a message naming what was awaited
 * after `ms` (well under jest's timeout), so a regression fails an assertion
 * instead of timing the test out.
 */
export async function within<T>(promise: Promise<T>, what: string, ms = 3000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once `condition()` holds, checking after every turn of the event loop; fails (as `within`) after `ms`. */
export function until(condition: () => boolean, what: string, ms = 3000): Promise<void> {
  return within(
    new Promise<void>((resolve) => {
      const check = (): void => (condition() ? resolve() : void setImmediate(check));
      check();
    }),
    what,
    ms,
  );
}

/** How each teardown of a tracked dependency ended, by name: `completed`, the error's class and message, or `RequestAborted`. */
export type Endings = Map<string, string[]>;

/**
 * A generator dependency that records, under `name`, that it was set up and
 * how it was torn down: the normal end, or the error thrown in at its `yield`
 * (re-thrown, as a well-behaved teardown does).
 */
export function trackedResource(endings: Endings, name: string) {
  return async function* () {
    const list = endings.get(name) ?? [];
    endings.set(name, list);
    list.push('setup');
    try {
      yield name;
      list.push('completed');
    } catch (error) {
      const e = error as Error;
      list.push(e.name === 'RequestAborted' ? `aborted:${(e as Error & { source: string }).source}` : `failed:${e.constructor.name}:${e.message}`);
      throw error;
    }
  };
}

/** Starts the app on a free loopback port and returns the port. */
export async function listenOnLoopback(app: DeftApp): Promise<number> {
  await app.listen({ port: 0 });
  const address = app.fastify.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return address.port;
}

/** A raw TCP connection to the app, for what `inject` cannot do (pipelining, resets, aborts). */
export function rawConnection(port: number): Promise<Socket & { received: () => string }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(port, '127.0.0.1', () => resolve(Object.assign(socket, { received: () => text })));
    socket.on('data', (chunk) => (text += String(chunk)));
    socket.on('error', (error) => (socket.connecting ? reject(error) : undefined));
  });
}
