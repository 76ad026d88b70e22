/** Who ended a request before its response was sent. */
export type AbortSource = 'client' | 'server';

/**
 * Thrown into a dependency's teardown (at its `yield`) when the request
 * ended before its response was fully sent: the client went away, the
 * connection was reset, or the server closed it. Nothing can be answered any
 * more, so re-throwing it, or not, changes nothing; it lets a teardown tell an
 * abandoned request from a finished one (to roll back instead of commit).
 */
export class RequestAborted extends Error {
  readonly source: AbortSource;

  constructor(source: AbortSource) {
    super(source === 'client' ? 'The client went away before the response was sent' : 'The server ended the request before the response was sent');
    this.name = 'RequestAborted';
    this.source = source;
  }
}
