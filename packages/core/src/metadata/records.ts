import type { BodyOptions, ParamSource } from '../params/param-options';
import type { DependencyEntry, DependsMarker } from './depends-spec';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/**
 * What a controller, a router, or the place one is included at can say about
 * every route below it (FastAPI's `APIRouter(...)` and `include_router(...)`
 * arguments). Outermost first: prefixes join, tags and dependencies
 * accumulate, `responses` merge (the inner one wins for a status),
 * `deprecated` holds if any level says so, `includeInSchema` only if every
 * level allows it.
 */
export interface RouteGroupOptions {
  tags?: string[];
  /** Dependencies run before every route below; their values are discarded. */
  dependencies?: DependencyEntry[];
  /** Extra documented responses of every route below. */
  responses?: Record<string | number, ResponseSpec>;
  deprecated?: boolean;
  /** `false` leaves every route below out of the OpenAPI document. */
  includeInSchema?: boolean;
}

export type ControllerOptions = RouteGroupOptions;

/** Where an included controller or router is mounted, and what it adds there. */
export interface IncludeOptions extends RouteGroupOptions {
  prefix?: string;
}

type AnyClass = abstract new (...args: never[]) => unknown;

export const INCLUSION = Symbol('deft.inclusion');

/** A controller or router class included with options of its own (`include(UsersRouter, { prefix: '/v1' })`). */
export interface Inclusion {
  readonly [INCLUSION]: true;
  readonly target: AnyClass;
  readonly options: IncludeOptions;
}

/** What a `controllers` or `routers` list takes: a class, or a class included with options. */
export type RouteGroupEntry = AnyClass | Inclusion;

export interface RouterOptions extends RouteGroupOptions {
  prefix?: string;
  /** Controllers whose routes this router serves. */
  controllers?: readonly RouteGroupEntry[];
  /** Routers included in this one, to any depth. */
  routers?: readonly RouteGroupEntry[];
}

export interface RouterRecord {
  readonly options: RouterOptions;
}

/** A documented extra response of an operation, as in FastAPI's `responses=`. */
export interface ResponseSpec {
  description?: string;
  model?: ResponseModel;
  content?: Record<string, unknown>;
  headers?: Record<string, unknown>;
}

type ModelClass = abstract new (...args: never[]) => unknown;
/** A class decorated with `@Controller()`. */
export type ControllerClass = abstract new (...args: never[]) => unknown;

/** A union of models (`anyOf`), or a discriminated one (`oneOf` with a `discriminator`): made by `unionOf` and `discriminatedUnion`. */
export interface UnionModel {
  readonly union: readonly ResponseModel[];
  /** The property that tells the members apart, and the member for each of its values. */
  readonly discriminator?: { readonly propertyName: string; readonly mapping: Readonly<Record<string, ModelClass>> };
}

/** An object whose every value is a model (`additionalProperties`): made by `dictOf`. */
export interface DictModel {
  readonly dictOf: ResponseModel;
}

/**
 * What a response model can be: a DTO class, a scalar type (`String`,
 * `Number`, `Int`, `Boolean`, `Date`), a one-element array of a model for a
 * list (`[ItemOut]`, `[String]`), a union, or a dict of a model.
 */
export type ResponseModel = ModelClass | readonly [ResponseModel] | UnionModel | DictModel;

/** A response class (`HTMLResponse`, `FileResponse`, ...): any subclass of `BaseResponse`, checked at start-up. */
export type ResponseClassRef = abstract new (...args: never[]) => object;

export interface RouteOptions {
  statusCode?: number;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  operationId?: string;
  /**
   * The result is checked against this model and written with only its
   * declared fields (a class, `[Class]` for lists, a scalar type, `unionOf`,
   * `discriminatedUnion`, `dictOf`); each item of a stream, for a generator handler.
   */
  responseModel?: ResponseModel;
  /** How the result is written: JSON (default), `HTMLResponse`, `PlainTextResponse`, `RedirectResponse`, `FileResponse`, `StreamingResponse`, `EventSourceResponse`. */
  responseClass?: ResponseClassRef;
  /** Leave out the model's fields that were not set (not sent by the client, for a body Deft made; absent otherwise). */
  responseModelExcludeUnset?: boolean;
  /** Leave out the model's fields whose value equals their default. */
  responseModelExcludeDefaults?: boolean;
  /** Leave out the model's fields that are `null`. */
  responseModelExcludeNone?: boolean;
  /** Only these fields of the model. */
  responseModelInclude?: readonly string[];
  /** Not these fields of the model. */
  responseModelExclude?: readonly string[];
  /** Write fields under their aliases (`@Expose({ name })`); default `true`. */
  responseModelByAlias?: boolean;
  /** Check the result against the response model (a misfit is a 500 that logs every problem); default `true`. */
  validateResponse?: boolean;
  responseDescription?: string;
  responses?: Record<string | number, ResponseSpec>;
  /** Dependencies run before the handler; their values are discarded. */
  dependencies?: DependencyEntry[];
  includeInSchema?: boolean;
  /** Merged deeply into the route's OpenAPI operation (FastAPI's `openapi_extra`). */
  openapiExtra?: Record<string, unknown>;
  /**
   * `@Controller()` classes whose routes document the requests this operation
   * makes to the client's server (OpenAPI callbacks). They are never served;
   * their paths may use runtime expressions: `{$request.body.callbackUrl}/events`.
   */
  callbacks?: readonly ControllerClass[];
}

export interface ControllerRecord {
  readonly prefix: string;
  readonly options: ControllerOptions;
}

export interface RouteRecord {
  readonly method: HttpMethod;
  readonly path: string;
  readonly propertyKey: string;
  readonly options: RouteOptions;
  /** A WebSocket route (`@WebSocket`): a GET that upgrades. */
  readonly websocket?: boolean;
}

/** What `@WebSocket(path, options)` accepts. */
export interface WebSocketRouteOptions {
  /** Dependencies run before the handler (before the connection is accepted); their values are discarded. */
  dependencies?: DependencyEntry[];
}

/** What a request-parameter decorator (`@Query`, `@Body`, ...) declared. */
export interface RequestParamSpec {
  readonly source: ParamSource;
  /** The name on the wire; `undefined` only for an unnamed `@Body()`, `@Form()` or `@File()`. */
  readonly name: string | undefined;
  readonly options: BodyOptions;
}

/** What `@Field()` says of a DTO property, for the OpenAPI document (FastAPI's `Field(...)`). */
export interface FieldOptions {
  title?: string;
  description?: string;
  /** JSON Schema `examples` of the property. */
  examples?: readonly unknown[];
  deprecated?: boolean;
  /** Sent in responses only: clients need not send it. */
  readOnly?: boolean;
  /** Sent in requests only (a password): responses never show it. */
  writeOnly?: boolean;
  /** A JSON Schema `format` (`'password'` masks the field in Swagger UI); replaces the one a validator documents. */
  format?: string;
}

export type ParamRecord =
  | { readonly kind: 'request'; readonly spec: RequestParamSpec }
  | { readonly kind: 'depends'; readonly marker: DependsMarker };
