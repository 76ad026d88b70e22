/**
 * The one registry of Deft's error codes, in two parts. `errorCodes` are
 * developer mistakes, each raised at start-up (`createApp`) as a `DeftError`
 * (but DEFT_ERR_DEPENDENCY_SWALLOWED_ERROR, found while serving a request).
 * `requestErrorCodes` are what a client's request can get wrong, each with the
 * status it answers. `docs/errors-reference.md` documents every code; a test
 * keeps the two in step.
 */
export const errorCodes = {
  DEFT_ERR_REFLECT_METADATA_MISSING: 'reflect-metadata is not loaded, so no decorator metadata can be read',
  DEFT_ERR_DESIGN_TYPES_MISSING: 'TypeScript emitted no parameter types for a decorated method or class',
  DEFT_ERR_PARAM_TYPE_UNKNOWN: "a parameter's type cannot drive conversion or injection (interface, union, any)",
  DEFT_ERR_PARAM_UNDECORATED: 'a handler or dependency parameter has no decorator and no injectable type',
  DEFT_ERR_PARAM_DECORATED_TWICE: 'a parameter carries more than one Deft parameter decorator',
  DEFT_ERR_PARAM_OPTIONS_INVALID: "a parameter's options are contradictory or malformed",
  DEFT_ERR_PATH_PARAM_MISSING: 'a path placeholder has no matching @Path parameter',
  DEFT_ERR_PATH_PARAM_NOT_IN_PATH: 'a @Path parameter names a placeholder that the path does not have',
  DEFT_ERR_PATH_INVALID: 'a route path is not valid OpenAPI path syntax',
  DEFT_ERR_ROUTE_DUPLICATE: 'two routes share the same method and path',
  DEFT_ERR_BODY_UNNAMED: 'a route with several body parameters has one without a name',
  DEFT_ERR_BODY_MIXED: 'a route mixes a JSON @Body with @Form or @File parameters',
  DEFT_ERR_CONTROLLER_NOT_DECORATED: 'a class listed in `controllers` has no @Controller decorator',
  DEFT_ERR_ROUTER_NOT_DECORATED: 'a class listed in `routers` has no @Router decorator',
  DEFT_ERR_ROUTER_CYCLE: 'a router is included inside itself, directly or through other routers',
  DEFT_ERR_DEPENDENCY_INVALID: 'a dependency is none of the four forms @Depends accepts',
  DEFT_ERR_DEPENDENCY_CYCLE: 'dependencies depend on each other in a cycle',
  DEFT_ERR_DEPENDENCY_SCOPE: 'a dependency needs one on a narrower rung of the scope ladder (app > request > function) than its own',
  DEFT_ERR_DEPENDENCY_UNRESOLVABLE: "a class dependency's constructor parameter can be resolved neither from the request nor from the container",
  DEFT_ERR_RESPONSE_MODEL_INVALID: 'a responseModel is none of the models Deft can check and write',
  DEFT_ERR_RESPONSE_CLASS_INVALID: "a responseClass (or the app's defaultResponseClass) is not a response class",
  DEFT_ERR_CONNECTION_MISMATCH: 'a parameter needs what its route does not have (a WebSocketConnection in an HTTP route, a RequestContext in a WebSocket route)',
  DEFT_ERR_OPERATION_ID_DUPLICATE: 'two documented routes are given the same operationId',
  DEFT_ERR_SETTINGS_INVALID: 'the environment does not satisfy a settings class',
  DEFT_ERR_STARTUP_FAILED: 'a lifespan start or an app-scoped dependency failed while the app started',
  DEFT_ERR_DEPENDENCY_SWALLOWED_ERROR: 'a teardown dependency caught an exception and did not re-throw it',
  DEFT_ERR_OPTIONS_INVALID: "an option of createApp is out of range or set twice (in Deft's options and in `fastify`)",
} as const;

export type ErrorCode = keyof typeof errorCodes;

/**
 * What a request can get wrong, and what it is answered: each code's status
 * and one-line summary. The answer's `detail` says what was wrong and, for a
 * limit, which one and its value; the error (`ClientRequestError`, an
 * `HTTPException`) carries the code for exception handlers and logs.
 */
export const requestErrorCodes = {
  DEFT_REQ_MALFORMED: { status: 400, summary: "Node's HTTP parser could not read the request" },
  DEFT_REQ_HTTP_VERSION: { status: 400, summary: 'the request is not HTTP/1.0 or HTTP/1.1' },
  DEFT_REQ_HOST_INVALID: { status: 400, summary: 'an HTTP/1.1 request without a Host header, or with more than one' },
  DEFT_REQ_CONNECT_REFUSED: { status: 400, summary: 'a CONNECT request, which only a proxy can answer' },
  DEFT_REQ_TRANSFER_ENCODING_INVALID: { status: 400, summary: 'a request whose Transfer-Encoding does not end with chunked' },
  DEFT_REQ_EXPECTATION_FAILED: { status: 417, summary: 'an Expect header other than 100-continue' },
  DEFT_REQ_URL_INVALID: { status: 400, summary: 'the path is not a valid URL (a malformed percent-encoding)' },
  DEFT_REQ_TIMEOUT: { status: 408, summary: 'the headers or the whole request took longer than their timeout to arrive' },
  DEFT_REQ_HEADERS_TOO_LARGE: { status: 431, summary: 'the request line and headers are larger than limits.headerSize' },
  DEFT_REQ_TOO_MANY_HEADERS: { status: 431, summary: 'the request has more headers than limits.headerCount' },
  DEFT_REQ_BODY_TOO_LARGE: { status: 413, summary: 'the body is larger than limits.bodySize' },
  DEFT_REQ_BODY_LENGTH_MISMATCH: { status: 400, summary: 'the body is shorter or longer than its Content-Length' },
  DEFT_REQ_BODY_UNREADABLE: { status: 400, summary: 'the body cannot be read as its content type says (bytes that are not UTF-8)' },
  DEFT_REQ_JSON_TOO_DEEP: { status: 413, summary: 'a JSON body nests arrays and objects deeper than limits.jsonDepth' },
  DEFT_REQ_MEDIA_TYPE_INVALID: { status: 415, summary: 'the Content-Type header cannot be read' },
  DEFT_REQ_MULTIPART_BOUNDARY_MISSING: { status: 400, summary: 'a multipart body whose Content-Type has no boundary' },
  DEFT_REQ_MULTIPART_INVALID: { status: 400, summary: 'a multipart body that does not parse' },
  DEFT_REQ_FIELD_NAME_FORBIDDEN: { status: 400, summary: 'a form field named after a property of Object.prototype (`__proto__`)' },
  DEFT_REQ_FIELD_TOO_LARGE: { status: 413, summary: 'a multipart text field is larger than limits.fieldSize' },
  DEFT_REQ_FILE_TOO_LARGE: { status: 413, summary: 'a multipart file is larger than limits.fileSize' },
  DEFT_REQ_TOO_MANY_PARTS: { status: 413, summary: 'a multipart body has more parts than limits.parts' },
  DEFT_REQ_TOO_MANY_FILES: { status: 413, summary: 'a multipart body has more files than limits.files' },
  DEFT_REQ_TOO_MANY_FIELDS: { status: 413, summary: 'a multipart body has more text fields than limits.fields' },
  DEFT_REQ_RATE_LIMITED: { status: 429, summary: 'the client sent more requests than the rateLimit option allows' },
  DEFT_REQ_OVERLOADED: { status: 503, summary: "the server is overloaded (the loadShedding option's thresholds are passed)" },
  DEFT_REQ_SHUTTING_DOWN: { status: 503, summary: 'the app is closing and takes no new requests' },
  DEFT_REQ_HANDLER_TIMEOUT: { status: 503, summary: "the handler took longer than Fastify's handlerTimeout" },
} as const satisfies Record<string, { status: number; summary: string }>;

export type RequestErrorCode = keyof typeof requestErrorCodes;
