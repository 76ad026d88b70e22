import type { RequestAborted } from '../errors/request-aborted';

/**
 * How a frame of the scope ladder ended, as its teardowns learn it: normally,
 * with an error passing through (which a teardown may translate), or by an
 * abort (the request's connection went away; nothing can be answered).
 */
export type Outcome =
  | { readonly kind: 'completed' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'aborted'; readonly error: RequestAborted };

export const COMPLETED: Outcome = Object.freeze({ kind: 'completed' });

export function failed(error: unknown): Outcome {
  return { kind: 'failed', error };
}

export function aborted(error: RequestAborted): Outcome {
  return { kind: 'aborted', error };
}
