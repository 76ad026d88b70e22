import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { multipartParseErrors, refuseCutFields } from '../http/multipart-errors';
import type { ResolvedLimits } from '../http/request-limits';
import type { CompiledRoute } from './compiled-route';
import type { WebSocketHandlers } from './websocket-handler';
import type { AppFrame } from '../lifecycle/app-frame';
import { WS_1001_GOING_AWAY } from '../websocket/close-codes';

function readsForm(route: CompiledRoute): boolean {
  return route.params.some((param) => param.spec.source === 'form' || param.spec.source === 'file');
}

/** How the routes of an app are turned into Fastify handlers. */
export interface RouteHandlers {
  http(route: CompiledRoute): RouteHandlerMethod;
  websocket(route: CompiledRoute): WebSocketHandlers;
}

/**
 * Registers the compiled routes on Fastify. Routes that read a form get the
 * form parsers (@fastify/formbody, @fastify/multipart) in an encapsulated
 * context of their own, so the other routes pay nothing for multipart's
 * per-request hooks; to them a form body is plain text, which a JSON route
 * rejects with a 422, as FastAPI does. The multipart limits are the app's
 * `limits`, and a field the parser cut at its limit is refused (413).
 * WebSocket routes get @fastify/websocket the same way (it wraps every
 * handler of its context), loaded only by apps that have one; closing the
 * app closes their connections with 1001 (going away).
 */
export function registerRoutes(
  fastify: FastifyInstance,
  routes: readonly CompiledRoute[],
  handlers: RouteHandlers,
  app: AppFrame,
  limits: ResolvedLimits,
): void {
  const add = (scope: FastifyInstance, route: CompiledRoute): void => {
    scope.route({ method: route.method, url: route.path.fastify, handler: handlers.http(route) });
  };
  const formRoutes = routes.filter(readsForm);
  const socketRoutes = routes.filter((route) => route.websocket);
  for (const route of routes) if (!formRoutes.includes(route) && !route.websocket) add(fastify, route);
  if (socketRoutes.length > 0) registerWebSockets(fastify, socketRoutes, handlers, app);
  if (formRoutes.length === 0) return;
  // The form plugins are loaded only by apps that read forms.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, to keep start-up short
  const formbody = require('@fastify/formbody') as typeof import('@fastify/formbody');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, to keep start-up short
  const multipart = require('@fastify/multipart') as typeof import('@fastify/multipart');
  void fastify.register(async (scope) => {
    scope.setErrorHandler(multipartParseErrors);
    await scope.register(formbody.default);
    await scope.register(multipart.default, {
      attachFieldsToBody: true,
      limits: {
        fileSize: limits.fileSize,
        files: limits.files,
        fields: limits.fields,
        fieldSize: limits.fieldSize,
        parts: limits.parts,
      },
      async onFile(part) {
        (part as unknown as { value: Buffer }).value = await part.toBuffer();
      },
    });
    scope.addHook('preValidation', refuseCutFields(limits));
    for (const route of formRoutes) add(scope, route);
  });
}

function registerWebSockets(fastify: FastifyInstance, routes: readonly CompiledRoute[], handlers: RouteHandlers, app: AppFrame): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load: apps without WebSocket routes never load it
  const websocket = require('@fastify/websocket') as typeof import('@fastify/websocket');
  void fastify.register(async (scope) => {
    await scope.register(websocket.default, {
      preClose(done) {
        app.inFlight.closing = true;
        for (const client of scope.websocketServer.clients) client.close(WS_1001_GOING_AWAY, 'Server shutting down');
        scope.websocketServer.close();
        done();
      },
    });
    for (const route of routes) {
      const { preHandler, wsHandler } = handlers.websocket(route);
      // A plain GET (no upgrade) finds no route, as in FastAPI: `{"detail":"Not Found"}`, its dependencies never run.
      scope.route({
        method: 'GET',
        url: route.path.fastify,
        preHandler: (request, reply, done) => ((request as { ws?: boolean }).ws ? preHandler(request, reply, done) : done()),
        handler: (_request, reply) => reply.code(404).send({ detail: 'Not Found' }),
        wsHandler: wsHandler as never,
      });
    }
  });
}
