import { DeftError } from '../errors/deft-error';

/** Something to finish after the handler: a generator suspended at its `yield`, or a disposable instance. */
export type Teardown =
  | { readonly label: string; readonly generator: AsyncGenerator | Generator }
  | { readonly label: string; readonly dispose: () => unknown };

/**
 * Finishes teardowns in reverse order after a successful response. A failure
 * cannot change the response any more (it was sent), so it is reported.
 */
export async function finishTeardowns(teardowns: readonly Teardown[], report: (error: unknown) => void): Promise<void> {
  for (let i = teardowns.length - 1; i >= 0; i--) {
    const teardown = teardowns[i]!;
    try {
      if ('generator' in teardown) {
        const step = await teardown.generator.next();
        if (!step.done) {
          await teardown.generator.return(undefined);
          throw new DeftError('DEFT_ERR_DEPENDENCY_SWALLOWED_ERROR', `Dependency ${teardown.label} yielded more than once; a dependency yields exactly one value.`);
        }
      } else {
        await teardown.dispose();
      }
    } catch (error) {
      report(error);
    }
  }
}

/**
 * Unwinds teardowns in reverse order when the handler or a dependency threw:
 * the error is thrown into each generator at its `yield`, innermost first, so
 * it can log, translate (throw another error) or re-throw. Returns the error to
 * render. A generator that swallows the error leaves nothing to render: as in
 * FastAPI, that is a developer mistake and becomes a 500.
 */
export async function unwindTeardowns(teardowns: readonly Teardown[], error: unknown): Promise<unknown> {
  let current: unknown = error;
  let swallowedBy: string | undefined;
  for (let i = teardowns.length - 1; i >= 0; i--) {
    const teardown = teardowns[i]!;
    try {
      if ('generator' in teardown) {
        if (swallowedBy === undefined) {
          const step = await teardown.generator.throw(current);
          if (step.done) swallowedBy = teardown.label;
          else await teardown.generator.return(undefined);
        } else {
          await teardown.generator.next();
        }
      } else {
        await teardown.dispose();
      }
    } catch (thrown) {
      current = thrown;
      swallowedBy = undefined;
    }
  }
  if (swallowedBy !== undefined) {
    return new DeftError(
      'DEFT_ERR_DEPENDENCY_SWALLOWED_ERROR',
      `Dependency ${swallowedBy} caught an exception at its yield and did not re-throw it, so there is no response to send. Re-throw it (or throw an HTTPException) in the catch block.`,
      { cause: current },
    );
  }
  return current;
}
