import type { ResolutionFrame } from '../context/resolution-frame';
import { INVALID } from '../dto/invalid';
import { generatorExit } from '../lifecycle/exit';
import { NOT_CACHED, type ScopeFrame } from '../lifecycle/scope-frame';
import { isThenable } from '../values/thenable';
import type { ArgSlot, DependencyNode } from './dependency-node';
import type { DependencyOverrides } from './dependency-overrides';

/** A value now, or later: the resolver stays synchronous until something is actually asynchronous. */
export type Eventually<T> = T | PromiseLike<T>;
export type Args = unknown[] | typeof INVALID;

export function injected(slot: ArgSlot, frame: ResolutionFrame, node: DependencyNode): unknown {
  switch (slot.kind) {
    case 'scopes':
      return node.securityScopes;
    case 'context':
    case 'connection':
      return frame.context;
    case 'background':
      return frame.backgroundTasks;
    case 'websocket':
      return frame.websocket;
    case 'service':
      return slot.from === 'app' ? frame.app.container.resolve(slot.token) : frame.container.resolve(slot.token);
    default:
      return undefined;
  }
}

/** The arguments of a node that takes none: shared, never written to. */
export const NO_ARGS: unknown[] = Object.freeze([]) as unknown as unknown[];

const TAG = Object.prototype.toString;

function isGenerator(value: unknown): value is AsyncGenerator | Generator {
  if (typeof value !== 'object' || value === null) return false;
  const tag = TAG.call(value);
  return tag === '[object AsyncGenerator]' || tag === '[object Generator]';
}

function injectAll(node: DependencyNode, args: unknown[], frame: ResolutionFrame): unknown[] {
  for (const i of node.injectedIndexes) args[i] = injected(node.slots[i]!, frame, node);
  return args;
}

/**
 * The asynchronous continuation of `solveArgs`, from the first input that
 * turned out to be a promise (`pending`, for the dependency at `depAt` or the
 * parameter at `paramAt`) to the end.
 */
export async function solveArgsLater(
  node: DependencyNode,
  frame: ResolutionFrame,
  overrides: DependencyOverrides,
  args: unknown[],
  valid: boolean,
  depAt: number,
  paramAt: number,
  pending: PromiseLike<unknown>,
): Promise<Args> {
  const { slots, dependencyIndexes: deps, paramIndexes: params } = node;
  let value = await pending;
  if (depAt < deps.length) {
    for (let k = depAt; k < deps.length; k++) {
      if (k > depAt) value = await solveNode((slots[deps[k]!] as ArgSlot & { kind: 'dependency' }).node, frame, overrides);
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
    value = await (slots[params[k]!] as ArgSlot & { kind: 'param' }).reader.read(frame);
    if (value === INVALID) valid = false;
    else args[params[k]!] = value;
  }
  return valid ? injectAll(node, args, frame) : INVALID;
}

/**
 * Resolves a node's arguments for one request, in FastAPI's order:
 * sub-dependencies in declaration order, then the node's own request
 * parameters (path, query, header, cookie, body), then injected values.
 * Returns `INVALID` when any input failed validation (the errors are in
 * `frame.errors`); exceptions propagate at once. Synchronous as long as every
 * input is: no promise is created for a graph of synchronous dependencies.
 */
export function solveArgs(node: DependencyNode, frame: ResolutionFrame, overrides: DependencyOverrides): Eventually<Args> {
  const { slots, dependencyIndexes: deps, paramIndexes: params } = node;
  if (slots.length === 0) return NO_ARGS;
  const args = new Array<unknown>(slots.length);
  let valid = true;
  for (let k = 0; k < deps.length; k++) {
    const value = solveNode((slots[deps[k]!] as ArgSlot & { kind: 'dependency' }).node, frame, overrides);
    if (isThenable(value)) return solveArgsLater(node, frame, overrides, args, valid, k, 0, value);
    if (value === INVALID) valid = false;
    else args[deps[k]!] = value;
  }
  for (let k = 0; k < params.length; k++) {
    const value = (slots[params[k]!] as ArgSlot & { kind: 'param' }).reader.read(frame);
    if (isThenable(value)) return solveArgsLater(node, frame, overrides, args, valid, deps.length, k, value);
    if (value === INVALID) valid = false;
    else args[params[k]!] = value;
  }
  return valid ? injectAll(node, args, frame) : INVALID;
}

/** A generator dependency: run it to its `yield`, push its exit on its frame, and use the yielded value. */
function enterGenerator(generator: AsyncGenerator | Generator, node: DependencyNode, frame: ScopeFrame): Eventually<unknown> {
  const started = (step: IteratorResult<unknown>): unknown => {
    if (step.done) throw new Error(`Dependency ${node.label} returned without yielding a value.`);
    frame.push(generatorExit(node.label, generator));
    return step.value;
  };
  const step = generator.next();
  return isThenable(step) ? step.then(started) : started(step as IteratorResult<unknown>);
}

/** Keeps the first value computed for a key (a `useCache: false` use still stores one when none is there, as FastAPI does). */
function store(frame: ScopeFrame, node: DependencyNode, value: unknown): unknown {
  if (!frame.has(node.cacheKey)) frame.set(node.cacheKey, value);
  return value;
}

/** A dependency no other use of the route shares a value with, once its arguments are there: called, and its value not kept. */
export function produceSoleOf(node: DependencyNode, args: Eventually<Args>, frame: ResolutionFrame): Eventually<unknown> {
  return isThenable(args) ? args.then((resolved) => produceSole(node, resolved, frame)) : produceSole(node, args, frame);
}

/** A dependency no other use of the route shares a value with: called, and its value not kept. */
function produceSole(node: DependencyNode, args: Args, frame: ResolutionFrame): Eventually<unknown> {
  if (args === INVALID) return INVALID;
  const invoked = node.invoke(args, frame, node);
  if (!isThenable(invoked)) return isGenerator(invoked) ? enterGenerator(invoked, node, frame.frameFor(node.scope)) : invoked;
  return invoked.then((value) => (isGenerator(value) ? enterGenerator(value, node, frame.frameFor(node.scope)) : value));
}

function produce(node: DependencyNode, useCache: boolean, args: Args, frame: ResolutionFrame): Eventually<unknown> {
  if (args === INVALID) return INVALID;
  const home = frame.frameFor(node.scope);
  const cached = home.lookup(node.cacheKey);
  if (useCache && cached !== NOT_CACHED) return cached;
  const invoked = node.invoke(args, frame, node);
  if (!isThenable(invoked) && !isGenerator(invoked)) {
    // Synchronous, the common case: nothing can have stored a value since the lookup.
    if (cached === NOT_CACHED) home.set(node.cacheKey, invoked);
    return invoked;
  }
  const settle = (value: unknown): Eventually<unknown> => (isGenerator(value) ? enterGenerator(value, node, home) : value);
  const value = isThenable(invoked) ? invoked.then(settle) : settle(invoked);
  return isThenable(value) ? value.then((v) => store(home, node, v)) : store(home, node, value);
}

/**
 * An app-scoped dependency: made once, on first use, then shared by every
 * request. While it is being made, concurrent requests wait for the same
 * promise (kept in the app frame); a failure is not kept, so the next request
 * tries again.
 */
function solveAppNode(node: DependencyNode, frame: ResolutionFrame, overrides: DependencyOverrides): Eventually<unknown> {
  const app = frame.app;
  if (app.has(node.cacheKey)) return app.get(node.cacheKey);
  const args = solveArgs(node, frame, overrides);
  const value = isThenable(args) ? args.then((a) => produce(node, true, a, frame)) : produce(node, true, args, frame);
  if (!isThenable(value)) return value;
  const making = Promise.resolve(value).then(
    (made) => (app.set(node.cacheKey, made), made),
    (error: unknown) => {
      app.delete(node.cacheKey);
      throw error;
    },
  );
  app.set(node.cacheKey, making);
  return making;
}

/**
 * Resolves one dependency for one request: a node whose inputs failed is
 * skipped (`INVALID`). The value is cached in the frame of its rung unless
 * `useCache` is false (the first value is stored even then), as FastAPI does;
 * a cached dependency's inputs are still validated again. A dependency whose
 * key no other use of the route has (and no override in place) keeps no value.
 */
export function solveNode(original: DependencyNode, frame: ResolutionFrame, overrides: DependencyOverrides): Eventually<unknown> {
  if (overrides.size === 0 && original.cache.sole) return produceSoleOf(original, solveArgs(original, frame, overrides), frame);
  const node = overrides.size === 0 ? original : overrides.nodeFor(original);
  if (node.scope === 'app') return solveAppNode(node, frame, overrides);
  const args = solveArgs(node, frame, overrides);
  return isThenable(args) ? args.then((a) => produce(node, original.useCache, a, frame)) : produce(node, original.useCache, args, frame);
}
