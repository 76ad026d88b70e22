import type { FastifyRequest } from 'fastify';
import type { DependencyContainer } from 'tsyringe';
import type { ValidationErrorItem } from '../errors/request-validation-error';
import type { FormFields } from '../http/form-fields';
import type { AppFrame } from '../lifecycle/app-frame';
import type { ScopeFrame } from '../lifecycle/scope-frame';
import type { DependencyScope } from '../metadata/depends-spec';
import type { BackgroundTasks } from './background-tasks';
import type { RequestContext } from './request-context';
import type { WebSocketConnection } from '../websocket/websocket-connection';

/**
 * What resolving a dependency graph reads and writes: a request's frame, or
 * the app's own when app-scoped dependencies are made before the first
 * request (which never touches what belongs to a request: the compiler sees
 * to that).
 */
export interface ResolutionFrame {
  readonly app: AppFrame;
  readonly request: FastifyRequest;
  readonly errors: ValidationErrorItem[];
  readonly context: RequestContext;
  readonly backgroundTasks: BackgroundTasks;
  readonly container: DependencyContainer;
  readonly formFields: FormFields;
  /** The connection of a WebSocket route (`undefined` for HTTP). */
  readonly websocket: WebSocketConnection | undefined;
  frameFor(scope: DependencyScope): ScopeFrame;
}
