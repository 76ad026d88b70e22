import type { ServerObject, TagObject } from './openapi-types';

/** `createApp` options for the OpenAPI document and the docs pages (besides `title`, `version`, `description` and the URLs). */
export interface OpenApiAppOptions {
  /** `info.summary` of the document. */
  summary?: string;
  /** `servers` of the document, e.g. `[{ url: '/api' }]` when a proxy serves the app under `/api`. */
  servers?: ServerObject[];
  /** Descriptions of the tags your routes use; the docs pages show tags in this order. */
  openapiTags?: TagObject[];
  /** Where OAuth2 redirect flows return to (`null` disables). Default: `<docsUrl>/oauth2-redirect`. */
  swaggerUiOauth2RedirectUrl?: string | null;
  /** Swagger UI settings on top of Deft's defaults, e.g. `{ persistAuthorization: true }`. */
  swaggerUiParameters?: Record<string, unknown>;
  /** Passed to Swagger UI's `initOAuth`, e.g. `{ clientId: 'docs', usePkceWithAuthorizationCodeGrant: true }`. */
  swaggerUiInitOAuth?: Record<string, unknown>;
  /** The browser title of `/docs` and `/redoc`. Default: `<title> - Swagger UI`, `<title> - ReDoc`. */
  docsTitle?: string;
  /** The icon of the docs pages. Default: Swagger UI's, served by the app. */
  docsFaviconUrl?: string;
}

export const DEFAULT_TITLE = 'Deft';
export const DEFAULT_VERSION = '0.1.0';
