export type { APIKeyOptions } from './api-key/api-key-base';
export type { AuthorizationParts } from './authorization-header';
export type { HTTPBaseOptions } from './http/http-base';
export type { HTTPBasicOptions } from './http/http-basic';
export type { HTTPBearerOptions } from './http/http-bearer';
export type {
  OAuthFlow,
  OAuthFlowAuthorizationCode,
  OAuthFlowClientCredentials,
  OAuthFlowImplicit,
  OAuthFlowPassword,
  OAuthFlows,
} from './oauth2/oauth-flows';
export type { OAuth2Options } from './oauth2/oauth2';
export type { OAuth2AuthorizationCodeBearerOptions } from './oauth2/oauth2-authorization-code-bearer';
export type { OAuth2PasswordBearerOptions } from './oauth2/oauth2-password-bearer';
export type { OpenIdConnectOptions } from './open-id-connect/open-id-connect';
export type { Checked, SecuritySchemeOptions } from './security-scheme';

export { APIKeyBase } from './api-key/api-key-base';
export { APIKeyCookie } from './api-key/api-key-cookie';
export { APIKeyHeader } from './api-key/api-key-header';
export { APIKeyQuery } from './api-key/api-key-query';
export { isScheme, parseAuthorizationHeader } from './authorization-header';
export { HTTPAuthorizationCredentials } from './http/http-authorization-credentials';
export { HTTPBase } from './http/http-base';
export { HTTPBasic } from './http/http-basic';
export { HTTPBasicCredentials } from './http/http-basic-credentials';
export { HTTPBearer } from './http/http-bearer';
export { HTTPDigest } from './http/http-digest';
export { OAuth2 } from './oauth2/oauth2';
export { OAuth2AuthorizationCodeBearer } from './oauth2/oauth2-authorization-code-bearer';
export { OAuth2PasswordBearer } from './oauth2/oauth2-password-bearer';
export { OAuth2PasswordRequestForm } from './oauth2/oauth2-password-request-form';
export { OAuth2PasswordRequestFormStrict } from './oauth2/oauth2-password-request-form-strict';
export { OpenIdConnect } from './open-id-connect/open-id-connect';
export { safeCompare } from './safe-compare';
export { SecurityScheme } from './security-scheme';
