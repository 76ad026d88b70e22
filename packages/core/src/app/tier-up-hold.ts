import { setFlagsFromString } from 'node:v8';

/**
 * V8 optimizes a function (TurboFan) once it has run through its interrupt
 * budget of bytecode. Building an app runs each compile step once per route,
 * so on an app of many routes most of them cross it during `createApp` and
 * Fastify's `ready`, and the optimizing compiles, useless for code that runs
 * only at start-up, take CPU from the start itself (on one core, half of it).
 * While an app starts, the budget is raised; once it is ready (or after
 * HOLD_LIMIT_MS if it never starts), V8's default is back, so the request
 * path is optimized as usual. Measured on Node 20 (V8 11.3) only, where the
 * default is known; elsewhere, and when the process was given its own
 * budget, nothing is changed.
 */
const V8_DEFAULT_BUDGET = 67584;
const START_UP_BUDGET = 4 * V8_DEFAULT_BUDGET;
const HOLD_LIMIT_MS = 5000;

/** Whether the budget is V8 11.3's default, for Deft to raise and restore. */
function budgetIsDefault(): boolean {
  if (!process.versions.v8.startsWith('11.3.')) return false;
  const given = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''];
  return !given.some((arg) => arg.includes('interrupt-budget') || arg.includes('interrupt_budget'));
}

let holders = 0;

/** Raises V8's budget until every hold taken is released; the release is idempotent. */
export function holdTierUp(): () => void {
  if (!budgetIsDefault()) return () => undefined;
  if (holders++ === 0) setFlagsFromString(`--interrupt-budget=${START_UP_BUDGET}`);
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    clearTimeout(limit);
    if (--holders === 0) setFlagsFromString(`--interrupt-budget=${V8_DEFAULT_BUDGET}`);
  };
  const limit = setTimeout(release, HOLD_LIMIT_MS);
  limit.unref();
  return release;
}
