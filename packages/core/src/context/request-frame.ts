import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DependencyContainer } from 'tsyringe';
import type { ValidationErrorItem } from '../errors/request-validation-error';
import { isFormContentType, toFormFields, type FormFields } from '../http/form-fields';
import { RequestAborted } from '../errors/request-aborted';
import type { AppFrame } from '../lifecycle/app-frame';
import { disposerExit } from '../lifecycle/exit';
import type { Cuttable } from '../lifecycle/in-flight';
import { aborted, type Outcome } from '../lifecycle/outcome';
import type { DependencyScope } from '../metadata/depends-spec';
import { ScopeFrame } from '../lifecycle/scope-frame';
import { BackgroundTasks } from './background-tasks';
import { RequestContext } from './request-context';
import type { ResolutionFrame } from './resolution-frame';
import type { WebSocketConnection } from '../websocket/websocket-connection';

const NO_FIELDS: FormFields = new Map();

/** The function rung of one request: what it holds to tear down makes the request held, as its own exits do. */
class FunctionFrame extends ScopeFrame {
  constructor(private readonly owner: RequestFrame) {
    super();
  }

  protected override exitAdded(): void {
    this.owner.noteExit(this);
  }
}

/**
 * One request's rung of the scope ladder, and everything the request shares
 * between its hooks, dependencies and handler: the values of request-scoped
 * dependencies and their exit stack, the function frame (created when a
 * `scope: 'function'` dependency is used), the validation errors found so
 * far, and what is made on first use only: the context, the background tasks,
 * the request's child container and the parsed form.
 *
 * While its handler runs, a frame with something to tear down is held by the
 * app's `InFlight`, which can `cut()` it short past the shutdown grace period.
 */
export class RequestFrame extends ScopeFrame implements ResolutionFrame, Cuttable {
  readonly errors: ValidationErrorItem[] = [];
  private contextValue: RequestContext | undefined;
  private tasksValue: BackgroundTasks | undefined;
  private containerValue: DependencyContainer | undefined;
  private formValue: FormFields | undefined;
  private functionValue: ScopeFrame | undefined;
  /** How the frame was cut short, once it has been: what is pushed from then on ends at once. */
  private cutWith: Outcome | undefined;
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
    return (this.functionValue ??= new FunctionFrame(this));
  }

  get hasFunctionExits(): boolean {
    return this.functionValue?.hasExits ?? false;
  }

  protected override exitAdded(): void {
    this.noteExit(this);
  }

  /** @internal An exit is being pushed onto `frame` (this one or its function frame). */
  noteExit(frame: ScopeFrame): void {
    const outcome = this.cutWith;
    if (outcome === undefined) {
      this.app.inFlight.hold(this);
    } else {
      // Made after the request was cut short: ended as soon as it is pushed.
      queueMicrotask(() => this.app.inFlight.track(this.report(frame.close(outcome))));
    }
  }

  override close(outcome: Outcome): Promise<Outcome> {
    this.app.inFlight.release(this);
    return super.close(outcome);
  }

  /**
   * Ends the request now, as aborted by the server, while its handler may
   * still run: its function frame, then its own, each teardown told
   * `RequestAborted`. What the handler does afterwards finds them ended.
   */
  cut(): Promise<unknown> {
    const outcome = (this.cutWith = aborted(new RequestAborted('server')));
    const functionEnded = this.functionValue ? this.report(this.functionValue.close(outcome)) : Promise.resolve();
    return functionEnded.then(() => this.report(this.close(outcome)));
  }

  private report(ending: Promise<Outcome>): Promise<void> {
    return ending.then(
      (outcome) => {
        if (outcome.kind === 'failed') this.request.log.error({ err: outcome.error }, 'A teardown failed while the request was cut short');
      },
      (error: unknown) => this.request.log.error({ err: error }, 'A teardown failed while the request was cut short'),
    );
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
