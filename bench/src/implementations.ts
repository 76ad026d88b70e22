import type { ScenarioName } from './scenarios/scenario';

export type ImplementationName = 'deft' | 'deft-middleware' | 'deft-default-logger' | 'fastify' | 'fastify-timing-hooks' | 'nest' | 'nest-request-scope' | 'fastapi';

export interface Implementation {
  readonly name: ImplementationName;
  readonly label: string;
  /** The scenarios it implements; `undefined` for all. */
  readonly only?: readonly ScenarioName[];
  readonly runtime: 'node' | 'python';
  /** The hand-written Fastify app that does the same extra work, to compare it with besides plain Fastify. */
  readonly twin?: ImplementationName;
}

/** In the order each round runs them; hand-written Fastify is the reference for ratios. */
export const implementations: readonly Implementation[] = [
  { name: 'deft', label: 'Deft', runtime: 'node' },
  /** What a middleware costs: the same app with one, as FastAPI's docs write it (a header with the processing time). */
  { name: 'deft-middleware', label: 'Deft + 1 middleware', runtime: 'node', only: ['hello', 'seed', 'chain'], twin: 'fastify-timing-hooks' },
  /** What Deft's default logger (`{ level: 'warn' }`) costs: the bench's other Deft apps run `logger: false`, as hand-written Fastify's default is. */
  { name: 'deft-default-logger', label: 'Deft, default logger', runtime: 'node', only: ['hello', 'seed', 'chain'] },
  { name: 'fastify', label: 'Fastify (hand-written)', runtime: 'node' },
  /** The middleware's twin: the processing time in a header from an onRequest and an onSend hook. */
  { name: 'fastify-timing-hooks', label: 'Fastify + timing hooks', runtime: 'node', only: ['hello', 'seed', 'chain'] },
  /** The scenarios of issue 7; the later ones compare Deft's features with their hand-written Fastify twins and FastAPI. */
  { name: 'nest', label: 'NestJS (fastify)', runtime: 'node', only: ['hello', 'seed', 'chain', 'body', 'query', 'errors'] },
  { name: 'nest-request-scope', label: 'NestJS request-scoped', runtime: 'node', only: ['chain'] },
  { name: 'fastapi', label: 'FastAPI (uvicorn)', runtime: 'python' },
];

export const REFERENCE: ImplementationName = 'fastify';

export function supports(impl: Implementation, scenario: ScenarioName): boolean {
  return impl.only === undefined || impl.only.includes(scenario);
}
