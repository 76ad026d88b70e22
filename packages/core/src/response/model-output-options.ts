/**
 * How a response model writes a result, as FastAPI's `response_model_*`
 * options: all of them off by default, but `byAlias`.
 */
export interface ModelOutputOptions {
  /** Leave out the fields that were not set: not sent by the client, for an instance Deft made from a request body; absent, for anything else. */
  readonly excludeUnset?: boolean;
  /** Leave out the fields whose value equals their default. */
  readonly excludeDefaults?: boolean;
  /** Leave out the fields whose value is `null` (or absent). */
  readonly excludeNone?: boolean;
  /** Only these fields (of the top-level model). */
  readonly include?: readonly string[];
  /** Not these fields (of the top-level model). */
  readonly exclude?: readonly string[];
  /** Write each field under its alias (`@Expose({ name })`); default `true`. */
  readonly byAlias?: boolean;
  /** Check the result against the model (a misfit is a 500 naming every problem); default `true`. */
  readonly validate?: boolean;
}
