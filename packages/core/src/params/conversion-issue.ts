/**
 * Why a value could not be converted or failed a constraint, without its
 * location: the caller knows where the value came from and adds `loc`.
 * `type` and `msg` follow Pydantic v2's error types and messages.
 */
export class ConversionIssue {
  constructor(
    readonly type: string,
    readonly msg: string,
    readonly ctx?: Record<string, unknown>,
  ) {}
}

export function isIssue(value: unknown): value is ConversionIssue {
  return value instanceof ConversionIssue;
}
