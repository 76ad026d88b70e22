import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieOptions } from '../http/cookie-options';
import { setCookieHeader } from '../http/request-cookies';
import type { BackgroundTasks } from './background-tasks';
import { ConnectionContext } from './connection-context';

type ResponseChange = (reply: FastifyReply) => void;

/** What holds the request's background tasks (its frame), made on first use. */
export interface TasksOwner {
  readonly backgroundTasks: BackgroundTasks;
}

export const APPLY_RESPONSE_CHANGES = Symbol('deft.applyResponseChanges');

/**
 * The current request and the response being prepared. Declare a parameter of
 * this type in a handler or dependency to read raw request data or to set the
 * status, headers and cookies of a successful response (as FastAPI's
 * `Request` and `Response` parameters do). Changes are applied only when the
 * handler succeeds; an error response does not carry them. One instance per
 * request, shared by its hooks (`requestContext(request, reply)`), its
 * dependencies and its handler.
 */
export class RequestContext extends ConnectionContext {
  readonly reply: FastifyReply;
  private readonly tasks: TasksOwner;
  private status: number | undefined;
  private changes: ResponseChange[] | undefined;

  constructor(request: FastifyRequest, reply: FastifyReply, tasks: TasksOwner, state: Readonly<Record<string, unknown>> = {}) {
    super(request, state);
    this.reply = reply;
    this.tasks = tasks;
  }

  /** The request's background tasks: the same instance its dependencies and handler receive. */
  get backgroundTasks(): BackgroundTasks {
    return this.tasks.backgroundTasks;
  }

  /** The status the successful response will have (overrides the route's `statusCode`). */
  get statusCode(): number | undefined {
    return this.status;
  }

  setStatus(code: number): this {
    this.status = code;
    return this;
  }

  setHeader(name: string, value: string): this {
    (this.changes ??= []).push((reply) => reply.header(name, value));
    return this;
  }

  setCookie(name: string, value: string, options: CookieOptions = {}): this {
    (this.changes ??= []).push((reply) => reply.header('set-cookie', setCookieHeader(name, value, options)));
    return this;
  }

  deleteCookie(name: string, options: Pick<CookieOptions, 'domain' | 'path'> = {}): this {
    (this.changes ??= []).push((reply) => reply.header('set-cookie', setCookieHeader(name, '', { ...options, expires: new Date(0), maxAge: 0 })));
    return this;
  }

  [APPLY_RESPONSE_CHANGES](): void {
    if (this.changes) for (const change of this.changes) change(this.reply);
    if (this.status !== undefined) this.reply.code(this.status);
  }
}
