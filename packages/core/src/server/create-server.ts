import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions as HttpsOptions } from 'node:https';
import type { Socket } from 'node:net';
import type { FastifyServerOptions } from 'fastify';
import type { ResolvedLimits } from '../http/request-limits';
import { answerClientErrors } from './client-errors';
import { refuse, refuseOnSocket } from './refusal';
import { closeIdleConnections } from './idle-connections';
import { guardRequests } from './request-guard';
import { checkingInterval, type ResolvedTimeouts } from './server-timeouts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
type ServerFactory = NonNullable<FastifyServerOptions['serverFactory']>;

/** Set on a socket the server closed for being idle too long: a request on it ended by the server's timeout. */
export const TIMED_OUT = Symbol('deft.timedOut');

/** Whether the server closed this connection for being idle past `timeouts.idle`. */
export function timedOut(socket: Socket | null | undefined): boolean {
  return (socket as (Socket & { [TIMED_OUT]?: boolean }) | null | undefined)?.[TIMED_OUT] === true;
}

/** What the servers of one app share: its limits and timeouts, whether it is closing, and every server made for it. */
export interface ServerSetup {
  readonly limits: ResolvedLimits;
  readonly timeouts: ResolvedTimeouts;
  readonly closing: () => boolean;
  /** Whether to answer Node's parser errors (not when the app has a `clientErrorHandler` of its own). */
  readonly answerClientErrors: boolean;
  /** Every server made (Fastify makes a second one to listen on `localhost`'s two addresses). */
  readonly servers: Set<Server>;
}

/** The part of Fastify's options about the server it makes (beyond `FastifyServerOptions`' types). */
interface ServerKind {
  https?: HttpsOptions | true | null;
  http?: ServerOptions;
}

function nodeServer(options: ServerKind, handler: Handler, setup: ServerSetup): Server {
  const { limits, timeouts } = setup;
  const ours: ServerOptions = {
    maxHeaderSize: limits.headerSize,
    headersTimeout: timeouts.headers,
    requestTimeout: timeouts.request,
    keepAliveTimeout: timeouts.keepAlive,
    connectionsCheckingInterval: checkingInterval(timeouts),
    // Checked by the request guard, which answers in JSON.
    requireHostHeader: false,
  };
  const https = options.https === true ? {} : options.https;
  return https
    ? createHttpsServer({ ...https, ...ours }, handler)
    : createHttpServer({ ...options.http, ...ours }, handler);
}

/**
 * Fastify's `serverFactory` for a Deft app: makes the HTTP/1.1 (or HTTPS)
 * server Fastify would, with the app's limits and timeouts, the request
 * guard in front of Fastify's handler, JSON answers to what Node's parser
 * refuses, to `CONNECT` and to an `Expect` it cannot meet, and the idle timeout marked on the socket so that
 * a request it ends is known to be ended by the server. An app's own
 * `serverFactory` still makes the server; Deft wraps its handler and sets the
 * same limits on what it returns.
 */
export function deftServerFactory(setup: ServerSetup, own?: ServerFactory): ServerFactory {
  return (handler, options) => {
    const guarded = guardRequests(handler as Handler, setup.limits, setup.closing);
    const server = (own ? own(guarded as Parameters<ServerFactory>[0], options) : nodeServer(options as ServerKind, guarded, setup)) as Server;
    const { timeouts, limits } = setup;
    server.requestTimeout = timeouts.request;
    server.headersTimeout = timeouts.headers;
    server.keepAliveTimeout = timeouts.keepAlive;
    // One more than the limit is kept, so that the guard sees a request over it (Node would drop the rest silently).
    server.maxHeadersCount = limits.headerCount + 1;
    closeIdleConnections(server, timeouts.idle, (socket) => {
      (socket as Socket & { [TIMED_OUT]?: boolean })[TIMED_OUT] = true;
      socket.destroy();
    });
    if (setup.answerClientErrors) server.on('clientError', answerClientErrors(limits, timeouts));
    server.on('connect', (_req: IncomingMessage, socket: Socket) =>
      refuseOnSocket(socket, 'DEFT_REQ_CONNECT_REFUSED', 'CONNECT is not supported: this server is not a proxy'),
    );
    // Node would answer an empty 417 (this listener replaces it); 100-continue is not passed here.
    server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) =>
      refuse(res, 'DEFT_REQ_EXPECTATION_FAILED', 'The server can meet no expectation but Expect: 100-continue'),
    );
    setup.servers.add(server);
    server.once('close', () => setup.servers.delete(server));
    return server;
  };
}
