import 'reflect-metadata';

export type { AppOptions, MultipartLimits } from './app/app-options';
export type { CompiledRoute } from './app/compiled-route';
export type { CookieOptions } from './context/request-context';
export type { Dependable, SecuritySchemeInfo } from './di/dependable';
export type { DependencyEntry, DependencyRef, DependencyValue, DependsMarker, DependsOptions } from './di/depends-marker';
export type { DependencyArgs, DependencyParams, FunctionDependency } from './di/function-dependency';
export type { ErrorCode } from './errors/error-codes';
export type { ValidationErrorItem } from './errors/request-validation-error';
export type { ExceptionHandler } from './http/exception-handlers';
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
export type { ControllerClass, ControllerOptions, FieldOptions, HttpMethod, ResponseModel, ResponseSpec, RouteOptions } from './metadata/records';
export type { BodyOptions, ExampleObject, ParamOptions, ParamSource, ParamValue, TypeSpec } from './params/param-options';

export { createApp } from './app/create-app';
export { DeftApp } from './app/deft-app';
export { BackgroundTasks } from './context/background-tasks';
export { RequestContext } from './context/request-context';
export { SecurityScopes } from './context/security-scopes';
export { Controller } from './decorators/controller';
export { Field } from './decorators/field';
export { Delete, Get, Head, Options, Patch, Post, Put } from './decorators/http-methods';
export { Body, Cookie, File, Form, Header, Path, Query } from './decorators/request-params';
export { DependencyOverrides } from './di/dependency-overrides';
export { Depends, Security } from './di/depends-marker';
export { defineDependency } from './di/function-dependency';
export { DeftError } from './errors/deft-error';
export { errorCodes } from './errors/error-codes';
export { HTTPException } from './errors/http-exception';
export { RequestValidationError } from './errors/request-validation-error';
export { buildOpenApiDocument } from './openapi/build-document';
export { Int } from './params/int';
export { UploadFile } from './params/upload-file';
export { UUID } from './params/uuid';
export { DateOnly, DateTime, Duration, Time } from './params/temporal';
