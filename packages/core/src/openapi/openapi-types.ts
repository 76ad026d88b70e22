/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it). */
export type JsonSchema = { [keyword: string]: unknown };

/** Specification extensions (`x-logo`, `x-codeSamples`, ...) any object of the document may carry. */
export type Extensions = { [extension: `x-${string}`]: unknown };

export interface ContactObject extends Extensions {
  name?: string;
  url?: string;
  email?: string;
}

export interface LicenseObject extends Extensions {
  name: string;
  /** An SPDX license expression; exclusive with `url`. */
  identifier?: string;
  url?: string;
}

export interface InfoObject extends Extensions {
  title: string;
  summary?: string;
  description?: string;
  termsOfService?: string;
  contact?: ContactObject;
  license?: LicenseObject;
  version: string;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  description?: string;
  required: boolean;
  deprecated?: boolean;
  schema: JsonSchema;
  /** Named examples (OpenAPI Example Objects). */
  examples?: Record<string, unknown>;
}

export interface MediaTypeObject {
  schema: JsonSchema;
  examples?: Record<string, unknown>;
}

export interface RequestBodyObject {
  content: Record<string, MediaTypeObject>;
  required?: boolean;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  [extension: string]: unknown;
}

/** An operation's security requirement: one scheme name and its scopes. */
export type SecurityRequirement = Record<string, string[]>;

export interface OperationObject extends Extensions {
  tags?: string[];
  summary: string;
  description?: string;
  operationId: string;
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject>;
  callbacks?: Record<string, Record<string, PathItemObject>>;
  deprecated?: boolean;
  security?: SecurityRequirement[];
}

export type PathItemObject = Partial<Record<'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch', OperationObject>>;

export interface TagObject {
  name: string;
  description?: string;
  externalDocs?: { url: string; description?: string };
}

export interface ServerObject {
  url: string;
  description?: string;
}

export interface ComponentsObject {
  schemas?: Record<string, JsonSchema>;
  securitySchemes?: Record<string, unknown>;
}

/** The OpenAPI 3.1 document Deft serves at `/openapi.json`. */
export interface OpenApiDocument extends Extensions {
  openapi: '3.1.0';
  info: InfoObject;
  servers?: ServerObject[];
  paths: Record<string, PathItemObject>;
  webhooks?: Record<string, PathItemObject>;
  components?: ComponentsObject;
  tags?: TagObject[];
}
