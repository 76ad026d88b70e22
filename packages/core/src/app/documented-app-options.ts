import type { OpenApiAppOptions } from '../openapi/docs-options';

/** What of `createApp`'s options the app reads after it is built: what its document says, and where it is served. */
export interface DocumentedAppOptions extends OpenApiAppOptions {
  title?: string;
  version?: string;
  description?: string;
  /**
   * The path a proxy serves the app under, when it strips it before the app
   * sees the request (FastAPI's `root_path`): the document's `servers` list it
   * first, so "Try it out" calls the proxied URLs. A mounted app gets the
   * path it is mounted at.
   */
  rootPath?: string;
  /** Where the OpenAPI document is served (`null` disables it and the docs pages). Default `/openapi.json`. */
  openapiUrl?: string | null;
  /** Swagger UI (`null` disables). Default `/docs`. */
  docsUrl?: string | null;
  /** ReDoc (`null` disables). Default `/redoc`. */
  redocUrl?: string | null;
}
