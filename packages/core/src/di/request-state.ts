import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DependencyContainer } from 'tsyringe';
import { BackgroundTasks } from '../context/background-tasks';
import { RequestContext } from '../context/request-context';
import type { ValidationErrorItem } from '../errors/request-validation-error';
import { isFormContentType, toFormFields, type FormFields } from '../http/form-fields';
import type { Teardown, TeardownScope } from './teardown';

const NO_FIELDS: FormFields = new Map();

/**
 * Everything one request's resolution needs and produces: the validation
 * errors found so far, the per-request dependency cache (one slot per distinct
 * dependency of the route, assigned at start-up), and what is created lazily
 * only when asked for: the context, background tasks, teardowns, the
 * request's child container and the parsed form.
 */
export class RequestState {
  readonly errors: ValidationErrorItem[] = [];
  readonly cache: unknown[];
  private contextValue: RequestContext | undefined;
  private tasksValue: BackgroundTasks | undefined;
  private containerValue: DependencyContainer | undefined;
  private formValue: FormFields | undefined;
  /** Teardowns that run after the response (`scope: 'request'`, the default). */
  teardowns: Teardown[] | undefined;
  /** Teardowns that run after the handler, before the response (`scope: 'function'`). */
  functionTeardowns: Teardown[] | undefined;

  constructor(
    readonly request: FastifyRequest,
    readonly reply: FastifyReply,
    private readonly appContainer: DependencyContainer,
    cacheSize: number,
  ) {
    this.cache = cacheSize === 0 ? [] : new Array<unknown>(cacheSize).fill(UNSET);
  }

  get context(): RequestContext {
    return (this.contextValue ??= new RequestContext(this.request, this.reply));
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

  /** The request's child container, for request-scoped services; disposed after the response. */
  get container(): DependencyContainer {
    return (this.containerValue ??= this.appContainer.createChildContainer());
  }

  get childContainer(): DependencyContainer | undefined {
    return this.containerValue;
  }

  get formFields(): FormFields {
    if (this.formValue === undefined) {
      this.formValue = isFormContentType(this.request.headers['content-type']) ? toFormFields(this.request.body) : NO_FIELDS;
    }
    return this.formValue;
  }

  addTeardown(teardown: Teardown, scope: TeardownScope): void {
    if (scope === 'function') (this.functionTeardowns ??= []).push(teardown);
    else (this.teardowns ??= []).push(teardown);
  }
}

/** Marks an empty dependency-cache slot (`undefined` is a valid cached value). */
export const UNSET = Symbol('deft.unset');
