import 'reflect-metadata';

export type { AppOptions } from './app/app-options';
export type { RequestLimits } from './http/request-limits';
export type { ServerTimeouts } from './server/server-timeouts';
export type { CompiledRoute } from './app/compiled-route';
export type { CookieOptions } from './http/cookie-options';
export type { Dependable, SecuritySchemeInfo } from './di/dependable';
export type { DependencyEntry, DependencyRef, DependencyScope, DependencyValue, DependsMarker, DependsOptions } from './di/depends-marker';
export type { AbortSource } from './errors/request-aborted';
export type { ModelOutputOptions } from './response/model-output-options';
export type { DependencyArgs, DependencyParams, FunctionDependency } from './di/function-dependency';
export type { ErrorCode, RequestErrorCode } from './errors/error-codes';
export type { ValidationErrorItem } from './errors/request-validation-error';
export type { ExceptionHandler } from './http/exception-handlers';
export type { Middleware, MiddlewareResult } from './middleware/middleware';
export type { ResponseHeaders } from './middleware/middleware-response';
export type { DeftListenOptions } from './app/deft-app';
export type { Lifespan, LifespanGenerator, LifespanHooks, LifespanState } from './lifespan/lifespan';
export type { ParamMarker } from './decorators/request-params';
export type { DocumentInfo } from './openapi/build-document';
export type { OpenApiAppOptions } from './openapi/docs-options';
export type {
  ContactObject,
  JsonSchema,
  LicenseObject,
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  RequestBodyObject,
  ResponseObject,
  SecurityRequirement,
  ServerObject,
  TagObject,
} from './openapi/openapi-types';
export type {
  ControllerClass,
  ControllerOptions,
  DictModel,
  FieldOptions,
  HttpMethod,
  IncludeOptions,
  Inclusion,
  ResponseClassRef,
  ResponseModel,
  ResponseSpec,
  RouteGroupEntry,
  RouteGroupOptions,
  RouteOptions,
  RouterOptions,
  UnionModel,
  WebSocketRouteOptions,
} from './metadata/records';
export type { WebSocketClose, WebSocketMessage } from './websocket/websocket-connection';
export type { FileResponseInit } from './response/file-response';
export type { ResponseInit } from './response/response-init';
export type { ServerSentEventInit } from './streaming/server-sent-event';
export type { ApiRouteOptions } from './decorators/http-methods';
export type { MountTarget } from './routing/mount-app';
export type { StaticFiles } from './routing/static-files';
export type { AppPluginOptions } from './plugins/app-plugins';
export type { LoadSheddingOptions } from './plugins/load-shedding';
export type { RateLimitOptions } from './plugins/rate-limit';
export type { BodyOptions, ExampleObject, ParamOptions, ParamSource, ParamValue, TypeSpec } from './params/param-options';

export { createApp } from './app/create-app';
export { DeftApp } from './app/deft-app';
export { MiddlewareResponse } from './middleware/middleware-response';
export { BackgroundTasks } from './context/background-tasks';
export { ConnectionContext } from './context/connection-context';
export { RequestContext } from './context/request-context';
export { requestContext } from './context/request-frames';
export { SecurityScopes } from './context/security-scopes';
export { Controller } from './decorators/controller';
export { Field } from './decorators/field';
export { Router } from './decorators/router';
export { ApiRoute, Delete, Get, Head, Options, Patch, Post, Put } from './decorators/http-methods';
export { include } from './decorators/include';
export { staticFiles } from './routing/static-files';
export { WebSocket } from './decorators/websocket-route';
export { Body, Cookie, File, Form, Header, Path, Query } from './decorators/request-params';
export { DependencyOverrides } from './di/dependency-overrides';
export { Depends, Security } from './di/depends-marker';
export { defineDependency } from './di/function-dependency';
export { DeftError } from './errors/deft-error';
export { ClientRequestError } from './errors/client-request-error';
export { errorCodes, requestErrorCodes } from './errors/error-codes';
export { HTTPException } from './errors/http-exception';
export { RequestAborted } from './errors/request-aborted';
export { RequestValidationError } from './errors/request-validation-error';
export { ResponseValidationError } from './errors/response-validation-error';
export { buildOpenApiDocument } from './openapi/build-document';
export { Int } from './params/int';
export { UploadFile } from './params/upload-file';
export { UUID } from './params/uuid';
export { DateOnly, DateTime, Duration, Time } from './params/temporal';
export { BaseResponse } from './response/base-response';
export { dictOf, discriminatedUnion, unionOf } from './response/model-helpers';
export { EventSourceResponse } from './response/event-source-response';
export { FileResponse } from './response/file-response';
export { JSONResponse } from './response/json-response';
export { RedirectResponse } from './response/redirect-response';
export { StreamingResponse } from './response/streaming-response';
export { HTMLResponse, PlainTextResponse } from './response/text-responses';
export { ServerSentEvent } from './streaming/server-sent-event';
export { WS_1000_NORMAL_CLOSURE, WS_1001_GOING_AWAY, WS_1006_ABNORMAL_CLOSURE, WS_1008_POLICY_VIOLATION, WS_1011_INTERNAL_ERROR } from './websocket/close-codes';
export { WebSocketConnection } from './websocket/websocket-connection';
export { WebSocketDisconnect } from './websocket/websocket-disconnect';
