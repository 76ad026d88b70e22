import { escapeHtml, scriptJson } from './html-escape';

/**
 * Swagger UI's settings before the app's `swaggerUiParameters`: FastAPI's
 * defaults, and no badge from the online validator (the page stays offline).
 */
export const SWAGGER_UI_DEFAULTS: Readonly<Record<string, unknown>> = {
  dom_id: '#swagger-ui',
  layout: 'BaseLayout',
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  validatorUrl: null,
};

export interface SwaggerPage {
  readonly title: string;
  /** URLs relative to the page. */
  readonly openapiUrl: string;
  readonly scriptUrl: string;
  readonly cssUrl: string;
  readonly faviconUrl: string;
  /** Where OAuth2 redirect flows come back to, relative to the page; `undefined` when disabled. */
  readonly oauth2RedirectUrl: string | undefined;
  readonly parameters: Readonly<Record<string, unknown>> | undefined;
  readonly initOAuth: Readonly<Record<string, unknown>> | undefined;
}

/** The `/docs` page: Swagger UI from local assets, configured from the app's options. */
export function swaggerUiHtml(page: SwaggerPage): string {
  const settings = { ...SWAGGER_UI_DEFAULTS, ...page.parameters };
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<link rel="stylesheet" href="${escapeHtml(page.cssUrl)}">`,
    `<link rel="icon" href="${escapeHtml(page.faviconUrl)}">`,
    '</head>',
    '<body>',
    '<div id="swagger-ui"></div>',
    `<script src="${escapeHtml(page.scriptUrl)}"></script>`,
    '<script>',
    `const settings = ${scriptJson(settings)};`,
    // Relative to this page, so the page works wherever a proxy mounts the app.
    `settings.url = new URL(${scriptJson(page.openapiUrl)}, window.location.href).href;`,
    ...(page.oauth2RedirectUrl === undefined
      ? []
      : [`settings.oauth2RedirectUrl = new URL(${scriptJson(page.oauth2RedirectUrl)}, window.location.href).href;`]),
    'settings.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];',
    'window.ui = SwaggerUIBundle(settings);',
    ...(page.initOAuth === undefined ? [] : [`window.ui.initOAuth(${scriptJson(page.initOAuth)});`]),
    '</script>',
    '</body>',
    '</html>',
    '',
  ];
  return lines.join('\n');
}

export interface RedocPage {
  readonly title: string;
  readonly openapiUrl: string;
  readonly scriptUrl: string;
  readonly faviconUrl: string;
}

/** The `/redoc` page: ReDoc's standalone bundle from local assets (no web fonts fetched). */
export function redocHtml(page: RedocPage): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // ReDoc's sidebar shows a logo from its CDN; images from elsewhere stay unloaded.
    `<meta http-equiv="Content-Security-Policy" content="img-src 'self' data:">`,
    `<title>${escapeHtml(page.title)}</title>`,
    `<link rel="icon" href="${escapeHtml(page.faviconUrl)}">`,
    '<style>body { margin: 0; padding: 0; }</style>',
    '</head>',
    '<body>',
    '<noscript>ReDoc needs JavaScript to show the API documentation.</noscript>',
    `<redoc spec-url="${escapeHtml(page.openapiUrl)}"></redoc>`,
    `<script src="${escapeHtml(page.scriptUrl)}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The page an OAuth2 redirect flow (authorization code, implicit) returns to,
 * in the popup Swagger UI opened. It hands the query or fragment parameters
 * back to the opener's `swaggerUIRedirectOauth2` and closes itself.
 */
const OAUTH2_REDIRECT_SCRIPT = `
(function () {
  'use strict';
  var pending = window.opener && window.opener.swaggerUIRedirectOauth2;
  if (!pending) {
    document.body.textContent = 'This page completes a sign-in started from the API documentation; open it from there.';
    return;
  }
  var hash = window.location.hash.replace(/^#/, '');
  var raw = /(^|&)(code|token|access_token|error)=/.test(hash) ? hash : window.location.search.replace(/^\\?/, '');
  var params = {};
  new URLSearchParams(raw).forEach(function (value, key) { params[key] = value; });
  var auth = pending.auth;
  var flow = auth.schema.get('flow');
  var stateMatches = params.state === pending.state;
  var isCodeFlow = flow === 'accessCode' || flow === 'authorizationCode' || flow === 'authorization_code';
  if (isCodeFlow && !auth.code) {
    if (!stateMatches) {
      pending.errCb({ authId: auth.name, source: 'auth', level: 'warning',
        message: 'The state returned by the authorization server differs from the one sent: the authorization may be unsafe.' });
    }
    if (params.code) {
      delete pending.state;
      auth.code = params.code;
      pending.callback({ auth: auth, redirectUrl: pending.redirectUrl });
    } else {
      var reason = params.error
        ? '[' + params.error + ']: ' + (params.error_description || 'no authorization code received.') + (params.error_uri ? ' More: ' + params.error_uri : '')
        : '[Authorization failed]: no authorization code received.';
      pending.errCb({ authId: auth.name, source: 'auth', level: 'error', message: reason });
    }
  } else {
    pending.callback({ auth: auth, token: params, isValid: stateMatches, redirectUrl: pending.redirectUrl });
  }
  window.close();
})();
`;

export function oauth2RedirectHtml(): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<title>Completing sign-in</title>',
    '</head>',
    '<body>',
    `<script>${OAUTH2_REDIRECT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
