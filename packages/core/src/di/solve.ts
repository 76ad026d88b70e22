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

/** A value now, or later: the resolver stays synchronous until something is actually asynchronous. */
type Eventually<T> = T | Promise<T>;
type Args = unknown[] | typeof INVALID;

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

function isThenable(value: unknown): value is Promise<unknown> {
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

/** The arguments of a node that takes none: shared, never written to. */
const NO_ARGS: unknown[] = Object.freeze([]) as unknown as unknown[];

const TAG = Object.prototype.toString;

function isGenerator(value: unknown): value is AsyncGenerator | Generator {
  if (typeof value !== 'object' || value === null) return false;
  const tag = TAG.call(value);
  return tag === '[object AsyncGenerator]' || tag === '[object Generator]';
}

function injectAll(node: DependencyNode, args: unknown[], state: RequestState): unknown[] {
  for (const i of node.injectedIndexes) args[i] = injected(node.slots[i]!, state, node);
  return args;
}

/**
 * The asynchronous continuation of `solveArgs`, from the first input that
 * turned out to be a promise (`pending`, for the dependency at `depAt` or the
 * parameter at `paramAt`) to the end.
 */
async function solveArgsLater(
  node: DependencyNode,
  state: RequestState,
  env: SolveEnvironment,
  args: unknown[],
  valid: boolean,
  depAt: number,
  paramAt: number,
  pending: Promise<unknown>,
): Promise<Args> {
  const { slots, dependencyIndexes: deps, paramIndexes: params } = node;
  let value = await pending;
  if (depAt < deps.length) {
    for (let k = depAt; k < deps.length; k++) {
      if (k > depAt) value = await solveNode((slots[deps[k]!] as ArgSlot & { kind: 'dependency' }).node, state, env);
      if (value === INVALID) valid = false;
      else args[deps[k]!] = value;
    }
    paramAt = 0;
  } else {
    if (value === INVALID) valid = false;
    else args[params[paramAt]!] = value;
    paramAt++;
  }
  for (let k = paramAt; k < params.length; k++) {
    value = await (slots[params[k]!] as ArgSlot & { kind: 'param' }).reader.read(state);
    if (value === INVALID) valid = false;
    else args[params[k]!] = value;
  }
  return valid ? injectAll(node, args, state) : INVALID;
}

/**
 * Resolves a node's arguments for one request, in FastAPI's order:
 * sub-dependencies in declaration order, then the node's own request
 * parameters (path, query, header, cookie, body), then injected values.
 * Returns `INVALID` when any input failed validation (the errors are in
 * `state.errors`); exceptions propagate at once. Synchronous as long as every
 * input is: no promise is created for a graph of synchronous dependencies.
 */
export function solveArgs(node: DependencyNode, state: RequestState, env: SolveEnvironment): Eventually<Args> {
  const { slots, dependencyIndexes: deps, paramIndexes: params } = node;
  if (slots.length === 0) return NO_ARGS;
  const args = new Array<unknown>(slots.length);
  let valid = true;
  for (let k = 0; k < deps.length; k++) {
    const value = solveNode((slots[deps[k]!] as ArgSlot & { kind: 'dependency' }).node, state, env);
    if (isThenable(value)) return solveArgsLater(node, state, env, args, valid, k, 0, value);
    if (value === INVALID) valid = false;
    else args[deps[k]!] = value;
  }
  for (let k = 0; k < params.length; k++) {
    const value = (slots[params[k]!] as ArgSlot & { kind: 'param' }).reader.read(state);
    if (isThenable(value)) return solveArgsLater(node, state, env, args, valid, deps.length, k, value);
    if (value === INVALID) valid = false;
    else args[params[k]!] = value;
  }
  return valid ? injectAll(node, args, state) : INVALID;
}

/** A generator dependency: run it to its `yield`, keep it for teardown, and use the yielded value. */
function enterGenerator(generator: AsyncGenerator | Generator, node: DependencyNode, state: RequestState): Eventually<unknown> {
  const started = (step: IteratorResult<unknown>): unknown => {
    if (step.done) throw new Error(`Dependency ${node.label} returned without yielding a value.`);
    state.addTeardown({ label: node.label, generator }, node.teardownScope);
    return step.value;
  };
  const step = generator.next();
  return isThenable(step) ? step.then(started) : started(step as IteratorResult<unknown>);
}

function store(state: RequestState, slot: number, value: unknown): unknown {
  if (slot >= state.cache.length) while (state.cache.length <= slot) state.cache.push(UNSET);
  if (state.cache[slot] === UNSET) state.cache[slot] = value;
  return value;
}

function produce(node: DependencyNode, useCache: boolean, args: Args, state: RequestState): Eventually<unknown> {
  if (args === INVALID) return INVALID;
  const slot = node.cacheSlot;
  if (useCache && slot < state.cache.length && state.cache[slot] !== UNSET) return state.cache[slot];
  const settle = (value: unknown): Eventually<unknown> => {
    if (!isGenerator(value)) return store(state, slot, value);
    const entered = enterGenerator(value, node, state);
    return isThenable(entered) ? entered.then((v) => store(state, slot, v)) : store(state, slot, entered);
  };
  const value = node.invoke(args, state, node);
  return isThenable(value) ? value.then(settle) : settle(value);
}

/**
 * Resolves one dependency for one request: a node whose inputs failed is
 * skipped (`INVALID`). The value is cached per request unless `useCache` is
 * false (the first value is stored even then), as FastAPI does; a cached
 * dependency's inputs are still validated again.
 */
export function solveNode(original: DependencyNode, state: RequestState, env: SolveEnvironment): Eventually<unknown> {
  const node = env.overrides.size === 0 ? original : overridden(original, env);
  const args = solveArgs(node, state, env);
  return isThenable(args) ? args.then((a) => produce(node, original.useCache, a, state)) : produce(node, original.useCache, args, state);
}
