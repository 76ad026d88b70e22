import type { FastifyInstance } from 'fastify';
import type { AppFrame } from '../lifecycle/app-frame';
import { COMPLETED } from '../lifecycle/outcome';

/**
 * Ends the app frame when its Fastify instance closes (`app.close()`, or
 * `app.fastify.close()`), in order: new requests stop (Fastify answers 503
 * while closing) and the server waits for its connections' requests; then
 * every request Deft still tracks (handlers running, responses being sent,
 * their background tasks and teardowns) finishes; then the app frame's exits
 * run, innermost first: app-scoped dependencies, the singletons Deft created,
 * the app's container. An exit's failure fails the close, after all the
 * others have run.
 */
export function closeWithApp(fastify: FastifyInstance, frame: AppFrame): void {
  fastify.addHook('preClose', (done) => {
    frame.inFlight.closing = true;
    done();
  });
  fastify.addHook('onClose', async () => {
    await frame.inFlight.drain();
    const ended = await frame.close(COMPLETED);
    if (ended.kind === 'failed') throw ended.error;
  });
}
