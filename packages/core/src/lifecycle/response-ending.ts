import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestAborted, type AbortSource } from '../errors/request-aborted';
import { aborted, COMPLETED, type Outcome } from './outcome';

export interface ResponseEnding {
  /** How the response ended: sent (`completed`), or its connection gone first (`aborted`). Settles once. */
  readonly outcome: Promise<Outcome>;
  /** Ends it now as aborted, if it has not ended yet. */
  abort(source: AbortSource): void;
  /** Stops watching without an outcome (the response was never sent: the request failed instead). */
  dispose(): void;
}

/**
 * Watches one response until it ends, whichever way comes first: the response
 * finishing, the response closing, the request closing with its connection
 * gone, the socket closing. Node emits nothing on a response queued behind an
 * unfinished pipelined one when the connection is reset, so the request and
 * the socket are watched too. Called before the response is written: an
 * abort found then is already visible on the socket or the response, and a
 * `finish` emitted while writing (light-my-request emits it at once) is not
 * missed.
 */
export function watchResponse(req: IncomingMessage, res: ServerResponse, source: () => AbortSource): ResponseEnding {
  const socket = req.socket as IncomingMessage['socket'] | null | undefined;
  const watchable = typeof socket?.once === 'function';
  let settle!: (outcome: Outcome) => void;
  const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
  let ended = false;
  const dispose = (): void => {
    ended = true;
    res.off('finish', onFinish);
    res.off('close', onResponseClose);
    req.off('close', onRequestClose);
    if (watchable) socket!.off('close', onSocketClose);
  };
  const end = (result: Outcome): void => {
    if (ended) return;
    dispose();
    settle(result);
  };
  const abort = (by: AbortSource): void => end(aborted(new RequestAborted(by)));
  const onFinish = (): void => end(COMPLETED);
  const onResponseClose = (): void => (res.writableFinished ? end(COMPLETED) : abort(source()));
  // A request closes early in the normal course (its body read): only an abort if its connection went with it.
  const onRequestClose = (): void => {
    if (socket?.destroyed && !res.writableFinished) abort(source());
  };
  const onSocketClose = (): void => (res.writableFinished ? end(COMPLETED) : abort(source()));
  if (res.writableFinished) {
    end(COMPLETED);
  } else if (res.destroyed || socket?.destroyed) {
    // Ended by the handler itself before we looked (light-my-request destroys a response it has read), or cut off.
    if (res.writableEnded && !socket?.destroyed) end(COMPLETED);
    else abort(source());
  } else {
    res.once('finish', onFinish);
    res.once('close', onResponseClose);
    req.once('close', onRequestClose);
    if (watchable) socket!.once('close', onSocketClose);
  }
  return { outcome, abort, dispose };
}

/** The ending of a response the server answered in the handler's stead (Fastify's `handlerTimeout`): aborted by the server, already. */
export function endedByServer(): ResponseEnding {
  return { outcome: Promise.resolve(aborted(new RequestAborted('server'))), abort: () => undefined, dispose: () => undefined };
}
