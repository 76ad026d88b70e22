import type { DependencyNode } from '../di/dependency-node';
import type { ArgsSolver } from '../di/generated-solver';
import type { HttpMethod, RouteOptions } from '../metadata/records';
import type { RequestParamReader } from '../params/request-param-reader';
import type { RoutePath } from '../http/path-syntax';
import type { CompiledResponse } from '../response/compiled-response';

/** A route compiled once at start-up, then never changed: everything a request and the OpenAPI scanner need. */
export interface CompiledRoute {
  readonly method: HttpMethod;
  readonly path: RoutePath;
  readonly controller: abstract new (...args: never[]) => unknown;
  readonly handlerName: string;
  readonly options: RouteOptions;
  /** Controller tags, then the route's own. */
  readonly tags: readonly string[];
  /** The handler as the root of the dependency graph; its first `dependencyCount` slots are the `dependencies` entries. */
  readonly root: DependencyNode;
  /** The root's arguments for one request: `solveArgs(root)`, generated for this route's graph (see `compileArgsSolver`). */
  readonly solveArgs: ArgsSolver;
  readonly dependencyCount: number;
  /** The request parameters of the whole graph, as compiled at start-up. */
  readonly params: readonly RequestParamReader[];
  /** Whether any node reads the body (then malformed JSON is reported first). */
  readonly readsBody: boolean;
  /** Whether the JSON body parameters read one key each of an object (several bodies, or `embed: true`). */
  readonly bodyEmbedded: boolean;
  readonly statusCode: number;
  /** How the route writes and documents its result. */
  readonly response: CompiledResponse;
  /** A WebSocket route: the handler talks over the upgraded connection, and the route is not documented. */
  readonly websocket: boolean;
  /** `GET /items/{id} (ItemsController.readItem)`, for messages. */
  readonly where: string;
  /** The routes of the `callbacks` option, documented under this operation, never served. */
  readonly callbacks: readonly CompiledRoute[];
}
