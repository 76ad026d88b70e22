import type { FastifyInstance, FastifyListenOptions } from 'fastify';
import type { InjectOptions, Response as InjectResponse } from 'light-my-request';
import type { DependencyContainer } from 'tsyringe';
import { DependencyOverrides } from '../di/dependency-overrides';
import { ExceptionHandlers, type ExceptionHandler } from '../http/exception-handlers';
import { buildOpenApiDocument } from '../openapi/build-document';
import { DEFAULT_TITLE, DEFAULT_VERSION } from '../openapi/docs-options';
import type { OpenApiDocument } from '../openapi/openapi-types';
import type { AppOptions } from './app-options';
import type { CompiledRoute } from './compiled-route';

/** What `createApp` returns: the compiled application on its Fastify instance. */
export class DeftApp {
  /** Replace dependencies in tests: `app.dependencyOverrides.set(getDb, fakeDb)`. */
  readonly dependencyOverrides: DependencyOverrides;
  private document: OpenApiDocument | undefined;

  constructor(
    readonly fastify: FastifyInstance,
    /** The app's own child container: services resolve from here. */
    readonly container: DependencyContainer,
    readonly routes: readonly CompiledRoute[],
    readonly options: Readonly<AppOptions>,
    overrides: DependencyOverrides,
    private readonly handlers: ExceptionHandlers,
  ) {
    this.dependencyOverrides = overrides;
  }

  /**
   * The app's OpenAPI 3.1 document (what `/openapi.json` serves), built from
   * the compiled routes on first use and kept.
   */
  openapi(): OpenApiDocument {
    const { title = DEFAULT_TITLE, version = DEFAULT_VERSION, summary, description, servers, openapiTags: tags } = this.options;
    return (this.document ??= buildOpenApiDocument(this.routes, { title, version, summary, description, servers, tags }));
  }

  /** Renders errors of `errorClass` (and subclasses) with `handler`, before the defaults. */
  exceptionHandler<E extends Error>(errorClass: abstract new (...args: never[]) => E, handler: ExceptionHandler<E>): this {
    this.handlers.set(errorClass, handler);
    return this;
  }

  /** Starts listening; defaults to http://127.0.0.1:8000. Returns the address. */
  listen(options: FastifyListenOptions = {}): Promise<string> {
    return this.fastify.listen({ host: '127.0.0.1', port: 8000, ...options });
  }

  async ready(): Promise<this> {
    await this.fastify.ready();
    return this;
  }

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
