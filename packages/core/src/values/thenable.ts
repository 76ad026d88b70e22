/**
 * Whether a value is a promise or any other thenable (what `await` would wait
 * for). Deft's request path stays synchronous until something is one, so this
 * is the one test for it: a thenable that is not a native promise is awaited
 * too, never serialized.
 */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null | undefined)?.then === 'function';
}
