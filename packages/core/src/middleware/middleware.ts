import type { RequestContext } from '../context/request-context';
import type { MiddlewareResponse } from './middleware-response';

/**
 * What a middleware may return: the response `callNext()` gave it (changed
 * or not), a web `Response` to answer with instead (also without calling
 * `callNext`, to answer early), or nothing (the response as it is).
 */
export type MiddlewareResult = MiddlewareResponse | Response | undefined | void;

/**
 * An HTTP middleware, in FastAPI's shape: it sees the request before the
 * rest of the app (`ctx`, the request's own `RequestContext`), calls
 * `callNext()` to run the rest (inner middlewares, routing, dependencies, the
 * handler, the error handlers) and gets the response back before it is sent.
 */
export type Middleware = (ctx: RequestContext, callNext: () => Promise<MiddlewareResponse>) => Promise<MiddlewareResult> | MiddlewareResult;
