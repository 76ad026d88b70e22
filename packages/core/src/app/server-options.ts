import type { Server } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { ResolvedLimits } from '../http/request-limits';
import { deftServerFactory } from '../server/create-server';
import type { ResolvedTimeouts } from '../server/server-timeouts';

export interface ServerOptions {
  /** Options for Fastify that set its server up with the app's limits and timeouts. */
  readonly fastify: FastifyServerOptions;
  /** Every server Fastify makes for the app, as it makes them. */
  readonly servers: ReadonlySet<Server>;
}

/**
 * What Deft tells Fastify about its server: the limits and timeouts (Fastify
 * passes them on to Node), and Deft's server factory, which adds the request
 * guard and JSON answers to what Node's parser refuses. An HTTP/2 server is
 * Fastify's own (the guard and the header limits are HTTP/1.1's).
 */
export function serverOptions(
  own: FastifyServerOptions,
  app: { limits: ResolvedLimits; timeouts: ResolvedTimeouts; closing: () => boolean },
): ServerOptions {
  const { limits, timeouts } = app;
  const servers = new Set<Server>();
  const fastify: FastifyServerOptions = {
    bodyLimit: limits.bodySize,
    requestTimeout: timeouts.request,
    keepAliveTimeout: timeouts.keepAlive,
    connectionTimeout: timeouts.idle,
  };
  if (!(own as { http2?: boolean }).http2) {
    const answerClientErrors = own.clientErrorHandler === undefined;
    Object.assign(fastify, {
      serverFactory: deftServerFactory({ ...app, answerClientErrors, servers }, own.serverFactory),
      // The guard answers requests that arrive while the app closes, with a JSON body.
      return503OnClosing: false,
      ...(answerClientErrors ? { clientErrorHandler: () => undefined } : {}),
    });
  }
  return { fastify, servers };
}
