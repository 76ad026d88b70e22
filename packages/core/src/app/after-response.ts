import type { FastifyReply } from 'fastify';
import { RUN_TASKS } from '../context/background-tasks';
import type { RequestState } from '../di/request-state';
import { exitTeardowns, NO_ERROR } from '../di/teardown';

/**
 * Work that waits for the response to be sent (or for the client to go away):
 * background tasks, then teardowns in reverse order, then the request's child
 * container. Failures can no longer change the response; they are logged.
 */
export function afterResponse(state: RequestState, reply: FastifyReply, runTasks: boolean): void {
  const tasks = runTasks ? state.pendingTasks : undefined;
  if (!tasks?.size && !state.teardowns && !state.childContainer) return;
  const log = state.request.log;
  let started = false;
  const run = async (): Promise<void> => {
    if (started) return;
    started = true;
    if (tasks) await tasks[RUN_TASKS]((error) => log.error({ err: error }, 'A background task failed'));
    if (state.teardowns) {
      const raised = await exitTeardowns(state.teardowns);
      if (raised !== NO_ERROR) log.error({ err: raised }, 'A dependency teardown failed after the response was sent');
    }
    await state.childContainer?.dispose();
  };
  const raw = reply.raw;
  if (raw.closed || raw.destroyed) void run();
  else raw.once('close', () => void run().catch((error: unknown) => log.error({ err: error }, 'Cleaning up after the response failed')));
}
