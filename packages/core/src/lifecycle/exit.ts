import { DeftError } from '../errors/deft-error';
import { COMPLETED, failed, type Outcome } from './outcome';

/**
 * One entry of a frame's exit stack: told how the frame ended, it returns how
 * it ends for the entries below it (an error may be translated, or raised).
 */
export interface Exit {
  readonly label: string;
  exit(outcome: Outcome): Outcome | Promise<Outcome>;
}

/**
 * A generator dependency suspended at its `yield`, as a context manager: a
 * normal end resumes it; an error or an abort is thrown in at the `yield`,
 * where it can be logged, translated (throw another) or re-thrown.
 */
export function generatorExit(label: string, generator: AsyncGenerator | Generator): Exit {
  return {
    label,
    async exit(outcome) {
      if (outcome.kind === 'completed') {
        const step = await generator.next();
        if (step.done) return COMPLETED;
        await generator.return(undefined);
        return failed(new DeftError('DEFT_ERR_DEPENDENCY_SWALLOWED_ERROR', `Dependency ${label} yielded more than once; a dependency yields exactly one value.`));
      }
      try {
        const step = await generator.throw(outcome.error);
        // Caught and not re-thrown: the generator ended normally (what the stack makes of that depends on the outcome).
        if (!step.done) await generator.return(undefined);
        return COMPLETED;
      } catch (thrown) {
        return thrown === outcome.error ? outcome : failed(thrown);
      }
    },
  };
}

/** A disposer (`Symbol.asyncDispose`, `Symbol.dispose`, a container's `dispose`): run whatever the outcome; its own failure becomes the error. */
export function disposerExit(label: string, dispose: () => unknown): Exit {
  return {
    label,
    async exit(outcome) {
      await dispose();
      return outcome;
    },
  };
}
