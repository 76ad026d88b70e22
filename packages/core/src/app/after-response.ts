import type { FastifyReply } from 'fastify';
import { RUN_TASKS } from '../context/background-tasks';
import type { RequestState } from '../di/request-state';
import { finishTeardowns } from '../di/teardown';

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
    if (state.teardowns) await finishTeardowns(state.teardowns, (error) => log.error({ err: error }, 'A dependency teardown failed'));
    await state.childContainer?.dispose();
  };
  const raw = reply.raw;
  if (raw.closed || raw.destroyed) void run();
  else raw.once('close', () => void run().catch((error: unknown) => log.error({ err: error }, 'Cleaning up after the response failed')));
}
