import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket as WsSocket } from 'ws';
import { RequestFrame } from '../context/request-frame';
import { frameOf, keepFrame } from '../context/request-frames';
import { INVALID } from '../dto/invalid';
import { RequestValidationError } from '../errors/request-validation-error';
import { COMPLETED, aborted, failed, type Outcome } from '../lifecycle/outcome';
import { RequestAborted } from '../errors/request-aborted';
import { isThenable } from '../values/thenable';
import { WS_1001_GOING_AWAY, WS_1006_ABNORMAL_CLOSURE, WS_1008_POLICY_VIOLATION, WS_1011_INTERNAL_ERROR } from '../websocket/close-codes';
import { WebSocketConnection } from '../websocket/websocket-connection';
import { WebSocketDisconnect } from '../websocket/websocket-disconnect';
import type { CompiledRoute } from './compiled-route';
import type { RouteRuntime } from './route-handler';

/** The Fastify side of one WebSocket route: a hook that resolves the graph before the handshake, and the handler of the open socket. */
export interface WebSocketHandlers {
  preHandler(request: FastifyRequest, reply: FastifyReply, done: () => void): void;
  wsHandler(socket: WsSocket, request: FastifyRequest): void;
}

/**
 * One WebSocket route's connections, each a request frame that lives as long
 * as its socket. Before the handshake (a Fastify hook) the dependency graph
 * is resolved from the upgrade request, as for an HTTP route: a dependency
 * that raises (an `HTTPException` from a security scheme) refuses the
 * handshake with its HTTP response, as FastAPI's denial response does; a
 * request that fails validation is accepted and closed at once with 1008
 * (policy violation) and the errors as the reason, as FastAPI closes it.
 * Then the handler talks over the socket; when it returns the socket is
 * closed (1000; 1011 when it throws), and once the socket has closed the
 * frame ends: teardowns learn a normal end, the handler's error, or
 * `RequestAborted` when the connection dropped (1006) or the app closed it.
 * Each connection is tracked by the app, so `close()` closes it (1001) and
 * waits for its teardowns; a client that has not answered the close by the
 * end of the shutdown grace period is cut off (ws would wait 30 s).
 */
export function createWebSocketHandlers(route: CompiledRoute, runtime: RouteRuntime): WebSocketHandlers {
  const { root } = route;
  const { app, overrides, renderError } = runtime;
  const inFlight = app.inFlight;
  const solved = new WeakMap<RequestFrame, unknown[] | RequestValidationError>();

  const accept = (frame: RequestFrame, args: unknown[] | typeof INVALID, done: () => void): void => {
    solved.set(frame, args === INVALID ? new RequestValidationError(frame.errors) : args);
    inFlight.leave();
    done();
  };

  /** A dependency raised: its teardowns see it, then its HTTP response answers the handshake. */
  const refuse = (frame: RequestFrame, error: unknown): void => {
    void frame
      .close(failed(error))
      .then((ended) => renderError(ended.kind === 'failed' ? ended.error : error, frame.request, frame.reply))
      .catch((thrown: unknown) => frame.request.log.error({ err: thrown }, 'Refusing a WebSocket handshake failed'))
      .finally(() => inFlight.leave());
  };

  const outcomeOf = (handlerOutcome: Outcome, code: number, byServer: boolean): Outcome => {
    if (handlerOutcome.kind === 'failed') return handlerOutcome;
    if (inFlight.closing && (byServer || code === WS_1001_GOING_AWAY)) return aborted(new RequestAborted('server'));
    return code === WS_1006_ABNORMAL_CLOSURE ? aborted(new RequestAborted('client')) : COMPLETED;
  };

  const converse = async (frame: RequestFrame, connection: WebSocketConnection, args: unknown[] | RequestValidationError): Promise<void> => {
    let outcome: Outcome = COMPLETED;
    if (args instanceof RequestValidationError) {
      outcome = failed(args);
      void connection.close(WS_1008_POLICY_VIOLATION, JSON.stringify(args.errors));
    } else {
      try {
        await root.invoke(args, frame, root);
      } catch (error) {
        if (!(error instanceof WebSocketDisconnect)) {
          outcome = failed(error);
          frame.request.log.error({ err: error }, `The WebSocket handler of ${route.where} failed`);
          void connection.close(WS_1011_INTERNAL_ERROR, 'Internal Server Error');
        }
      }
      void connection.close();
    }
    const closed = await connection.closed;
    const ended = await frame.close(outcomeOf(outcome, closed.code, closed.byServer));
    if (ended.kind === 'failed' && ended.error !== args) frame.request.log.error({ err: ended.error }, 'A dependency teardown failed after the WebSocket closed');
  };

  return {
    preHandler(request, reply, done) {
      const frame = new RequestFrame(request, reply, app);
      frame.websocket = new WebSocketConnection();
      keepFrame(request, frame);
      inFlight.enter();
      try {
        const args = route.solveArgs(frame, overrides);
        if (!isThenable(args)) return accept(frame, args, done);
        Promise.resolve(args).then(
          (value) => accept(frame, value, done),
          (error: unknown) => refuse(frame, error),
        );
      } catch (error) {
        refuse(frame, error);
      }
    },
    wsHandler(socket, request) {
      const frame = frameOf(request)!;
      const connection = frame.websocket!;
      connection.attach(socket);
      const lifetime = converse(frame, connection, solved.get(frame)!).catch((error: unknown) => request.log.error({ err: error }, 'Ending a WebSocket connection failed'));
      // Closing the app sends 1001 at once (register-routes); past the grace period a client that never answered is cut off.
      inFlight.track(lifetime, () => connection.terminate());
    },
  };
}
