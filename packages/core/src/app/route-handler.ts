import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DependencyContainer } from 'tsyringe';
import { INVALID } from '../dto/dto-validator';
import type { DependencyOverrides } from '../di/dependency-overrides';
import { RequestState } from '../di/request-state';
import { solveArgs } from '../di/solve';
import { exitTeardowns, NO_ERROR } from '../di/teardown';
import { RequestValidationError, validationItem } from '../errors/request-validation-error';
import { InvalidJsonBody } from '../http/body-parsers';
import type { ErrorRenderer } from '../http/error-handler';
import { sendResult } from '../response/send-result';
import { afterResponse } from './after-response';
import type { CompiledRoute } from './compiled-route';

function jsonInvalid(body: InvalidJsonBody): RequestValidationError {
  const { message, position } = body.error;
  return new RequestValidationError([validationItem('json_invalid', ['body', position], 'JSON decode error', {}, { error: message })]);
}

function isPromise(value: unknown): value is Promise<unknown> {
  return value instanceof Promise;
}

/**
 * The Fastify handler of one compiled route. Per request it only runs the
 * precompiled plan: resolve the graph, call the handler, exit `scope:
 * 'function'` teardowns, send. On an error, teardowns exit with it first (the
 * function-scoped ones, then the others; they may translate it), then the
 * app's error renderer renders what comes out (directly, not through a
 * rejected promise). The whole path stays synchronous until something in it
 * is asynchronous: a route of synchronous dependencies answers without a
 * promise.
 */
export function createRouteHandler(
  route: CompiledRoute,
  container: DependencyContainer,
  overrides: DependencyOverrides,
  renderError: ErrorRenderer,
) {
  const env = { overrides, compiler: route.compiler };
  const { root } = route;
  const cacheSize = route.compiler.slots.size;

  /**
   * Renders an error, after the teardowns have seen it. Like every path here,
   * it returns `undefined` (or a promise of it) once the reply is sent, which
   * tells Fastify there is nothing more to send.
   */
  const render = (state: RequestState, error: unknown): unknown => {
    const rendered = renderError(error, state.request, state.reply);
    return isPromise(rendered) ? rendered.then(() => undefined) : undefined;
  };

  const fail = (state: RequestState, error: unknown): unknown => {
    if (!state.functionTeardowns && !state.teardowns) {
      afterResponse(state, state.reply, false);
      return render(state, error);
    }
    return unwind(state, error);
  };

  const unwind = async (state: RequestState, error: unknown): Promise<unknown> => {
    let rendered = error;
    if (state.functionTeardowns) rendered = await exitTeardowns(state.functionTeardowns, rendered);
    if (state.teardowns) rendered = await exitTeardowns(state.teardowns, rendered);
    state.functionTeardowns = state.teardowns = undefined;
    afterResponse(state, state.reply, false);
    return render(state, rendered === NO_ERROR ? error : rendered);
  };

  const send = (state: RequestState, result: unknown): unknown => {
    afterResponse(state, state.reply, true);
    sendResult(result, route, state.reply, state);
    return undefined;
  };

  /** Ends the handler's part: function-scoped teardowns, then the response. */
  const finish = (state: RequestState, result: unknown): unknown => {
    const early = state.functionTeardowns;
    if (!early) return send(state, result);
    state.functionTeardowns = undefined;
    return exitTeardowns(early).then((raised) => (raised === NO_ERROR ? send(state, result) : fail(state, raised)));
  };

  const call = (state: RequestState, args: unknown[] | typeof INVALID): unknown => {
    try {
      if (args === INVALID) throw new RequestValidationError(state.errors, state.request.body);
      const result = root.invoke(args, state, root);
      return isPromise(result) ? result.then((value) => finish(state, value), (error: unknown) => fail(state, error)) : finish(state, result);
    } catch (error) {
      return fail(state, error);
    }
  };

  return function handleRoute(request: FastifyRequest, reply: FastifyReply): unknown {
    const state = new RequestState(request, reply, container, cacheSize);
    try {
      if (route.readsBody && request.body instanceof InvalidJsonBody) throw jsonInvalid(request.body);
      const args = solveArgs(root, state, env);
      return isPromise(args)
        ? args.then((value) => call(state, value as unknown[] | typeof INVALID), (error: unknown) => fail(state, error))
        : call(state, args);
    } catch (error) {
      return fail(state, error);
    }
  };
}
