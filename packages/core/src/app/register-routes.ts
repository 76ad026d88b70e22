import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { multipartParseErrors, refuseCutFields } from '../http/multipart-errors';
import type { ResolvedLimits } from '../http/request-limits';
import type { CompiledRoute } from './compiled-route';

function readsForm(route: CompiledRoute): boolean {
  return route.params.some((param) => param.spec.source === 'form' || param.spec.source === 'file');
}

/**
 * Registers the compiled routes on Fastify. Routes that read a form get the
 * form parsers (@fastify/formbody, @fastify/multipart) in an encapsulated
 * context of their own, so the other routes pay nothing for multipart's
 * per-request hooks; to them a form body is plain text, which a JSON route
 * rejects with a 422, as FastAPI does. The multipart limits are the app's
 * `limits`, and a field the parser cut at its limit is refused (413).
 */
export function registerRoutes(
  fastify: FastifyInstance,
  routes: readonly CompiledRoute[],
  handlerFor: (route: CompiledRoute) => RouteHandlerMethod,
  limits: ResolvedLimits,
): void {
  const add = (scope: FastifyInstance, route: CompiledRoute): void => {
    scope.route({ method: route.method, url: route.path.fastify, handler: handlerFor(route) });
  };
  const formRoutes = routes.filter(readsForm);
  for (const route of routes) if (!formRoutes.includes(route)) add(fastify, route);
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
