import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../context/request-context';
import { requestContext } from '../context/request-frames';
import type { Middleware, MiddlewareResult } from './middleware';
import { MiddlewareResponse } from './middleware-response';

/** One request's pass through the middlewares, between the two hooks. */
interface Pass {
  /** Whether the innermost middleware called `callNext()`, so the request went on to the app. */
  passedOn: boolean;
  /** Hands the response the app produced to the innermost `callNext()`. */
  respond(response: MiddlewareResponse): void;
  /** What the outermost middleware answers with. */
  readonly answer: Promise<MiddlewareResponse>;
}

const PASS = Symbol('deft.middlewarePass');
type WithPass = FastifyRequest & { [PASS]?: Pass };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Makes a web `Response` a middleware answered with the reply's response: its status, headers and body. */
async function adopt(reply: FastifyReply, response: Response): Promise<MiddlewareResponse> {
  const body = Buffer.from(await response.arrayBuffer());
  reply.code(response.status);
  for (const name of Object.keys(reply.getHeaders())) reply.removeHeader(name);
  response.headers.forEach((value, name) => void reply.header(name, value));
  return new MiddlewareResponse(reply, body);
}

/**
 * Runs one request through the middlewares, outermost first: each gets a
 * `callNext` that runs the next one in, and the innermost one's runs the app
 * (resolved when the app's response is ready). What a middleware returns
 * becomes the response its caller's `callNext()` resolves to.
 */
function startPass(middlewares: readonly Middleware[], context: RequestContext, reply: FastifyReply, passedOn: () => void, request: FastifyRequest): Pass {
  const produced = deferred<MiddlewareResponse>();
  // Made before the chain runs: the route, onSend included, may run to its end inside the innermost callNext().
  const answered = deferred<MiddlewareResponse>();
  const pass: Pass = { passedOn: false, respond: produced.resolve, answer: answered.promise };
  // Kept on the request before any middleware runs: calling on the request may run the whole route, onSend included, at once.
  (request as WithPass)[PASS] = pass;
  const run = async (index: number): Promise<MiddlewareResponse> => {
    if (index < 0) {
      pass.passedOn = true;
      passedOn();
      return produced.promise;
    }
    let given: MiddlewareResponse | undefined;
    const callNext = async (): Promise<MiddlewareResponse> => (given = await run(index - 1));
    const result: MiddlewareResult = await middlewares[index]!(context, callNext);
    if (result instanceof Response) return adopt(reply, result);
    if (result instanceof MiddlewareResponse) return result;
    if (result === undefined && given) return given;
    throw new TypeError(
      given
        ? `A middleware returned ${typeof result}: return the response callNext() gave it, a web Response, or nothing.`
        : 'A middleware returned without calling callNext() and without a Response to answer with: return new Response(...), or call callNext().',
    );
  };
  run(middlewares.length - 1).then(answered.resolve, answered.reject);
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
  // Callback-style hooks: no promise of Fastify's own around each, and the request goes on the moment the innermost middleware calls callNext().
  fastify.addHook('onRequest', (request, reply, done) => {
    const pass = startPass(middlewares, requestContext(request, reply), reply, () => done(), request);
    pass.answer.then(
      (early) => {
        if (pass.passedOn) return;
        // Every middleware returned without the request going further: answer with what the outermost one returned.
        (request as WithPass)[PASS] = undefined;
        reply.send(early.body);
      },
      (error: unknown) => {
        // Once the request has gone on, a later failure is the onSend hook's to report.
        if (!pass.passedOn) done(error as Error);
      },
    );
  });

  fastify.addHook('onSend', (request, reply, payload, done) => {
    const pass = (request as WithPass)[PASS];
    if (!pass?.passedOn) return done(null, payload);
    (request as WithPass)[PASS] = undefined;
    pass.respond(new MiddlewareResponse(reply, payload));
    pass.answer.then(
      (answer) => done(null, answer.body),
      (error: unknown) => done(error as Error),
    );
  });
}
