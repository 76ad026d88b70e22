import { DeftError } from '../errors/deft-error';

/** Something to finish after the handler: a generator suspended at its `yield`, or a disposable instance. */
export type Teardown =
  | { readonly label: string; readonly generator: AsyncGenerator | Generator }
  | { readonly label: string; readonly dispose: () => unknown };

/**
 * When a dependency's teardown runs. `request` (the default): after the
 * response has been sent. `function`: right after the handler returns, before
 * the response, so what it does (a commit) is done when the client reads the
 * answer, and an error it raises becomes the response. FastAPI's
 * `Depends(..., scope=...)`.
 */
export type TeardownScope = 'function' | 'request';

/** No error is passing through the teardowns. */
export const NO_ERROR = Symbol('deft.noError');

/**
 * Exits teardowns in reverse order, as nested context managers exit: the
 * error passing through (if any) is thrown into each generator at its
 * `yield`, innermost first, so it can log, translate (throw another) or
 * re-throw it; an error raised by a teardown becomes the one passing through
 * to the outer ones. Returns the error that comes out, or `NO_ERROR`.
 *
 * A generator that catches an error and does not re-throw it leaves nothing to
 * answer with: as in FastAPI, that is a developer mistake, and it becomes a
 * `DeftError` (a 500) naming the dependency; the outer teardowns exit normally.
 */
export async function exitTeardowns(teardowns: readonly Teardown[], error: unknown = NO_ERROR): Promise<unknown> {
  let current: unknown = error;
  let swallowedBy: string | undefined;
  let swallowed: unknown;
  for (let i = teardowns.length - 1; i >= 0; i--) {
    const teardown = teardowns[i]!;
    try {
      if (!('generator' in teardown)) {
        await teardown.dispose();
      } else if (current === NO_ERROR) {
        const step = await teardown.generator.next();
        if (!step.done) {
          await teardown.generator.return(undefined);
          throw new DeftError('DEFT_ERR_DEPENDENCY_SWALLOWED_ERROR', `Dependency ${teardown.label} yielded more than once; a dependency yields exactly one value.`);
        }
      } else {
        const step = await teardown.generator.throw(current);
        if (step.done) {
          [swallowedBy, swallowed, current] = [teardown.label, current, NO_ERROR];
        } else {
          await teardown.generator.return(undefined);
        }
      }
    } catch (thrown) {
      current = thrown;
      swallowedBy = undefined;
    }
  }
  if (swallowedBy !== undefined && current === NO_ERROR) {
    return new DeftError(
      'DEFT_ERR_DEPENDENCY_SWALLOWED_ERROR',
      `Dependency ${swallowedBy} caught an exception at its yield and did not re-throw it, so there is no response to send. Re-throw it (or throw an HTTPException) in the catch block.`,
      { cause: swallowed },
    );
  }
  return current;
}
