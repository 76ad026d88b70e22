import type { ResolutionFrame } from '../context/resolution-frame';
import { INVALID } from '../dto/invalid';
import { inlineReadSource } from '../params/inline-read';
import { isThenable } from '../values/thenable';
import type { ArgSlot, DependencyNode } from './dependency-node';
import type { DependencyOverrides } from './dependency-overrides';
import { injected, NO_ARGS, produceSoleOf, solveArgs, solveArgsLater, solveNode, type Args, type Eventually } from './solve';

/** A node's arguments for one request, as `solveArgs` resolves them. */
export type ArgsSolver = (frame: ResolutionFrame, overrides: DependencyOverrides) => Eventually<Args>;
type ValueSolver = (frame: ResolutionFrame, overrides: DependencyOverrides) => Eventually<unknown>;

/**
 * A dependency whose value no other use of its route shares (`cache.sole`):
 * its own generated arguments, then its call. Only reached from generated
 * code that found no override in place, in the same synchronous run.
 */
function soleSolver(node: DependencyNode): ValueSolver {
  const argsOf = generateArgs(node, false);
  return (frame, overrides) => produceSoleOf(node, argsOf(frame, overrides), frame);
}

/** How one slot's value is read in the generated code (`c` holds the constants it refers to). */
function slotSource(slot: ArgSlot, constant: (value: unknown) => string): string {
  switch (slot.kind) {
    case 'dependency':
      return slot.node.cache.sole ? `${constant(soleSolver(slot.node))}(frame, overrides)` : `solveNode(${constant(slot.node)}, frame, overrides)`;
    case 'param':
      return `${constant(slot.reader)}.read(frame)`;
    default:
      return `injected(${constant(slot)}, frame, node)`;
  }
}

/**
 * Compiles what `solveArgs` does for `node` into one function, generated once
 * (on the first call): each slot read in FastAPI's order (sub-dependencies, then
 * request parameters, then injected values) as a statement of its own, with
 * no loop over the slots, no look-up of their kinds and no arguments array
 * until the end; a sub-dependency that no other use shares is called through
 * its own generated solver. The generated text holds only slot numbers and
 * references into an array of constants: nothing a user wrote (a label, a
 * parameter name) is ever part of it. The first input that turns out to be a
 * promise hands the rest to the general resolver's asynchronous continuation.
 */
export function compileArgsSolver(node: DependencyNode): ArgsSolver {
  // Generated on the route's first request: a thousand routes cost start-up nothing here (their graphs are checked before).
  let generated: ArgsSolver | undefined;
  return (frame, overrides) => (generated ??= generateArgs(node, true))(frame, overrides);
}

/** The generated arguments of `node`; `checksOverrides` for a route's root, where a request enters it (an override in place hands the whole graph to the general resolver). */
function generateArgs(node: DependencyNode, checksOverrides: boolean): ArgsSolver {
  const { slots, dependencyIndexes, paramIndexes, injectedIndexes } = node;
  if (slots.length === 0) return checksOverrides ? (frame, overrides) => (overrides.size !== 0 ? solveArgs(node, frame, overrides) : NO_ARGS) : () => NO_ARGS;
  const constants: unknown[] = [];
  const constant = (value: unknown): string => `c[${constants.push(value) - 1}]`;
  const names = slots.map((_, i) => `a${i}`);
  /** The arguments so far, as an array for the continuation to fill in. */
  const soFar = `[${names.join(', ')}]`;
  const lines = [`let ${names.join(', ')};`, 'let valid = true;', 'let value, raw, v;'];
  if (checksOverrides) lines.unshift('if (overrides.size !== 0) return solveArgs(node, frame, overrides);');
  const readInto = (i: number, depAt: number, paramAt: number): void => {
    const slot = slots[i]!;
    if (slot.kind === 'param' && slot.reader.inline !== undefined) {
      // A scalar read here is never a promise: the reader it falls back to converts synchronously.
      lines.push(inlineReadSource(slot.reader.inline, constant, slotSource(slot, constant)), `if (value === INVALID) valid = false; else a${i} = value;`);
      return;
    }
    lines.push(
      `value = ${slotSource(slots[i]!, constant)};`,
      `if (isThenable(value)) return solveArgsLater(node, frame, overrides, ${soFar}, valid, ${depAt}, ${paramAt}, value);`,
      `if (value === INVALID) valid = false; else a${i} = value;`,
    );
  };
  dependencyIndexes.forEach((i, k) => readInto(i, k, 0));
  paramIndexes.forEach((i, k) => readInto(i, dependencyIndexes.length, k));
  lines.push('if (!valid) return INVALID;');
  for (const i of injectedIndexes) lines.push(`a${i} = ${slotSource(slots[i]!, constant)};`);
  lines.push(`return ${soFar};`);
  // Generated from slot numbers and constant references only (see above).
  const make = new Function('node', 'c', 'isThenable', 'INVALID', 'solveArgs', 'solveArgsLater', 'solveNode', 'injected', `return function generatedArgs(frame, overrides) {\n${lines.join('\n')}\n};`) as (
    ...values: unknown[]
  ) => ArgsSolver;
  return make(node, constants, isThenable, INVALID, solveArgs, solveArgsLater, solveNode, injected);
}
