import type { DtoDescriptor, DtoField } from '../dto/dto-descriptor';
import type { ResolutionFrame } from '../context/resolution-frame';
import { validationItem, type ValidationErrorItem } from '../errors/request-validation-error';
import { DeftError } from '../errors/deft-error';
import { requestCookies } from '../http/request-cookies';

/** The sources a DTO can stand for as a whole, one field per parameter (FastAPI's parameter models). */
export type ModelSource = 'query' | 'header' | 'cookie' | 'form';

export function isModelSource(source: string): source is ModelSource {
  return source === 'query' || source === 'header' || source === 'cookie' || source === 'form';
}

/** The name a model's field has on the wire: a header model's `save_data` is the `save-data` header, as in FastAPI. */
export function wireName(source: ModelSource, field: DtoField): string {
  return source === 'header' ? field.name.replace(/_/g, '-') : field.name;
}

/** A parameter model read from the request: the object to validate, and what the request sent besides its fields. */
export interface ModelInput {
  readonly value: Record<string, unknown>;
  readonly extra: readonly [name: string, value: unknown][];
}

function lastOf(value: unknown): unknown {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Every value of a header, as sent on separate lines. */
export function headerValues(state: ResolutionFrame, lowerName: string): string[] {
  const raw = state.request.raw.rawHeaders;
  const values: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === lowerName) values.push(raw[i + 1]!);
  return values;
}

/** The source's values by name, as FastAPI's multidicts give them: every value of a repeated name. */
function sourceValues(source: ModelSource, state: ResolutionFrame): Map<string, unknown[]> {
  const values = new Map<string, unknown[]>();
  switch (source) {
    case 'query':
      for (const [name, value] of Object.entries(state.request.query as Record<string, unknown>)) values.set(name, asList(value));
      break;
    case 'header': {
      const raw = state.request.raw.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) {
        const name = raw[i]!.toLowerCase();
        const list = values.get(name);
        if (list) list.push(raw[i + 1]!);
        else values.set(name, [raw[i + 1]!]);
      }
      break;
    }
    case 'cookie':
      for (const [name, value] of Object.entries(requestCookies(state.request))) if (value !== undefined) values.set(name, [value]);
      break;
    case 'form':
      // FastAPI treats an empty form value as missing.
      for (const [name, list] of state.formFields) {
        const present = list.filter((v) => v !== '');
        if (present.length > 0) values.set(name, present);
      }
      break;
  }
  return values;
}

/**
 * Compiles how a parameter model is read: each field from its wire name
 * (the last value, or every value for a list field), absent fields left to
 * the class's defaults; the names the request sent besides them are kept for
 * `extra: 'forbid'` (and, as in FastAPI, for the `input` of a missing field).
 */
export function compileModelInput(source: ModelSource, dto: DtoDescriptor, where: string): (state: ResolutionFrame) => ModelInput {
  const fields = dto.fields.map((field) => {
    if (field.shape.kind === 'dto' || (field.shape.kind === 'list' && field.shape.element.kind === 'dto')) {
      throw new DeftError(
        'DEFT_ERR_PARAM_TYPE_UNKNOWN',
        `${where}: ${dto.name}.${field.name} holds a nested DTO, which a ${source} parameter cannot carry: a parameter model's fields are scalars or lists of scalars.`,
      );
    }
    const wire = wireName(source, field);
    return { name: field.name, key: source === 'header' ? wire.toLowerCase() : wire, list: field.shape.kind === 'list' };
  });
  const known = new Set(fields.flatMap((field) => [field.key, field.name]));
  return (state) => {
    const sent = sourceValues(source, state);
    const value: Record<string, unknown> = {};
    for (const field of fields) {
      const values = sent.get(field.key);
      if (values && values.length > 0) value[field.name] = field.list ? values : lastOf(values);
    }
    const extra: [string, unknown][] = [];
    for (const [name, values] of sent) {
      if (known.has(name)) continue;
      const item = values.length === 1 ? values[0] : values;
      extra.push([name, item]);
      value[name] = item;
    }
    return { value, extra };
  };
}

/** FastAPI's `extra: "forbid"` errors, one per name sent besides the model's fields. */
export function extraForbidden(loc: string, extra: ModelInput['extra'], errors: ValidationErrorItem[]): void {
  for (const [name, value] of extra) errors.push(validationItem('extra_forbidden', [loc, name], 'Extra inputs are not permitted', value));
}
