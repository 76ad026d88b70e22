import type { Exit } from './exit';
import { exitAll } from './exit-stack';
import type { Outcome } from './outcome';

/** What `lookup` returns for a key with no value in the frame (`undefined` is a value a dependency may produce). */
export const NOT_CACHED = Symbol('deft.notCached');

/**
 * One rung of the scope ladder for one lifetime (the app, a request, a
 * handler call): the values of the dependencies that live there, and an exit
 * stack of what to finish when it ends. Both are created on first use, so a
 * frame nothing lives in costs one object.
 */
export class ScopeFrame {
  private values: Map<unknown, unknown> | undefined;
  private exits: Exit[] | undefined;

  /** The cached value for `key`, or `NOT_CACHED`: one lookup whether it is there or not. */
  lookup(key: unknown): unknown {
    const values = this.values;
    if (values === undefined) return NOT_CACHED;
    const value = values.get(key);
    return value !== undefined || values.has(key) ? value : NOT_CACHED;
  }

  /** The cached value for `key`, or `undefined` (check `has` for a cached `undefined`). */
  get(key: unknown): unknown {
    return this.values?.get(key);
  }

  has(key: unknown): boolean {
    return this.values?.has(key) ?? false;
  }

  set(key: unknown, value: unknown): void {
    (this.values ??= new Map()).set(key, value);
  }

  delete(key: unknown): void {
    this.values?.delete(key);
  }

  push(exit: Exit): void {
    this.exitAdded();
    (this.exits ??= []).push(exit);
  }

  /** Called before each exit is pushed: a request's frame takes note that it holds something to tear down. */
  protected exitAdded(): void {}

  get hasExits(): boolean {
    return this.exits !== undefined && this.exits.length > 0;
  }

  /**
   * Ends the frame: exits every entry, innermost first, with `outcome`, and
   * returns how it came out. What is pushed afterwards waits for the next
   * `close` (each entry exits exactly once).
   */
  close(outcome: Outcome): Promise<Outcome> {
    const exits = this.exits;
    this.exits = undefined;
    this.values = undefined;
    return exits ? exitAll(exits, outcome) : Promise.resolve(outcome);
  }
}
