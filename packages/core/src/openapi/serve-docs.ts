import type { FastifyInstance, onSendHookHandler, RouteHandlerMethod } from 'fastify';
import type { HttpMethod } from '../metadata/records';
import { assetContent, REDOC_ASSETS, SWAGGER_UI_ASSETS, type DocsAsset } from './docs-assets';
import { docsPageSecurity } from './docs-csp';
import { DEFAULT_TITLE, type OpenApiAppOptions } from './docs-options';
import { oauth2RedirectHtml, redocHtml, swaggerUiHtml } from './docs-html';
import type { OpenApiDocument } from './openapi-types';
import { childPath, relativeUrl } from './relative-url';

/** The app options the docs routes read. */
export interface DocsSettings extends OpenApiAppOptions {
  title?: string;
  openapiUrl?: string | null;
  docsUrl?: string | null;
  redocUrl?: string | null;
}

const HTML = 'text/html; charset=utf-8';

/** A route of the docs pages, as the app's 405 lookup needs it. */
export interface DocsRoute {
  readonly method: HttpMethod;
  readonly fastifyPath: string;
}

/**
 * Like FastAPI's (Starlette routes without `methods`), the docs routes answer
 * GET and HEAD (the headers of GET, no body); other methods get a 405.
 */
function serve(fastify: FastifyInstance, routes: DocsRoute[], url: string, handler: RouteHandlerMethod, security?: object): void {
  // `helmet` is @fastify/helmet's route option: read only when the app sends security headers.
  const options = (security ? { helmet: security } : {}) as object;
  fastify.get(url, options, handler);
  fastify.head(url, { ...options, onSend: withoutBody }, handler);
  routes.push({ method: 'GET', fastifyPath: url }, { method: 'HEAD', fastifyPath: url });
}

/** Keeps what GET would answer but the body, whose length stays in `content-length`. */
const withoutBody: onSendHookHandler = (_request, reply, payload, done) => {
  if (typeof payload === 'string' || Buffer.isBuffer(payload)) reply.header('content-length', String(Buffer.byteLength(payload)));
  done(null, null);
};

function page(fastify: FastifyInstance, routes: DocsRoute[], url: string, html: string): void {
  serve(fastify, routes, url, (_request, reply) => reply.type(HTML).send(html), docsPageSecurity(html));
}

function assets(fastify: FastifyInstance, routes: DocsRoute[], folder: string, list: readonly DocsAsset[]): void {
  for (const asset of list) {
    serve(fastify, routes, childPath(folder, asset.name), async (_request, reply) =>
      reply.type(asset.contentType).header('cache-control', 'public, max-age=86400').send(await assetContent(asset)),
    );
  }
}

/** `undefined` → the default; `null` stays `null` (disabled). */
const orDefault = (value: string | null | undefined, fallback: string): string | null => (value === undefined ? fallback : value);

/**
 * Registers `/openapi.json`, Swagger UI at `/docs` (with its OAuth2 redirect
 * page), ReDoc at `/redoc` and the files those pages load, each at its
 * configured URL; `null` disables one (no `openapiUrl` disables all). None of
 * them is a route of the document. Pages refer to each other by relative
 * URLs, so they keep working behind a proxy that mounts the app elsewhere.
 * Returns the routes it registered. `document` is called on the first request
 * for the document.
 */
export function serveDocs(fastify: FastifyInstance, options: DocsSettings, document: () => OpenApiDocument): readonly DocsRoute[] {
  const routes: DocsRoute[] = [];
  const openapiUrl = orDefault(options.openapiUrl, '/openapi.json');
  if (openapiUrl === null) return routes;
  let json: string | undefined;
  serve(fastify, routes, openapiUrl, (_request, reply) => reply.type('application/json; charset=utf-8').send((json ??= JSON.stringify(document()))));

  const title = options.title ?? DEFAULT_TITLE;
  const docsUrl = orDefault(options.docsUrl, '/docs');
  if (docsUrl !== null) {
    const folder = childPath(docsUrl, 'assets');
    const redirectUrl = orDefault(options.swaggerUiOauth2RedirectUrl, childPath(docsUrl, 'oauth2-redirect'));
    page(
      fastify,
      routes,
      docsUrl,
      swaggerUiHtml({
        title: options.docsTitle ?? `${title} - Swagger UI`,
        openapiUrl: relativeUrl(docsUrl, openapiUrl),
        scriptUrl: relativeUrl(docsUrl, childPath(folder, 'swagger-ui-bundle.js')),
        cssUrl: relativeUrl(docsUrl, childPath(folder, 'swagger-ui.css')),
        faviconUrl: options.docsFaviconUrl ?? relativeUrl(docsUrl, childPath(folder, 'favicon-32x32.png')),
        oauth2RedirectUrl: redirectUrl === null ? undefined : relativeUrl(docsUrl, redirectUrl),
        parameters: options.swaggerUiParameters,
        initOAuth: options.swaggerUiInitOAuth,
      }),
    );
    if (redirectUrl !== null) page(fastify, routes, redirectUrl, oauth2RedirectHtml());
    assets(fastify, routes, folder, SWAGGER_UI_ASSETS);
  }

  const redocUrl = orDefault(options.redocUrl, '/redoc');
  if (redocUrl !== null) {
    const folder = childPath(redocUrl, 'assets');
    page(
      fastify,
      routes,
      redocUrl,
      redocHtml({
        title: options.docsTitle ?? `${title} - ReDoc`,
        openapiUrl: relativeUrl(redocUrl, openapiUrl),
        scriptUrl: relativeUrl(redocUrl, childPath(folder, 'redoc.standalone.js')),
        faviconUrl: options.docsFaviconUrl ?? relativeUrl(redocUrl, childPath(folder, 'favicon-32x32.png')),
      }),
    );
    assets(fastify, routes, folder, REDOC_ASSETS);
  }
  return routes;
}
