import type { CompiledRoute } from '../app/compiled-route';
import type { ControllerClass } from '../metadata/records';
import type { ContactObject, LicenseObject, ServerObject, TagObject } from './openapi-types';

/** `createApp` options for the OpenAPI document and the docs pages (besides `title`, `version`, `description` and the URLs). */
export interface OpenApiAppOptions {
  /** `info.summary` of the document. */
  summary?: string;
  /** `servers` of the document, e.g. `[{ url: '/api' }]` when a proxy serves the app under `/api`. */
  servers?: ServerObject[];
  /** Descriptions of the tags your routes use; the docs pages show tags in this order. */
  openapiTags?: TagObject[];
  /** `info.termsOfService`: a URL. */
  termsOfService?: string;
  /** `info.contact`: `{ name, url, email }`. */
  contact?: ContactObject;
  /** `info.license`: `{ name, identifier }` (an SPDX id) or `{ name, url }`. */
  license?: LicenseObject;
  /**
   * `@Controller()` classes whose routes describe the requests your API sends
   * to its users' servers: the document's top-level `webhooks`, one per
   * route, named by the route's path (`@Post('new-subscription')`). Never served.
   */
  webhooks?: readonly ControllerClass[];
  /** Makes each operation's `operationId` (and its `Body_<id>` schema's name); default FastAPI's `read_items_items__get`. */
  generateUniqueId?: (route: CompiledRoute) => string;
  /**
   * `false` documents a DTO whose input and output schemas differ (a
   * `Decimal` field) as one schema, its input one; by default they are
   * `Item-Input` and `Item-Output`, as in FastAPI.
   */
  separateInputOutputSchemas?: boolean;
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
