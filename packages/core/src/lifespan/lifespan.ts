import type { Exit } from '../lifecycle/exit';
import { disposerExit, generatorExit } from '../lifecycle/exit';

/** What a lifespan may hand to the requests: merged into `app.state`, read as `context.state`. */
export type LifespanState = Record<string, unknown>;

/**
 * Code around the app's life, as an async generator (FastAPI's `lifespan`):
 * what comes before `yield` runs when the app starts (at `ready()` or
 * `listen()`), what comes after when it closes. It may yield state for the
 * requests.
 */
export type LifespanGenerator<A> = (app: A) => AsyncGenerator<LifespanState | void, void, unknown>;

/** The same as start and stop hooks (FastAPI's older `on_startup` / `on_shutdown`). */
export interface LifespanHooks<A> {
  start?(app: A): unknown;
  stop?(app: A): unknown;
}

export type Lifespan<A> = LifespanGenerator<A> | LifespanHooks<A>;

function labelOf(lifespan: Lifespan<unknown>, index: number): string {
  const name = typeof lifespan === 'function' ? lifespan.name : '';
  return name ? `lifespan ${name}` : `lifespan #${index + 1}`;
}

function stateOf(value: unknown, label: string): LifespanState {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`The ${label} handed ${Array.isArray(value) ? 'an array' : `a ${typeof value}`} as state: give an object (its keys become app.state's) or nothing.`);
  }
  return value as LifespanState;
}

/** A lifespan once started: what stops it (an entry of the app frame's exit stack), and the state it handed over. */
export interface EnteredLifespan {
  readonly exit: Exit;
  readonly state: LifespanState;
  readonly label: string;
}

/** Starts one lifespan: its code up to `yield`, or its `start` hook. */
export async function enterLifespan<A>(lifespan: Lifespan<A>, app: A, index: number): Promise<EnteredLifespan> {
  const label = labelOf(lifespan as Lifespan<unknown>, index);
  if (typeof lifespan === 'function') {
    const generator = lifespan(app);
    const step = await generator.next();
    if (step.done) throw new TypeError(`The ${label} returned without yielding: yield once, between its start and its stop.`);
    return { exit: generatorExit(label, generator), state: stateOf(step.value, label), label };
  }
  // A hook's return value is not state (hand state by yielding it from a generator, or set app.state).
  await lifespan.start?.(app);
  return { exit: disposerExit(label, () => lifespan.stop?.(app)), state: {}, label };
}

export function labelOfLifespan(lifespan: Lifespan<unknown>, index: number): string {
  return labelOf(lifespan, index);
}
