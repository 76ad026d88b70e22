import type { ScenarioName } from './scenarios/scenario';

export type ImplementationName = 'deft' | 'deft-middleware' | 'fastify' | 'nest' | 'nest-request-scope' | 'fastapi';

export interface Implementation {
  readonly name: ImplementationName;
  readonly label: string;
  /** The scenarios it implements; `undefined` for all. */
  readonly only?: readonly ScenarioName[];
  readonly runtime: 'node' | 'python';
}

/** In the order each round runs them; hand-written Fastify is the reference for ratios. */
export const implementations: readonly Implementation[] = [
  { name: 'deft', label: 'Deft', runtime: 'node' },
  /** What a middleware costs: the same app with one, as FastAPI's docs write it (a header with the processing time). */
  { name: 'deft-middleware', label: 'Deft + 1 middleware', runtime: 'node', only: ['hello', 'seed', 'chain'] },
  { name: 'fastify', label: 'Fastify (hand-written)', runtime: 'node' },
  { name: 'nest', label: 'NestJS (fastify)', runtime: 'node' },
  { name: 'nest-request-scope', label: 'NestJS request-scoped', runtime: 'node', only: ['chain'] },
  { name: 'fastapi', label: 'FastAPI (uvicorn)', runtime: 'python' },
];

export const REFERENCE: ImplementationName = 'fastify';

export function supports(impl: Implementation, scenario: ScenarioName): boolean {
  return impl.only === undefined || impl.only.includes(scenario);
}
