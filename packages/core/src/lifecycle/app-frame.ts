import type { DependencyContainer } from 'tsyringe';
import { InFlight } from './in-flight';
import { ScopeFrame } from './scope-frame';

/**
 * The widest rung of the scope ladder: one per app, created with it and ended
 * by `app.close()` once every request and background task has finished. It
 * holds the values of `scope: 'app'` dependencies (shared by every route and
 * request) and the exits of those and of the singletons Deft created.
 */
export class AppFrame extends ScopeFrame {
  readonly inFlight = new InFlight();
  /** What the lifespans handed over (`app.state`, `context.state`). */
  readonly state: Record<string, unknown> = {};

  constructor(
    /** The app's own container: services live here for the app's lifetime. */
    readonly container: DependencyContainer,
  ) {
    super();
  }
}
