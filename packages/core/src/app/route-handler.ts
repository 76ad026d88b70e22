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

/**
 * The Fastify handler of one compiled route. Per request it only runs the
 * precompiled plan: resolve the graph, call the handler, exit `scope:
 * 'function'` teardowns, send. On an error, teardowns exit with it first (the
 * function-scoped ones, then the others; they may translate it), then the
 * app's error renderer renders what comes out.
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
  return async function handleRoute(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const state = new RequestState(request, reply, container, cacheSize);
    let result: unknown;
    try {
      if (route.readsBody && request.body instanceof InvalidJsonBody) throw jsonInvalid(request.body);
      let args = solveArgs(root, state, env);
      if (args instanceof Promise) args = await args;
      if (args === INVALID) throw new RequestValidationError(state.errors, request.body);
      result = root.invoke(args, state, root);
      if (result instanceof Promise) result = await result;
      if (state.functionTeardowns) {
        const early = state.functionTeardowns;
        state.functionTeardowns = undefined;
        const raised = await exitTeardowns(early);
        if (raised !== NO_ERROR) throw raised;
      }
    } catch (error) {
      let rendered = error;
      if (state.functionTeardowns) rendered = await exitTeardowns(state.functionTeardowns, rendered);
      if (state.teardowns) rendered = await exitTeardowns(state.teardowns, rendered);
      state.functionTeardowns = state.teardowns = undefined;
      afterResponse(state, reply, false);
      // Rendered here rather than thrown to Fastify: the same handlers, without a rejected promise's round trip.
      return renderError(rendered === NO_ERROR ? error : rendered, request, reply);
    }
    afterResponse(state, reply, true);
    return sendResult(result, route, reply, state);
  };
}
