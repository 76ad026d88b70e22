/**
 * The one registry of Deft's developer-error codes. Each is raised at start-up
 * (`createApp`) for a mistake in the application's code, never for a client's
 * request (but DEFT_ERR_DEPENDENCY_SWALLOWED_ERROR, found while serving one).
 * `docs/errors-reference.md` documents every code; a test keeps the two in step.
 */
export const errorCodes = {
  DEFT_ERR_REFLECT_METADATA_MISSING: 'reflect-metadata is not loaded, so no decorator metadata can be read',
  DEFT_ERR_DESIGN_TYPES_MISSING: 'TypeScript emitted no parameter types for a decorated method or class',
  DEFT_ERR_PARAM_TYPE_UNKNOWN: "a parameter's type cannot drive conversion or injection (interface, union, any)",
  DEFT_ERR_PARAM_UNDECORATED: 'a handler or dependency parameter has no decorator and no injectable type',
  DEFT_ERR_PARAM_DECORATED_TWICE: 'a parameter carries more than one Deft parameter decorator',
  DEFT_ERR_PARAM_OPTIONS_INVALID: "a parameter's options are contradictory or malformed",
  DEFT_ERR_PATH_PARAM_MISSING: 'a path placeholder has no matching @Path parameter',
  DEFT_ERR_PATH_PARAM_NOT_IN_PATH: 'a @Path parameter names a placeholder that the path does not have',
  DEFT_ERR_PATH_INVALID: 'a route path is not valid OpenAPI path syntax',
  DEFT_ERR_ROUTE_DUPLICATE: 'two routes share the same method and path',
  DEFT_ERR_BODY_UNNAMED: 'a route with several body parameters has one without a name',
  DEFT_ERR_BODY_MIXED: 'a route mixes a JSON @Body with @Form or @File parameters',
  DEFT_ERR_CONTROLLER_NOT_DECORATED: 'a class listed in `controllers` has no @Controller decorator',
  DEFT_ERR_ROUTER_NOT_DECORATED: 'a class listed in `routers` has no @Router decorator',
  DEFT_ERR_ROUTER_CYCLE: 'a router is included inside itself, directly or through other routers',
  DEFT_ERR_DEPENDENCY_INVALID: 'a dependency is none of the four forms @Depends accepts',
  DEFT_ERR_DEPENDENCY_CYCLE: 'dependencies depend on each other in a cycle',
  DEFT_ERR_DEPENDENCY_SCOPE: 'a dependency needs one on a narrower rung of the scope ladder (app > request > function) than its own',
  DEFT_ERR_DEPENDENCY_UNRESOLVABLE: "a class dependency's constructor parameter can be resolved neither from the request nor from the container",
  DEFT_ERR_RESPONSE_MODEL_INVALID: 'a responseModel is none of the models Deft can check and write',
  DEFT_ERR_RESPONSE_CLASS_INVALID: "a responseClass (or the app's defaultResponseClass) is not a response class",
  DEFT_ERR_CONNECTION_MISMATCH: 'a parameter needs what its route does not have (a WebSocketConnection in an HTTP route, a RequestContext in a WebSocket route)',
  DEFT_ERR_OPERATION_ID_DUPLICATE: 'two documented routes are given the same operationId',
  DEFT_ERR_SETTINGS_INVALID: 'the environment does not satisfy a settings class',
  DEFT_ERR_STARTUP_FAILED: 'a lifespan start or an app-scoped dependency failed while the app started',
  DEFT_ERR_DEPENDENCY_SWALLOWED_ERROR: 'a teardown dependency caught an exception and did not re-throw it',
} as const;

export type ErrorCode = keyof typeof errorCodes;
