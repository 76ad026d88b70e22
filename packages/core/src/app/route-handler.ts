import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestFrame } from '../context/request-frame';
import { frameOf } from '../context/request-frames';
import type { DependencyOverrides } from '../di/dependency-overrides';
import { INVALID } from '../dto/invalid';
import { RequestValidationError } from '../errors/request-validation-error';
import { RefusedBody } from '../http/refused-body';
import { discardPreparedHeaders } from '../http/discard-headers';
import type { ErrorRenderer } from '../http/error-handler';
import type { AppFrame } from '../lifecycle/app-frame';
import { COMPLETED, failed } from '../lifecycle/outcome';
import { isThenable } from '../values/thenable';
import type { CompiledRoute } from './compiled-route';
import { abandonIfTimedOut, endAfterResponse, watchEnding } from './request-ending';

/** Whether an error renderer's result is still to come: a promise (a user's async handler), not the reply it sent (a thenable too). */
function rendersLater(rendered: unknown, frame: RequestFrame): boolean {
  return rendered !== frame.reply && isThenable(rendered);
}

/** Every error is rendered on the way; what could still escape is a bug of Deft's own, logged rather than lost. */
function lost(frame: RequestFrame, error: unknown): void {
  frame.request.log.error({ err: error }, 'Deft failed to answer the request');
}

/**
 * The rest of a request's path, run once what it waited for (its arguments,
 * its handler's result) has settled. Nothing waits on the promise that
 * settling made, so nothing escapes it: what the rest leaves to run later is
 * followed, and an error thrown is logged (`lost`). An asynchronous handler
 * costs one promise reaction, as in a hand-written Fastify route.
 */
function later<T>(frame: RequestFrame, rest: (frame: RequestFrame, value: T) => unknown, value: T): void {
  try {
    const pending = rest(frame, value);
    if (isThenable(pending)) pending.then(undefined, (error: unknown) => lost(frame, error));
  } catch (error) {
    lost(frame, error);
  }
}

/** What every route handler of an app shares. */
export interface RouteRuntime {
  readonly app: AppFrame;
  readonly overrides: DependencyOverrides;
  readonly renderError: ErrorRenderer;
}

/**
 * The Fastify handler of one compiled route: one request's lifetime, from its
 * frame to its one ending. Per request it only runs the precompiled plan:
 * resolve the graph, call the handler, prepare the body, end the function
 * frame, send; then the request frame ends when the response does. On an
 * error (from a dependency, the handler, preparing or sending the body, or a
 * function-scoped teardown) the frames end with it first (the function frame,
 * then the request frame; teardowns may translate it), then the app's error
 * renderer renders what comes out. The whole path stays synchronous until
 * something in it is asynchronous: a route of synchronous dependencies
 * answers without a promise. Fastify is never handed a promise: the handler
 * returns nothing, as a handler that sends the reply itself does, so that
 * neither a streamed body nor an asynchronous `onSend` hook (a middleware's)
 * makes Fastify take an unsent reply for one to send empty, and an
 * asynchronous route costs no extra promise for Fastify to wait on.
 */
export function createRouteHandler(route: CompiledRoute, runtime: RouteRuntime) {
  const { root, response } = route;
  const { app, overrides, renderError } = runtime;
  const inFlight = app.inFlight;

  /** Renders an error once the frames have seen it. */
  const render = (frame: RequestFrame, error: unknown): unknown => {
    let rendered: unknown;
    try {
      if (frame.reply.raw.headersSent) {
        frame.request.log.error({ err: error }, 'The request failed after its response had begun');
      } else {
        rendered = renderError(error, frame.request, frame.reply);
      }
    } finally {
      if (!rendersLater(rendered, frame)) inFlight.leave(frame);
    }
    return rendersLater(rendered, frame) ? Promise.resolve(rendered).then(() => done(frame), () => done(frame)) : undefined;
  };
  const done = (frame: RequestFrame): undefined => (inFlight.leave(frame), undefined);

  const fail = (frame: RequestFrame, error: unknown): unknown =>
    frame.hasExits || frame.hasFunctionExits ? unwind(frame, error) : render(frame, error);

  const unwind = async (frame: RequestFrame, error: unknown): Promise<unknown> => {
    let outcome = failed(error);
    if (frame.hasFunctionExits) outcome = await frame.functionFrame.close(outcome);
    outcome = await frame.close(outcome);
    return render(frame, outcome.kind === 'failed' ? outcome.error : error);
  };

  const send = (frame: RequestFrame, prepared: unknown): unknown => {
    // Only a reply already sent can have been answered by Fastify's handlerTimeout.
    if (frame.reply.sent && abandonIfTimedOut(frame)) return done(frame);
    const ending = watchEnding(frame);
    // While the app closes, a response ends its connection, so the server's close is not held by a kept-alive socket.
    if (inFlight.closing) frame.reply.header('connection', 'close');
    try {
      response.send(prepared, frame);
    } catch (error) {
      ending?.dispose();
      discardPreparedHeaders(frame.reply);
      return fail(frame, error);
    }
    if (ending) endAfterResponse(frame, ending);
    inFlight.leave(frame);
    return undefined;
  };

  /** Ends the handler's part: the body is prepared, the function frame ends, then the response goes out. */
  const finish = (frame: RequestFrame, result: unknown): unknown => {
    let prepared: unknown;
    try {
      prepared = response.prepare(result, frame);
    } catch (error) {
      return fail(frame, error);
    }
    // A body that takes a look-up first (a file) is prepared asynchronously.
    return isThenable(prepared)
      ? Promise.resolve(prepared).then(
          (value) => bodyReady(frame, value),
          (error: unknown) => fail(frame, error),
        )
      : bodyReady(frame, prepared);
  };

  /** The body is prepared: the function frame ends, then the response goes out. */
  const bodyReady = (frame: RequestFrame, prepared: unknown): unknown => {
    if (!frame.hasFunctionExits) return send(frame, prepared);
    return frame.functionFrame.close(COMPLETED).then((outcome) => (outcome.kind === 'failed' ? fail(frame, outcome.error) : send(frame, prepared)));
  };

  const call = (frame: RequestFrame, args: unknown[] | typeof INVALID): unknown => {
    try {
      if (args === INVALID) throw new RequestValidationError(frame.errors, frame.request.body);
      const result = root.invoke(args, frame, root);
      // Fastify's reply is a thenable too (it settles when sent): returned, it means "already answered".
      if (result === frame.reply || !isThenable(result)) return finish(frame, result);
      Promise.resolve(result).then(
        (value) => later(frame, finish, value),
        (error: unknown) => later(frame, fail, error),
      );
      return undefined;
    } catch (error) {
      return fail(frame, error);
    }
  };

  const run = (frame: RequestFrame): unknown => {
    try {
      if (route.readsBody && frame.request.body instanceof RefusedBody) throw frame.request.body.error();
      const args = route.solveArgs(frame, overrides);
      if (!isThenable(args)) return call(frame, args);
      Promise.resolve(args).then(
        (value) => later(frame, call, value),
        (error: unknown) => later(frame, fail, error),
      );
      return undefined;
    } catch (error) {
      return fail(frame, error);
    }
  };

  return function handleRoute(request: FastifyRequest, reply: FastifyReply): undefined {
    const frame = frameOf(request) ?? new RequestFrame(request, reply, app);
    inFlight.enter();
    const handled = run(frame);
    if (isThenable(handled)) handled.then(undefined, (error: unknown) => lost(frame, error));
    return undefined;
  };
}
