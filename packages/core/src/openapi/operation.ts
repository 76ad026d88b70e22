import type { CompiledRoute } from '../app/compiled-route';
import { deepMerge } from './deep-merge';
import { walkGraph } from './graph-walk';
import { titleFromName } from './names';
import type { OperationObject } from './openapi-types';
import { operationParameters } from './operation-parameters';
import { requestBody } from './request-body';
import { operationResponses } from './responses';
import type { SchemaRegistry } from './schema-registry';
import { collectSchemeDefinitions, securityRequirements } from './security-requirements';

const METHODS_WITH_BODY = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH']);

export interface OperationContext {
  readonly operationId: string;
  readonly registry: SchemaRegistry;
  /** `components.securitySchemes`, filled as schemes are met. */
  readonly securitySchemes: Map<string, unknown>;
  /** The operation's `callbacks`, already built. */
  readonly callbacks?: OperationObject['callbacks'];
}

/** One route as an OpenAPI operation, everything read from its compiled graph. */
export function buildOperation(route: CompiledRoute, context: OperationContext): OperationObject {
  const { options } = route;
  const { operationId, registry } = context;
  const inputs = walkGraph(route.root);
  const parameters = operationParameters(inputs.params, registry);
  const body = METHODS_WITH_BODY.has(route.method)
    ? requestBody(inputs.params, { operationId, embedded: route.bodyEmbedded, registry })
    : undefined;
  const responses = operationResponses({
    operationId,
    statusCode: route.statusCode,
    description: options.responseDescription,
    content: route.response.document(),
    responses: options.responses,
    validates: route.params.length > 0,
    registry,
  });
  const security = securityRequirements(inputs.schemes);
  collectSchemeDefinitions(inputs.schemes, context.securitySchemes);
  // Keys in the OpenAPI specification's order, as FastAPI emits them.
  const operation: OperationObject = {
    ...(route.tags.length > 0 ? { tags: [...route.tags] } : {}),
    summary: options.summary ?? titleFromName(route.handlerName),
    ...(options.description === undefined ? {} : { description: options.description }),
    operationId,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    ...(context.callbacks ? { callbacks: context.callbacks } : {}),
    responses,
    ...(options.deprecated ? { deprecated: true } : {}),
    ...(security.length > 0 ? { security } : {}),
  };
  if (options.openapiExtra) deepMerge(operation as unknown as Record<string, unknown>, options.openapiExtra);
  return operation;
}
