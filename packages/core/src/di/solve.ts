import { INVALID } from '../dto/dto-validator';
import type { ArgSlot, DependencyNode } from './dependency-node';
import type { DependencyOverrides } from './dependency-overrides';
import type { GraphCompiler } from './graph-compiler';
import { UNSET, type RequestState } from './request-state';

/** What solving needs besides the request: the overrides, and the route's compiler for replacements. */
export interface SolveEnvironment {
  readonly overrides: DependencyOverrides;
  readonly compiler: GraphCompiler;
}

const overrideNodes = new WeakMap<DependencyNode, { replacement: unknown; node: DependencyNode }>();

function overridden(node: DependencyNode, env: SolveEnvironment): DependencyNode {
  const replacement = env.overrides.get(node.key);
  if (replacement === undefined || replacement === node.key) return node;
  const known = overrideNodes.get(node);
  if (known?.replacement === replacement) return known.node;
  const compiled = env.compiler.compileOverride(node, replacement);
  overrideNodes.set(node, { replacement, node: compiled });
  return compiled;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

function injected(slot: ArgSlot, state: RequestState, node: DependencyNode): unknown {
  switch (slot.kind) {
    case 'scopes':
      return node.securityScopes;
    case 'context':
      return state.context;
    case 'background':
      return state.backgroundTasks;
    case 'service':
      return state.container.resolve(slot.token);
    default:
      return undefined;
  }
}

const TAG = Object.prototype.toString;

function isGenerator(value: unknown): value is AsyncGenerator | Generator {
  if (typeof value !== 'object' || value === null) return false;
  const tag = TAG.call(value);
  return tag === '[object AsyncGenerator]' || tag === '[object Generator]';
}

/** A generator dependency: run it to its `yield`, keep it for teardown, and use the yielded value. */
async function enterGenerator(generator: AsyncGenerator | Generator, node: DependencyNode, state: RequestState): Promise<unknown> {
  const step = await generator.next();
  if (step.done) throw new Error(`Dependency ${node.label} returned without yielding a value.`);
  state.addTeardown({ label: node.label, generator });
  return step.value;
}

/**
 * Resolves a node's arguments for one request, in FastAPI's order:
 * sub-dependencies in declaration order, then the node's own request
 * parameters (path, query, header, cookie, body), then injected values.
 * Returns `INVALID` when any input failed validation (the errors are in
 * `state.errors`); exceptions propagate at once.
 */
export async function solveArgs(node: DependencyNode, state: RequestState, env: SolveEnvironment): Promise<unknown[] | typeof INVALID> {
  const { slots } = node;
  const args = new Array<unknown>(slots.length);
  let valid = true;
  for (const i of node.dependencyIndexes) {
    const value = await solveNode((slots[i] as ArgSlot & { kind: 'dependency' }).node, state, env);
    if (value === INVALID) valid = false;
    else args[i] = value;
  }
  for (const i of node.paramIndexes) {
    let value = (slots[i] as ArgSlot & { kind: 'param' }).reader.read(state);
    if (isThenable(value)) value = await value;
    if (value === INVALID) valid = false;
    else args[i] = value;
  }
  if (!valid) return INVALID;
  for (const i of node.injectedIndexes) args[i] = injected(slots[i]!, state, node);
  return args;
}

/**
 * Resolves one dependency for one request: a node whose inputs failed is
 * skipped (`INVALID`). The value is cached per request unless `useCache` is
 * false (the first value is stored even then), as FastAPI does; a cached
 * dependency's inputs are still validated again.
 */
export async function solveNode(original: DependencyNode, state: RequestState, env: SolveEnvironment): Promise<unknown> {
  const node = env.overrides.size === 0 ? original : overridden(original, env);
  const args = await solveArgs(node, state, env);
  if (args === INVALID) return INVALID;
  const slot = node.cacheSlot;
  const cached = slot < state.cache.length ? state.cache[slot] : UNSET;
  if (original.useCache && cached !== UNSET) return cached;
  let value = node.invoke(args, state, node);
  if (isThenable(value)) value = await value;
  if (isGenerator(value)) value = await enterGenerator(value, node, state);
  if (cached === UNSET) {
    while (state.cache.length < slot) state.cache.push(UNSET);
    state.cache[slot] = value;
  }
  return value;
}
