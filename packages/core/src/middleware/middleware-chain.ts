import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../context/request-context';
import { requestContext } from '../context/request-frames';
import type { Middleware, MiddlewareResult } from './middleware';
import { MiddlewareResponse } from './middleware-response';

/** How a request's pass through the middlewares came out: what the outermost one answered, or what it threw. */
type Settled = { readonly ok: true; readonly answer: MiddlewareResponse } | { readonly ok: false; readonly error: unknown };

/** One request's pass through the middlewares, between the two hooks. */
interface Pass {
  /** Whether the innermost middleware called `callNext()`, so the request went on to the app. */
  passedOn: boolean;
  /** The response the app produced, once `onSend` has it: what the innermost `callNext()` resolves to. */
  produced: MiddlewareResponse | undefined;
  /** Hands the response the app produced to the innermost `callNext()`. */
  respond: (response: MiddlewareResponse) => void;
  /** How the pass came out, once it has. */
  settled: Settled | undefined;
  /** `onSend`'s callback while it waits for the middlewares to return. */
  waiting: ((error: Error | null, payload?: unknown) => void) | undefined;
  /** The status and headers the middlewares answered with before the app was done, which the app's own must not replace. */
  answeredEarly: { readonly status: number; readonly headers: Record<string, unknown> } | undefined;
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

/**
 * Runs one request through the middlewares, outermost first: each gets a
 * `callNext` that runs the next one in, and the innermost one's runs the app
 * (resolved when the app's response is ready). What a middleware returns
 * becomes the response its caller's `callNext()` resolves to. Per request
 * and middleware, the only promises are the middleware's own and one
 * reaction to it; `onSettled` is called once, with how the outermost one came out.
 */
function startPass(
  middlewares: readonly Middleware[],
  context: RequestContext,
  reply: FastifyReply,
  passedOn: () => void,
  onSettled: (pass: Pass) => void,
): Pass {
  let resolveProduced!: (response: MiddlewareResponse) => void;
  const produced = new Promise<MiddlewareResponse>((resolve) => (resolveProduced = resolve));
  const pass: Pass = {
    passedOn: false,
    produced: undefined,
    respond: (response) => {
      pass.produced = response;
      resolveProduced(response);
    },
    settled: undefined,
    waiting: undefined,
    answeredEarly: undefined,
  };
  /** What each middleware's `callNext()` resolved to, by index (the innermost one's is `pass.produced`). */
  const returned: (MiddlewareResponse | undefined)[] = [];
  const run = (index: number): Promise<MiddlewareResponse> => {
    let called = false;
    const callNext = (): Promise<MiddlewareResponse> => {
      called = true;
      if (index > 0) return run(index - 1);
      pass.passedOn = true;
      passedOn();
      return produced;
    };
    let result: MiddlewareResult | Promise<MiddlewareResult>;
    try {
      result = middlewares[index]!(context, callNext);
    } catch (error) {
      return Promise.reject(error);
    }
    return Promise.resolve(result).then((value) => {
      const given = called ? (index > 0 ? returned[index - 1] : pass.produced) : undefined;
      const made = outcome(value, given, reply);
      return made instanceof MiddlewareResponse ? (returned[index] = made) : made.then((adopted) => (returned[index] = adopted));
    });
  };
  // Attached before anything can settle: the route, onSend included, may run to its end inside the innermost callNext().
  (context.request as WithPass)[PASS] = pass;
  run(middlewares.length - 1).then(
    (answer) => {
      pass.settled = { ok: true, answer };
      onSettled(pass);
    },
    (error: unknown) => {
      pass.settled = { ok: false, error };
      onSettled(pass);
    },
  );
  return pass;
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
  /** Writes what the middlewares made of the response: `onSend` is waiting for it. */
  const answerOnSend = (pass: Pass, reply: FastifyReply): void => {
    const settled = pass.settled!;
    const waiting = pass.waiting!;
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
  };

  // Callback-style hooks: no promise of Fastify's own around each, and the request goes on the moment the innermost middleware calls callNext().
  fastify.addHook('onRequest', (request, reply, done) => {
    startPass(middlewares, requestContext(request, reply), reply, () => done(), (pass) => {
      if (pass.passedOn) {
        // Once the request has gone on, how the pass came out is onSend's to write (an error too).
        if (pass.waiting) return answerOnSend(pass, reply);
        if (pass.settled!.ok) pass.answeredEarly = { status: reply.statusCode, headers: { ...reply.getHeaders() } };
        return;
      }
      const settled = pass.settled!;
      (request as WithPass)[PASS] = undefined;
      // Every middleware returned without the request going further: answer with what the outermost one returned.
      if (settled.ok) reply.send(settled.answer.body);
      else done(settled.error as Error);
    });
  });

  fastify.addHook('onSend', (request, reply, payload, done) => {
    const pass = (request as WithPass)[PASS];
    if (!pass?.passedOn) return done(null, payload);
    (request as WithPass)[PASS] = undefined;
    pass.waiting = done;
    pass.respond(new MiddlewareResponse(reply, payload));
    // A middleware may have answered without waiting for callNext(): then its answer is written at once.
    if (pass.settled) answerOnSend(pass, reply);
  });
}
