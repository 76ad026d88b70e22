import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { RequestContext } from '../context/request-context';
import { requestContext } from '../context/request-frames';
import type { Middleware, MiddlewareResult } from './middleware';
import { MiddlewareResponse } from './middleware-response';

/** How a request's pass through the middlewares came out: what the outermost one answered, or what it threw. */
type Settled = { readonly ok: true; readonly answer: MiddlewareResponse } | { readonly ok: false; readonly error: unknown };

/** One request's pass through the middlewares, between the two hooks. */
class Pass {
  /** Whether the innermost middleware called `callNext()`, so the request went on to the app. */
  passedOn = false;
  /** The response the app produced, once `onSend` has it: what the innermost `callNext()` resolves to. */
  produced: MiddlewareResponse | undefined = undefined;
  /** How the pass came out, once it has. */
  settled: Settled | undefined = undefined;
  /** `onSend`'s callback while it waits for the middlewares to return. */
  waiting: ((error: Error | null, payload?: unknown) => void) | undefined = undefined;
  /** The status and headers the middlewares answered with before the app was done, which the app's own must not replace. */
  answeredEarly: { readonly status: number; readonly headers: Record<string, unknown> } | undefined = undefined;
  /** Settles with `produced`: what the innermost `callNext()` returns. */
  readonly whenProduced: Promise<MiddlewareResponse>;
  private resolveProduced!: (response: MiddlewareResponse) => void;

  constructor(
    readonly request: FastifyRequest,
    readonly reply: FastifyReply,
    /** `onRequest`'s callback: the request goes on to the app when it is called. */
    readonly done: HookHandlerDoneFunction,
  ) {
    this.whenProduced = new Promise((resolve) => (this.resolveProduced = resolve));
  }

  /** Hands the response the app produced to the innermost `callNext()`. */
  respond(response: MiddlewareResponse): void {
    this.produced = response;
    this.resolveProduced(response);
  }
}

const PASS = Symbol('deft.middlewarePass');
type WithPass = FastifyRequest & { [PASS]?: Pass };

/** Makes a web `Response` a middleware answered with the reply's response: its status, headers and body. */
async function adopt(reply: FastifyReply, response: Response): Promise<MiddlewareResponse> {
  const body = Buffer.from(await response.arrayBuffer());
  reply.code(response.status);
  for (const name of Object.keys(reply.getHeaders())) reply.removeHeader(name);
  response.headers.forEach((value, name) => void reply.header(name, value));
  return new MiddlewareResponse(reply, body);
}

/** What a middleware's return value makes of the response: `given` is what its `callNext()` resolved to, if it did. */
function outcome(result: MiddlewareResult, given: MiddlewareResponse | undefined, reply: FastifyReply): MiddlewareResponse | Promise<MiddlewareResponse> {
  if (result instanceof Response) return adopt(reply, result);
  if (result instanceof MiddlewareResponse) return result;
  if (result === undefined && given) return given;
  throw new TypeError(
    given
      ? `A middleware returned ${typeof result}: return the response callNext() gave it, a web Response, or nothing.`
      : 'A middleware returned without calling callNext() and without a Response to answer with: return new Response(...), or call callNext().',
  );
}

/** Writes what the middlewares made of the response: `onSend` is waiting for it. */
function answerOnSend(pass: Pass): void {
  const settled = pass.settled!;
  const waiting = pass.waiting!;
  const reply = pass.reply;
  pass.waiting = undefined;
  if (!settled.ok) return waiting(settled.error as Error);
  const early = pass.answeredEarly;
  if (early) {
    // The middlewares answered before the app was done: what the app set afterwards gives way to their answer.
    reply.code(early.status);
    for (const name of Object.keys(reply.getHeaders())) reply.removeHeader(name);
    for (const [name, value] of Object.entries(early.headers)) reply.header(name, value);
  }
  waiting(null, settled.answer.body);
}

/** The outermost middleware has come out: its answer (or error) is written, now or once `onSend` waits for it. */
function settle(pass: Pass, settled: Settled): void {
  pass.settled = settled;
  if (pass.passedOn) {
    // Once the request has gone on, how the pass came out is onSend's to write (an error too).
    if (pass.waiting) return answerOnSend(pass);
    if (settled.ok) pass.answeredEarly = { status: pass.reply.statusCode, headers: { ...pass.reply.getHeaders() } };
    return;
  }
  (pass.request as WithPass)[PASS] = undefined;
  // Every middleware returned without the request going further: answer with what the outermost one returned.
  if (settled.ok) pass.reply.send(settled.answer.body);
  else pass.done(settled.error as Error);
}

/** What the `callNext()` of the middleware at `index` resolved to: the next one in's answer, or the app's response for the innermost. */
function handedBack(pass: Pass, returned: readonly (MiddlewareResponse | undefined)[] | undefined, index: number): MiddlewareResponse | undefined {
  return index > 0 ? returned![index - 1] : pass.produced;
}

/**
 * Runs one request through the middlewares, outermost first: each gets a
 * `callNext` that runs the next one in, and the innermost one's lets the
 * request go on to the app and resolves when the app's response is ready.
 * What a middleware returns becomes the response its caller's `callNext()`
 * resolves to; what the outermost one returns settles the pass. Per request
 * and middleware, the only promises are the middleware's own and one
 * reaction to it.
 */
function startPass(middlewares: readonly Middleware[], context: RequestContext, pass: Pass): void {
  const outermost = middlewares.length - 1;
  /** What each outer middleware's `callNext()` resolved to, by the index of the one it called (the innermost one's is `pass.produced`). */
  const returned: (MiddlewareResponse | undefined)[] | undefined = outermost > 0 ? [] : undefined;
  const run = (index: number): Promise<MiddlewareResponse> | undefined => {
    let called = false;
    const callNext = (): Promise<MiddlewareResponse> => {
      called = true;
      if (index > 0) return run(index - 1)!;
      pass.passedOn = true;
      pass.done();
      return pass.whenProduced;
    };
    let result: MiddlewareResult | Promise<MiddlewareResult>;
    try {
      result = middlewares[index]!(context, callNext);
    } catch (error) {
      result = Promise.reject(error);
    }
    const made = Promise.resolve(result);
    if (index < outermost) {
      return made.then((value) => {
        const response = outcome(value, called ? handedBack(pass, returned, index) : undefined, pass.reply);
        return response instanceof MiddlewareResponse ? (returned![index] = response) : response.then((adopted) => (returned![index] = adopted));
      });
    }
    // The outermost one settles the pass itself: no promise more to wait on.
    const failed = (error: unknown): void => settle(pass, { ok: false, error });
    made.then((value) => {
      let response: MiddlewareResponse | Promise<MiddlewareResponse>;
      try {
        response = outcome(value, called ? handedBack(pass, returned, index) : undefined, pass.reply);
      } catch (error) {
        return failed(error);
      }
      if (response instanceof MiddlewareResponse) settle(pass, { ok: true, answer: response });
      else response.then((answer) => settle(pass, { ok: true, answer }), failed);
    }, failed);
    return undefined;
  };
  // Attached before anything can settle: the route, onSend included, may run to its end inside the innermost callNext().
  (pass.request as WithPass)[PASS] = pass;
  run(outermost);
}

/**
 * Runs the app's middlewares around each request on two of Fastify's hooks:
 * `onRequest` runs them up to their `callNext()` (the last one added is the
 * outermost, as in FastAPI), then lets the request go on, or sends what a
 * middleware answered with early; `onSend` hands the innermost `callNext()`
 * the response the app produced (an error response too) and waits for the
 * middlewares to return it, then writes what they made of it. An error a
 * middleware throws is rendered by the app's error handlers. Installed only
 * when the app has middleware: an app without pays nothing.
 */
export function installMiddleware(fastify: FastifyInstance, middlewares: readonly Middleware[]): void {
  // Callback-style hooks: no promise of Fastify's own around each, and the request goes on the moment the innermost middleware calls callNext().
  fastify.addHook('onRequest', (request, reply, done) => {
    startPass(middlewares, requestContext(request, reply), new Pass(request, reply, done));
  });

  fastify.addHook('onSend', (request, reply, payload, done) => {
    const pass = (request as WithPass)[PASS];
    if (!pass?.passedOn) return done(null, payload);
    (request as WithPass)[PASS] = undefined;
    pass.waiting = done;
    pass.respond(new MiddlewareResponse(reply, payload));
    // A middleware may have answered without waiting for callNext(): then its answer is written at once.
    if (pass.settled) answerOnSend(pass);
  });
}
