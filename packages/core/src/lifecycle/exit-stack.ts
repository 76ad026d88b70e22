import { DeftError } from '../errors/deft-error';
import { failed, type Outcome } from './outcome';
import type { Exit } from './exit';

/**
 * Exits a frame's entries in reverse order, as nested context managers exit:
 * each learns the outcome so far, innermost first, and what it returns is what
 * the ones outside it learn. An error raised by an entry becomes the error
 * passing through. An abort stays an abort: an entry can neither undo nor
 * answer it (but an error it raises is still passed on, to be logged).
 *
 * A generator that catches an error and does not re-throw it leaves nothing to
 * answer with: as in FastAPI, that is a developer mistake, and the outcome is
 * a `DeftError` (a 500) naming the dependency; the outer entries exit normally.
 */
export async function exitAll(exits: readonly Exit[], outcome: Outcome): Promise<Outcome> {
  let current = outcome;
  let swallowedBy: string | undefined;
  let swallowed: unknown;
  for (let i = exits.length - 1; i >= 0; i--) {
    const entry = exits[i]!;
    let next: Outcome;
    try {
      next = await entry.exit(current);
    } catch (thrown) {
      next = failed(thrown);
    }
    if (current.kind === 'failed' && next.kind === 'completed') {
      [swallowedBy, swallowed, current] = [entry.label, current.error, next];
    } else if (current.kind !== 'aborted' || next.kind === 'failed') {
      if (next.kind === 'failed') swallowedBy = undefined;
      current = next;
    }
  }
  if (swallowedBy !== undefined && current.kind === 'completed') {
    return failed(
      new DeftError(
        'DEFT_ERR_DEPENDENCY_SWALLOWED_ERROR',
        `Dependency ${swallowedBy} caught an exception at its yield and did not re-throw it, so there is no response to send. Re-throw it (or throw an HTTPException) in the catch block.`,
        { cause: swallowed },
      ),
    );
  }
  return current;
}
