import type { ValidationErrorItem } from '../errors/request-validation-error';

export type Loc = (string | number)[];

/** One DTO validation's findings so far. */
export interface ValidationPass {
  readonly errors: ValidationErrorItem[];
  /** Locations (and their ancestors) already reported by the structural pass; constraint findings there are dropped. */
  readonly touched: Set<string>;
}

export const pathKey = (loc: Loc): string => loc.join('\u0000');
