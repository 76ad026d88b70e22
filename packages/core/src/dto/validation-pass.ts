import type { ValidationErrorItem } from '../errors/request-validation-error';

export type Loc = (string | number)[];

/** One DTO validation's findings so far. */
export interface ValidationPass {
  readonly errors: ValidationErrorItem[];
  /** Locations (and their ancestors) already reported by the structural pass; constraint findings there are dropped. Created on the first error. */
  touched: Set<string> | undefined;
}

/** Whether the structural pass already reported this location (or one below it). */
export function reported(pass: ValidationPass, loc: Loc): boolean {
  return pass.touched !== undefined && pass.touched.has(pathKey(loc));
}

export const pathKey = (loc: Loc): string => loc.join('\u0000');
