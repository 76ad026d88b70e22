import inject from 'light-my-request';
import type { BenchRequest } from '../src/scenarios/scenario';

/** What the equivalence test compares: the status, the headers that carry meaning, the body's bytes. */
export interface Answer {
  status: number;
  contentType: string | undefined;
  wwwAuthenticate: string | undefined;
  body: string;
}

export type Client = (request: BenchRequest) => Promise<Answer>;

interface InjectedResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

const header = (value: unknown): string | undefined => (value === undefined ? undefined : String(value));

function answer(response: InjectedResponse): Answer {
  return {
    status: response.statusCode,
    contentType: header(response.headers['content-type']),
    wwwAuthenticate: header(response.headers['www-authenticate']),
    body: response.body,
  };
}

const injectOptions = (request: BenchRequest) => ({
  method: request.method,
  url: request.path,
  headers: { ...request.headers },
  ...(request.body === undefined ? {} : { payload: request.body }),
});

/** A client over an `inject(options)` method (Deft's app, NestJS's Fastify application). */
export function injecting(target: { inject(options: ReturnType<typeof injectOptions>): Promise<InjectedResponse> }): Client {
  return async (request) => answer(await target.inject(injectOptions(request)));
}

/**
 * A client over a ready Fastify instance's request handler, through a
 * light-my-request that loads with require() (Fastify's own copy needs ES modules under jest).
 */
export function injectingRouting(routing: Parameters<typeof inject>[0]): Client {
  return async (request) => answer((await inject(routing, injectOptions(request))) as unknown as InjectedResponse);
}

/** A client over real HTTP (FastAPI under uvicorn). */
export function fetching(baseUrl: string): Client {
  return async (request) => {
    const response = await fetch(baseUrl + request.path, { method: request.method, headers: request.headers, body: request.body });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
      wwwAuthenticate: response.headers.get('www-authenticate') ?? undefined,
      body: await response.text(),
    };
  };
}
