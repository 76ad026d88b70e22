import { INVALID, validateDto } from '../dto/dto-validator';
import { DeftError } from '../errors/deft-error';
import { missingItem, validationItem, type ValidationErrorItem } from '../errors/request-validation-error';
import type { RequestParamSpec } from '../metadata/records';
import type { ResolutionFrame } from '../context/resolution-frame';
import { requestCookies } from '../http/request-cookies';
import { compileConstraints, compileListLengthChecks } from './constraints';
import { isIssue } from './conversion-issue';
import type { ParamSource } from './param-options';
import { paramShape, type ParamShape } from './param-shape';
import { scalarConverters } from './scalar-conversion';
import { UploadFile, uploadContent } from './upload-file';
import { isThenable } from '../values/thenable';

type Loc = (string | number)[];

/**
 * How a route's JSON body parameters read the body: the whole body (one body
 * parameter), or one key each (several, or `embed: true`). Decided once the
 * route's whole graph is known, so readers consult it when reading.
 */
export interface BodyLayout {
  embedded: boolean;
}

/** A request parameter compiled once: reads, converts and checks its value per request. */
export interface RequestParamReader {
  readonly spec: RequestParamSpec;
  readonly shape: ParamShape;
  readonly required: boolean;
  /** Returns the value, or `INVALID` after recording errors in `state.errors`; DTO bodies return a promise. */
  read(state: ResolutionFrame): unknown;
}

/** FastAPI validates a dependency's own parameters in this order of sources. */
export const SOURCE_ORDER: Readonly<Record<ParamSource, number>> = { path: 0, query: 1, header: 2, cookie: 3, body: 4, form: 4, file: 4 };

const LOC_SOURCE: Readonly<Record<ParamSource, string>> = {
  path: 'path',
  query: 'query',
  header: 'header',
  cookie: 'cookie',
  body: 'body',
  form: 'body',
  file: 'body',
};

function cloneDefault(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value;
}

/** Converts and checks one value (a list element or a scalar); `undefined` result means an error was recorded. */
type ElementReader = (raw: unknown, loc: Loc, errors: ValidationErrorItem[]) => unknown;

function compileElement(shape: ParamShape, spec: RequestParamSpec, where: string, checkConstraints: boolean): ElementReader {
  switch (shape.kind) {
    case 'scalar': {
      const convert = scalarConverters[shape.scalar];
      const checks = checkConstraints ? compileConstraints(spec.options, where) : [];
      return (raw, loc, errors) => {
        const value = convert(raw);
        if (isIssue(value)) {
          errors.push(validationItem(value.type, loc, value.msg, raw, value.ctx));
          return INVALID;
        }
        for (const check of checks) {
          const issue = check(value);
          if (issue) {
            errors.push(validationItem(issue.type, loc, issue.msg, raw, issue.ctx));
            return INVALID;
          }
        }
        return value;
      };
    }
    case 'file':
      return (raw, loc, errors) => {
        if (raw instanceof UploadFile) return shape.as === 'upload' ? raw : uploadContent(raw);
        errors.push(validationItem('value_error', loc, `Value error, Expected UploadFile, received: ${typeof raw}`, raw));
        return INVALID;
      };
    case 'dto':
      return (raw, loc, errors) => validateDto(shape.dto, raw, loc, errors);
    case 'list':
      throw new DeftError('DEFT_ERR_PARAM_TYPE_UNKNOWN', `${where}: lists of lists are not supported.`);
  }
}

/**
 * Reads a list: each element at `[...loc, index]`, then the list's length
 * checks. `minLength`/`maxLength` count the list's items, as in FastAPI; the
 * other constraints apply to each element.
 */
function compileList(shape: ParamShape & { kind: 'list' }, spec: RequestParamSpec, where: string): ElementReader {
  const elementSpec = { ...spec, options: { ...spec.options, minLength: undefined, maxLength: undefined } };
  const element = compileElement(shape.element, elementSpec, where, true);
  const lengthChecks = compileListLengthChecks(spec.options);
  return (raw, loc, errors) => {
    if (!Array.isArray(raw)) {
      errors.push(validationItem('list_type', loc, 'Input should be a valid list', raw));
      return INVALID;
    }
    const before = errors.length;
    const values = raw.map((item, index) => element(item, [...loc, index], errors));
    const finish = (items: unknown[]): unknown => {
      if (errors.length > before) return INVALID;
      for (const check of lengthChecks) {
        const issue = check(items);
        if (issue) {
          errors.push(validationItem(issue.type, loc, issue.msg, raw, issue.ctx));
          return INVALID;
        }
      }
      return items;
    };
    return values.some(isThenable) ? Promise.all(values).then(finish) : finish(values);
  };
}

/** Reads the raw value of a parameter from the request, or `undefined` when absent. */
type RawReader = (state: ResolutionFrame) => unknown;

function lastOf(value: unknown): unknown {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function headerValues(state: ResolutionFrame, lowerName: string): string[] {
  const raw = state.request.raw.rawHeaders;
  const values: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === lowerName) values.push(raw[i + 1]!);
  return values;
}

function compileRawReader(spec: RequestParamSpec, isList: boolean, layout: BodyLayout, isFormModel: boolean, shape: ParamShape, pathKey: string | undefined): RawReader {
  const name = spec.name ?? '';
  switch (spec.source) {
    case 'path': {
      const key = pathKey ?? name;
      return (state) => (state.request.params as Record<string, string | undefined>)[key];
    }
    case 'query':
      return isList
        ? (state) => {
            const value = (state.request.query as Record<string, unknown>)[name];
            return value === undefined ? undefined : Array.isArray(value) ? value : [value];
          }
        : (state) => lastOf((state.request.query as Record<string, unknown>)[name]);
    case 'header': {
      const lower = name.toLowerCase();
      return isList
        ? (state) => {
            const values = headerValues(state, lower);
            return values.length === 0 ? undefined : values;
          }
        : (state) => {
            const value = state.request.headers[lower];
            return Array.isArray(value) ? value[0] : value;
          };
    }
    case 'cookie':
      return (state) => requestCookies(state.request)[name];
    case 'body':
      return (state) => {
        // A form sent here arrives as text (form parsers run only for routes that read forms), so it fails validation, as in FastAPI.
        const body = state.request.body;
        if (!layout.embedded) return body;
        return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[name] : undefined;
      };
    case 'form':
    case 'file':
      if (isFormModel && shape.kind === 'dto') {
        const listFields = new Set(shape.dto.fields.filter((f) => f.shape.kind === 'list').map((f) => f.name));
        return (state) => {
          const model: Record<string, unknown> = {};
          for (const [field, values] of state.formFields) {
            const present = values.filter((v) => v !== '');
            if (present.length > 0) model[field] = listFields.has(field) ? present : present[present.length - 1];
          }
          return model;
        };
      }
      return (state) => {
        // FastAPI treats an empty form value as missing.
        const values = state.formFields.get(name)?.filter((v) => v !== '');
        if (!values || values.length === 0) return undefined;
        return isList ? values : values[values.length - 1];
      };
  }
}

export interface ReaderOptions {
  readonly spec: RequestParamSpec;
  /** The parameter's reflected type; `undefined` for function dependencies. */
  readonly reflected: unknown;
  /** Names the parameter in start-up errors: `ItemsController.read() parameter #0`. */
  readonly where: string;
  readonly body: BodyLayout;
  /** The key Fastify gives a path parameter when it differs from its name (`*` for `{name:path}`). */
  readonly pathKey?: string;
}

/** Compiles a request parameter's reader once, at start-up. */
export function compileRequestParam({ spec, reflected, where, body, pathKey }: ReaderOptions): RequestParamReader {
  const shape = paramShape(spec, reflected, where);
  const { options } = spec;
  const hasDefault = 'default' in options;
  const required = options.required ?? !hasDefault;
  if (required && hasDefault && options.required === true) {
    throw new DeftError('DEFT_ERR_PARAM_OPTIONS_INVALID', `${where} has both \`required: true\` and a \`default\`: keep one.`);
  }
  if (spec.source === 'path' && !required) {
    throw new DeftError('DEFT_ERR_PARAM_OPTIONS_INVALID', `${where}: path parameters are always required; remove \`default\` / \`required: false\`.`);
  }
  const isList = shape.kind === 'list';
  if (isList && spec.source === 'path') {
    throw new DeftError('DEFT_ERR_PARAM_TYPE_UNKNOWN', `${where}: a path parameter cannot be a list.`);
  }
  const isFormModel = spec.source === 'form' && spec.name === undefined;
  if (spec.name === undefined && spec.source !== 'body' && !(isFormModel && shape.kind === 'dto')) {
    throw new DeftError(
      'DEFT_ERR_PARAM_OPTIONS_INVALID',
      `${where}: @${spec.source === 'form' ? 'Form' : 'File'}() needs the field's name, e.g. @${spec.source === 'form' ? "Form('username')" : "File('upload')"} (only a DTO-typed @Form() may be unnamed).`,
    );
  }
  const readRaw = compileRawReader(spec, isList, body, isFormModel, shape, pathKey);
  const convert = shape.kind === 'list' ? compileList(shape, spec, where) : compileElement(shape, spec, where, true);
  const namedLoc: Loc = isFormModel ? ['body'] : [LOC_SOURCE[spec.source], spec.name ?? ''];
  const wholeBodyLoc: Loc = ['body'];
  const isJsonBody = spec.source === 'body';
  const defaultValue = options.default;
  const isBodySource = spec.source === 'body' || spec.source === 'form' || spec.source === 'file';
  return {
    spec,
    shape,
    required,
    read(state) {
      const loc = isJsonBody && !body.embedded ? wholeBodyLoc : namedLoc;
      const raw = readRaw(state);
      // FastAPI treats a JSON `null` like an absent body value.
      if (raw === undefined || (raw === null && isBodySource)) {
        if (required) {
          state.errors.push(missingItem(loc));
          return INVALID;
        }
        return cloneDefault(defaultValue);
      }
      return convert(raw, loc, state.errors);
    },
  };
}
