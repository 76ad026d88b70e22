/**
 * Which fields of a DTO instance Deft made from a request body the client
 * actually sent (Pydantic's `model_fields_set`): what
 * `responseModelExcludeUnset` keeps. Recorded only once a route asks for it,
 * so bodies cost nothing more otherwise.
 */
const sent = new WeakMap<object, ReadonlySet<string>>();
let recording = false;

export function recordFieldsSet(): void {
  recording = true;
}

export function isRecordingFieldsSet(): boolean {
  return recording;
}

export function rememberFieldsSet(instance: object, names: ReadonlySet<string>): void {
  sent.set(instance, names);
}

/** The fields the client sent, for an instance Deft made from a body; `undefined` for anything else. */
export function fieldsSetOf(instance: object): ReadonlySet<string> | undefined {
  return sent.get(instance);
}
