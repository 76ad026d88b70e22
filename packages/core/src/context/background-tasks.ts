/** Called with each task's failure; the remaining tasks still run. */
export type TaskErrorReporter = (error: unknown) => void;

export const RUN_TASKS = Symbol('deft.runTasks');

/**
 * Work to do after the response has been sent (an audit line, an email).
 * One instance per request, shared by the handler and all its dependencies:
 * declare a parameter of this type.
 */
export class BackgroundTasks {
  private readonly tasks: (() => unknown)[] = [];

  addTask<A extends unknown[]>(task: (...args: A) => unknown, ...args: A): void {
    this.tasks.push(() => task(...args));
  }

  get size(): number {
    return this.tasks.length;
  }

  /** Runs the tasks in order, one at a time; a failing task is reported and the next one runs. */
  async [RUN_TASKS](report: TaskErrorReporter): Promise<void> {
    for (const task of this.tasks.splice(0)) {
      try {
        await task();
      } catch (error) {
        report(error);
      }
    }
  }
}
