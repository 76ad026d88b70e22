import { definedFields } from '../security-scheme';

/** Fields every OAuth2 flow has. `scopes` maps each scope to its description (default `{}`). */
export interface OAuthFlow {
  refreshUrl?: string;
  scopes?: Readonly<Record<string, string>>;
}

export interface OAuthFlowImplicit extends OAuthFlow {
  authorizationUrl: string;
}

export interface OAuthFlowPassword extends OAuthFlow {
  tokenUrl: string;
}

export interface OAuthFlowClientCredentials extends OAuthFlow {
  tokenUrl: string;
}

export interface OAuthFlowAuthorizationCode extends OAuthFlow {
  authorizationUrl: string;
  tokenUrl: string;
}

/** The flows an OAuth2 scheme supports, as in the OpenAPI `flows` object. */
export interface OAuthFlows {
  implicit?: OAuthFlowImplicit;
  password?: OAuthFlowPassword;
  clientCredentials?: OAuthFlowClientCredentials;
  authorizationCode?: OAuthFlowAuthorizationCode;
}

/** One flow's OpenAPI object: `refreshUrl`, `scopes`, then the URLs, unset fields omitted. */
function flowObject(flow: OAuthFlow & { authorizationUrl?: string; tokenUrl?: string }): Record<string, unknown> {
  return definedFields({
    refreshUrl: flow.refreshUrl,
    scopes: { ...flow.scopes },
    authorizationUrl: flow.authorizationUrl,
    tokenUrl: flow.tokenUrl,
  });
}

/** The OpenAPI `flows` object, in the specification's order of flows and fields (as FastAPI emits it). */
export function flowsObject(flows: OAuthFlows): Record<string, unknown> {
  const order = ['implicit', 'password', 'clientCredentials', 'authorizationCode'] as const;
  return Object.fromEntries(order.filter((name) => flows[name] !== undefined).map((name) => [name, flowObject(flows[name]!)]));
}
