import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DependencyContainer } from 'tsyringe';
import type { ValidationErrorItem } from '../errors/request-validation-error';
import { isFormContentType, toFormFields, type FormFields } from '../http/form-fields';
import type { AppFrame } from '../lifecycle/app-frame';
import { disposerExit } from '../lifecycle/exit';
import type { DependencyScope } from '../metadata/depends-spec';
import { ScopeFrame } from '../lifecycle/scope-frame';
import { BackgroundTasks } from './background-tasks';
import { RequestContext } from './request-context';
import type { ResolutionFrame } from './resolution-frame';
import type { WebSocketConnection } from '../websocket/websocket-connection';

const NO_FIELDS: FormFields = new Map();

/**
 * One request's rung of the scope ladder, and everything the request shares
 * between its hooks, dependencies and handler: the values of request-scoped
 * dependencies and their exit stack, the function frame (created when a
 * `scope: 'function'` dependency is used), the validation errors found so
 * far, and what is made on first use only: the context, the background tasks,
 * the request's child container and the parsed form.
 */
export class RequestFrame extends ScopeFrame implements ResolutionFrame {
  readonly errors: ValidationErrorItem[] = [];
  private contextValue: RequestContext | undefined;
  private tasksValue: BackgroundTasks | undefined;
  private containerValue: DependencyContainer | undefined;
  private formValue: FormFields | undefined;
  private functionValue: ScopeFrame | undefined;
  /** Settles when a streamed body has closed (ended, or destroyed when the client went away), with its error if it failed. */
  bodyClosed: Promise<Error | null> | undefined;
  /** The connection of a WebSocket route's request (its socket attached once the handshake is done). */
  websocket: WebSocketConnection | undefined;

  constructor(
    readonly request: FastifyRequest,
    readonly reply: FastifyReply,
    readonly app: AppFrame,
  ) {
    super();
  }

  get context(): RequestContext {
    return (this.contextValue ??= new RequestContext(this.request, this.reply, this, this.app.state));
  }

  get hasContext(): boolean {
    return this.contextValue !== undefined;
  }

  get backgroundTasks(): BackgroundTasks {
    return (this.tasksValue ??= new BackgroundTasks());
  }

  get pendingTasks(): BackgroundTasks | undefined {
    return this.tasksValue;
  }

  /** The request's child container, for request-scoped services; disposed when the request frame ends. */
  get container(): DependencyContainer {
    if (!this.containerValue) {
      const child = (this.containerValue = this.app.container.createChildContainer());
      this.push(disposerExit('the request container', () => child.dispose()));
    }
    return this.containerValue;
  }

  get formFields(): FormFields {
    if (this.formValue === undefined) {
      this.formValue = isFormContentType(this.request.headers['content-type']) ? toFormFields(this.request.body) : NO_FIELDS;
    }
    return this.formValue;
  }

  /** The handler call's frame: `scope: 'function'` values and exits, ended right after the handler. */
  get functionFrame(): ScopeFrame {
    return (this.functionValue ??= new ScopeFrame());
  }

  get hasFunctionExits(): boolean {
    return this.functionValue?.hasExits ?? false;
  }

  /** Follows a streamed body: the request's teardowns wait until it has closed, and its source has stopped. */
  trackBody(stream: Readable): void {
    this.bodyClosed = new Promise((resolve) => stream.once('close', () => resolve(stream.errored)));
  }

  /** The frame of a rung, as seen from this request. */
  frameFor(scope: DependencyScope): ScopeFrame {
    return scope === 'request' ? this : scope === 'app' ? this.app : this.functionFrame;
  }
}
