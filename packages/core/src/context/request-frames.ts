import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppFrame } from '../lifecycle/app-frame';
import { RequestFrame } from './request-frame';
import type { RequestContext } from './request-context';

/** Where a request keeps its frame once something before the handler (a hook) has asked for it. */
const REQUEST_FRAME = Symbol('deft.requestFrame');
/** Where a Fastify instance keeps the app frame its requests belong to. */
const APP_FRAME = Symbol('deft.appFrame');

type FramedRequest = FastifyRequest & { [REQUEST_FRAME]: RequestFrame | null };
type FramedInstance = FastifyInstance & { [APP_FRAME]?: AppFrame };

/**
 * Lets a request's frame exist before routing. Fastify declares the property
 * on every request (one field, `null` until used), so a hook and the handler
 * of one request share one frame: its cache, background tasks and context.
 */
export function installRequestFrames(fastify: FastifyInstance, app: AppFrame): void {
  fastify.decorateRequest(REQUEST_FRAME, null);
  fastify.decorate(APP_FRAME, app);
}

/** Gives the request its frame before the handler runs (a WebSocket route's, made before the handshake). */
export function keepFrame(request: FastifyRequest, frame: RequestFrame): void {
  (request as FramedRequest)[REQUEST_FRAME] = frame;
}

/** The frame a hook made for this request, if any. */
export function frameOf(request: FastifyRequest): RequestFrame | null {
  return (request as FramedRequest)[REQUEST_FRAME];
}

/**
 * The request's `RequestContext` for code that runs on Fastify's hooks, before
 * or around the handler: the very instance its dependencies and handler
 * receive, so what a hook sets (headers, cookies, background tasks) is part
 * of the request.
 *
 * ```ts
 * app.fastify.addHook('onRequest', async (request, reply) => {
 *   requestContext(request, reply).setHeader('x-request-id', request.id);
 * });
 * ```
 */
export function requestContext(request: FastifyRequest, reply: FastifyReply): RequestContext {
  const framed = request as FramedRequest;
  let frame = framed[REQUEST_FRAME];
  if (!frame) {
    const app = (request.server as FramedInstance)[APP_FRAME];
    if (!app) throw new Error('requestContext() was given a request of a Fastify instance that no Deft app created.');
    frame = framed[REQUEST_FRAME] = new RequestFrame(request, reply, app);
  }
  return frame.context;
}
