import type { FastifyInstance, FastifyListenOptions, FastifyPluginAsync, FastifyPluginCallback, FastifyPluginOptions } from 'fastify';
import type { InjectOptions, Response as InjectResponse } from 'light-my-request';
import type { DependencyContainer } from 'tsyringe';
import { DependencyOverrides } from '../di/dependency-overrides';
import { ExceptionHandlers, type ExceptionHandler } from '../http/exception-handlers';
import { buildOpenApiDocument } from '../openapi/build-document';
import { documentInfo } from '../openapi/document-info';
import type { OpenApiDocument } from '../openapi/openapi-types';
import type { DocumentedAppOptions } from './documented-app-options';
import type { CompiledRoute } from './compiled-route';
import type { AppFrame } from '../lifecycle/app-frame';
import type { Middleware } from '../middleware/middleware';
import { installMiddleware } from '../middleware/middleware-chain';
import { closeOnSignals } from './close-on-signals';
import { disposerExit } from '../lifecycle/exit';
import { mount, type MountTarget } from '../routing/mount-app';

export interface DeftListenOptions extends FastifyListenOptions {
  /** Signals that close the app and end the process once it is closed. Default `['SIGINT', 'SIGTERM']`; `[]` for none. */
  signals?: readonly NodeJS.Signals[];
}

/** What `createApp` returns: the compiled application on its Fastify instance. */
export class DeftApp {
  /** Replace dependencies in tests: `app.dependencyOverrides.set(getDb, fakeDb)`. */
  readonly dependencyOverrides: DependencyOverrides;
  private document: OpenApiDocument | undefined;
  private readonly middlewares: Middleware[] = [];
  private mountedRootPath: string | undefined;

  constructor(
    readonly fastify: FastifyInstance,
    /** The app's own child container: services resolve from here. */
    readonly container: DependencyContainer,
    readonly routes: readonly CompiledRoute[],
    /** The options it was created with (`createApp`'s), as far as the app itself reads them: its document's. */
    readonly options: Readonly<DocumentedAppOptions>,
    overrides: DependencyOverrides,
    private readonly handlers: ExceptionHandlers,
    private readonly frame: AppFrame,
    /** The `webhooks` option's routes, compiled for the document only. */
    private readonly webhooks: readonly CompiledRoute[] = [],
  ) {
    this.dependencyOverrides = overrides;
  }

  /** What the lifespans handed over when the app started (also `context.state` in requests). */
  get state(): Record<string, unknown> {
    return this.frame.state;
  }

  /**
   * The app's OpenAPI 3.1 document (what `/openapi.json` serves), built from
   * the compiled routes on first use and kept.
   */
  openapi(): OpenApiDocument {
    return (this.document ??= buildOpenApiDocument(this.routes, documentInfo(this.options, this.webhooks, this.rootPath)));
  }

  /**
   * Serves `target` under `prefix` (FastAPI's `app.mount`): another Deft app
   * (with its own routes, `/openapi.json` and docs pages, started and closed
   * with this one), `staticFiles({ root })`, or any Fastify plugin. Mount
   * before the app starts.
   */
  mount(prefix: string, target: MountTarget): this {
    mount(this.fastify, this.rootPath, prefix, target);
    return this;
  }

  /** Registers any Fastify plugin on the app's instance (`fastify.register`), before the app starts. */
  register<Options extends FastifyPluginOptions>(plugin: FastifyPluginCallback<Options> | FastifyPluginAsync<Options>, options?: Options): this {
    void this.fastify.register(plugin, options as Options);
    return this;
  }

  /** @internal Called by the parent app when this app is mounted: its root path becomes where it is mounted. */
  mountedAt(rootPath: string): void {
    this.mountedRootPath ??= rootPath;
    this.document = undefined;
  }

  private get rootPath(): string {
    return this.options.rootPath ?? this.mountedRootPath ?? '';
  }

  /**
   * Adds an HTTP middleware (FastAPI's `@app.middleware("http")`): it runs
   * around every request, the last one added outermost. Add them before the
   * app starts (`ready()`, `listen()` or the first request).
   *
   * ```ts
   * app.middleware(async (ctx, callNext) => {
   *   const started = performance.now();
   *   const response = await callNext();
   *   response.headers.set('x-process-time', String(performance.now() - started));
   *   return response;
   * });
   * ```
   */
  middleware(middleware: Middleware): this {
    if (this.middlewares.length === 0) installMiddleware(this.fastify, this.middlewares);
    this.middlewares.push(middleware);
    return this;
  }

  /** Renders errors of `errorClass` (and subclasses) with `handler`, before the defaults. */
  exceptionHandler<E extends Error>(errorClass: abstract new (...args: never[]) => E, handler: ExceptionHandler<E>): this {
    this.handlers.set(errorClass, handler);
    return this;
  }

  /**
   * Starts the app (its lifespans, then its app-scoped dependencies) and
   * listens; defaults to http://127.0.0.1:8000. Returns the address. Until the
   * app is closed, SIGINT and SIGTERM close it and then end the process (pass
   * `signals: []` to handle them yourself).
   */
  async listen(options: DeftListenOptions = {}): Promise<string> {
    const { signals = ['SIGINT', 'SIGTERM'], ...listenOptions } = options;
    const address = await this.fastify.listen({ host: '127.0.0.1', port: 8000, ...listenOptions });
    if (signals.length > 0) this.frame.push(disposerExit('the signal handlers', closeOnSignals(this, signals)));
    return address;
  }

  /** Starts the app without listening: its lifespans, then its app-scoped dependencies. */
  async ready(): Promise<this> {
    await this.fastify.ready();
    return this;
  }

  /**
   * Closes the app: stops accepting requests, waits for the running ones,
   * their background tasks and teardowns, then ends the app frame
   * (app-scoped dependencies, the lifespans' stops, the singletons Deft made).
   */
  close(): Promise<void> {
    return this.fastify.close();
  }

  /**
   * An in-process request (no socket), as Fastify's `inject`. Deft pins its own
   * light-my-request, whose dependencies load with `require()`, so the tests of
   * an app run under jest on Node 20 (Fastify's newer copy needs ES modules).
   */
  async inject(options: InjectOptions | string): Promise<InjectResponse> {
    await this.fastify.ready();
    // Loaded on first use: most processes that build an app never inject.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, to keep start-up short
    const inject = require('light-my-request') as typeof import('light-my-request');
    return inject(this.fastify.routing, options);
  }
}
