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
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
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
function startPass(middlewares: readonly Middleware[], context: RequestContext, reply: FastifyReply, passedOn: () => void): Pass {
  const produced = deferred<MiddlewareResponse>();
  const pass: Pass = { passedOn: false, respond: produced.resolve, answer: Promise.resolve(undefined as never) };
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
  (pass as { answer: Promise<MiddlewareResponse> }).answer = run(middlewares.length - 1);
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
  fastify.addHook('onRequest', async (request, reply) => {
    const wentOn = deferred<undefined>();
    const pass = startPass(middlewares, requestContext(request, reply), reply, () => wentOn.resolve(undefined));
    (request as WithPass)[PASS] = pass;
    const early = await Promise.race([wentOn.promise, pass.answer]);
    if (early === undefined) return;
    (request as WithPass)[PASS] = undefined;
    return reply.send(early.body);
  });

  fastify.addHook('onSend', async (request, reply, payload) => {
    const pass = (request as WithPass)[PASS];
    if (!pass?.passedOn) return payload;
    (request as WithPass)[PASS] = undefined;
    pass.respond(new MiddlewareResponse(reply, payload));
    return (await pass.answer).body;
  });
}
