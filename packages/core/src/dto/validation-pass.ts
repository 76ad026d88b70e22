import type { ValidationErrorItem } from '../errors/request-validation-error';

export type Loc = (string | number)[];

/** One DTO validation's findings so far. */
export interface ValidationPass {
  readonly errors: ValidationErrorItem[];
  /** Locations (and their ancestors) already reported by the structural pass; constraint findings there are dropped. Created on the first error. */
  touched: Set<string> | undefined;
  /** What was sent where the structural pass converted it (a query string `"0"` read as `0`): constraint errors report it, as Pydantic does. */
  sent: Map<string, unknown> | undefined;
}

/** The value sent at `loc`, when the structural pass converted it; else `value`. */
export function sentValue(pass: ValidationPass, loc: Loc, value: unknown): unknown {
  if (pass.sent === undefined) return value;
  const key = pathKey(loc);
  return pass.sent.has(key) ? pass.sent.get(key) : value;
}

/** Whether the structural pass already reported this location (or one below it). */
export function reported(pass: ValidationPass, loc: Loc): boolean {
  return pass.touched !== undefined && pass.touched.has(pathKey(loc));
}

export const pathKey = (loc: Loc): string => loc.join('\u0000');
