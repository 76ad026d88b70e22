import { RUN_TASKS } from '../context/background-tasks';
import type { RequestFrame } from '../context/request-frame';
import { failed } from '../lifecycle/outcome';
import { endedByServer, watchResponse, type ResponseEnding } from '../lifecycle/response-ending';
import { timedOut } from '../server/create-server';

/** The error a stream is destroyed with when its consumer went away: an abort, not a failure. */
function isPrematureClose(error: Error): boolean {
  return (error as Error & { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE';
}

/**
 * Whether Fastify answered the request itself because its handler overran
 * `handlerTimeout` (a 503): read only once the reply is found sent, since
 * `request.signal` is made on first use.
 */
function overranHandlerTimeout(frame: RequestFrame): boolean {
  return frame.reply.sent && (frame.request.signal.reason as { code?: unknown } | undefined)?.code === 'FST_ERR_HANDLER_TIMEOUT';
}

/**
 * What is left of a request whose handler finished after Fastify had
 * answered it for overrunning `handlerTimeout`: its result goes nowhere, and
 * its frame ends as aborted by the server. `false` for every other request.
 */
export function abandonIfTimedOut(frame: RequestFrame): boolean {
  if (!overranHandlerTimeout(frame)) return false;
  if (frame.hasExits || frame.pendingTasks?.size) endAfterResponse(frame, endedByServer());
  return true;
}

/** Starts watching a request's response, when its frame has something to finish after it (exits, background tasks). */
export function watchEnding(frame: RequestFrame): ResponseEnding | undefined {
  if (!frame.hasExits && !frame.pendingTasks?.size) return undefined;
  const inFlight = frame.app.inFlight;
  const raw = frame.request.raw;
  // The server ended it if the app is closing, or if the server closed the connection for being idle too long.
  return watchResponse(raw, frame.reply.raw, () => (inFlight.closing || timedOut(raw.socket) ? 'server' : 'client'));
}

/**
 * What a request still has to do once its response is on its way, run once,
 * whichever way the response ends: its background tasks (the handler
 * succeeded, whether or not the client stayed for the answer), then its
 * frame's exits with the real outcome (a normal end, or an abort). Tracked
 * by the app, so `close()` waits for it. Failures here can no longer change
 * the response; they are logged.
 */
export function endAfterResponse(frame: RequestFrame, ending: ResponseEnding): void {
  const inFlight = frame.app.inFlight;
  const log = frame.request.log;
  const lifetime = ending.outcome
    .then(async (ended) => {
      // A streamed body ends its source first (a generator's finally), so teardowns never run under it.
      const bodyError = frame.bodyClosed === undefined ? null : await frame.bodyClosed;
      const outcome = bodyError && !isPrematureClose(bodyError) ? failed(bodyError) : ended;
      const tasks = frame.pendingTasks;
      if (tasks?.size && outcome.kind !== 'failed') await tasks[RUN_TASKS]((error) => log.error({ err: error }, 'A background task failed'));
      const closed = await frame.close(outcome);
      if (closed.kind === 'failed') log.error({ err: closed.error }, 'A dependency teardown failed after the response was sent');
    })
    .catch((error: unknown) => log.error({ err: error }, 'Cleaning up after the response failed'));
  inFlight.track(lifetime, ending.abort);
}
