import type { Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { AppFrame } from '../lifecycle/app-frame';
import { COMPLETED } from '../lifecycle/outcome';

export interface ShutdownOptions {
  /** How long running requests may take to finish once the app closes, in milliseconds (`Infinity`: however long). */
  readonly gracePeriod: number;
  /** The app's servers, whose connections are closed when the grace period is over. */
  readonly servers: ReadonlySet<Server>;
}

/**
 * Ends the app frame when its Fastify instance closes (`app.close()`, or
 * `app.fastify.close()`), in order: new requests stop (the request guard
 * answers 503 while closing) and the server stops accepting connections;
 * then every request Deft still tracks (handlers running, responses being
 * sent, their background tasks and teardowns) finishes, for at most the
 * grace period. Past it, every request still running is aborted by the
 * server: its connection is closed and its teardowns run at once, without
 * waiting for its handler. Then the app frame's exits run, innermost first:
 * app-scoped dependencies, the lifespans' stops, the singletons Deft
 * created, the app's container. An exit's failure fails the close, after
 * all the others have run.
 */
export function closeWithApp(fastify: FastifyInstance, frame: AppFrame, { gracePeriod, servers }: ShutdownOptions): void {
  const inFlight = frame.inFlight;
  let timer: NodeJS.Timeout | undefined;
  let cutShort: Promise<void> | undefined;
  let onCut: (() => void) | undefined;
  const graceOver = new Promise<void>((resolve) => (onCut = resolve));
  const abortTheRest = (): void => {
    if (inFlight.size === 0) return onCut!();
    fastify.log.warn(`Aborting the requests still running ${gracePeriod} ms after the app began to close (timeouts.shutdown)`);
    inFlight.abortAll();
    for (const server of servers) server.closeAllConnections();
    cutShort = inFlight.settled().then(onCut);
  };
  fastify.addHook('preClose', (done) => {
    inFlight.closing = true;
    // Started here, before Fastify waits for the server's connections to close (a running request holds its own).
    if (gracePeriod === 0) abortTheRest();
    else if (gracePeriod !== Infinity) timer = setTimeout(abortTheRest, gracePeriod);
    done();
  });
  fastify.addHook('onClose', async () => {
    await Promise.race([inFlight.drain(), graceOver]);
    clearTimeout(timer);
    await cutShort;
    const ended = await frame.close(COMPLETED);
    if (ended.kind === 'failed') throw ended.error;
  });
}
