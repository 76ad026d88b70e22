/** Returned instead of a value when validation failed (the errors were recorded). */
export const INVALID = Symbol('deft.invalid');
