import { dtoValidation } from '../dto/dto-validator';
import { INVALID } from '../dto/invalid';
import { DeftError } from '../errors/deft-error';
import { missingItem, validationItem, type ValidationErrorItem } from '../errors/request-validation-error';
import type { RequestParamSpec } from '../metadata/records';
import type { ResolutionFrame } from '../context/resolution-frame';
import { requestCookies } from '../http/request-cookies';
import { compileConstraints, compileListLengthChecks, enumIssue } from './constraints';
import { isIssue } from './conversion-issue';
import { inlineReadOf, type InlineRead } from './inline-read';
import type { ParamSource } from './param-options';
import { compileModelInput, extraForbidden, headerValues, isModelSource } from './param-model';
import { paramShape, type ParamShape } from './param-shape';
import { converterFor } from './scalar-conversion';
import { isDecimalValue } from './decimal-type';
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
  /** How a route's generated code reads a good value itself (a scalar path, query or header parameter), handing the rest to `read`. */
  readonly inline?: InlineRead;
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

/** A fresh copy of a default for each request, but of an immutable decimal (which a copy would strip of its class). */
function cloneDefault(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !isDecimalValue(value) ? structuredClone(value) : value;
}

/** Converts and checks one value (a list element or a scalar); `undefined` result means an error was recorded. */
type ElementReader = (raw: unknown, loc: Loc, errors: ValidationErrorItem[]) => unknown;

function compileElement(shape: ParamShape, spec: RequestParamSpec, where: string, checkConstraints: boolean): ElementReader {
  switch (shape.kind) {
    case 'scalar': {
      const convert = converterFor(shape);
      const checks = checkConstraints ? compileConstraints(spec.options, where) : [];
      // A value that is none of an enum's is reported as that, whatever its type (Pydantic's `enum`, not `int_parsing`).
      const notAChoice = spec.options.enum === undefined ? undefined : enumIssue(spec.options.enum);
      return (raw, loc, errors) => {
        const value = convert(raw);
        if (isIssue(value)) {
          const issue = notAChoice ?? value;
          errors.push(validationItem(issue.type, loc, issue.msg, raw, issue.ctx));
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
      return dtoValidation(shape.dto);
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

function compileRawReader(spec: RequestParamSpec, isList: boolean, layout: BodyLayout, pathKey: string | undefined): RawReader {
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
  const isModel = spec.name === undefined && isModelSource(spec.source) && shape.kind === 'dto';
  if (spec.name === undefined && spec.source !== 'body' && !isModel) {
    const decorator = `@${spec.source[0]!.toUpperCase()}${spec.source.slice(1)}`;
    throw new DeftError(
      'DEFT_ERR_PARAM_OPTIONS_INVALID',
      `${where}: ${decorator}() needs the ${spec.source === 'form' || spec.source === 'file' ? "field's" : "parameter's"} name, e.g. ${decorator}('${EXAMPLE_NAMES[spec.source]}') (only a DTO-typed ${spec.source === 'file' ? '@Form()' : `${decorator}()`} may be unnamed: a parameter model).`,
    );
  }
  if (options.extra !== undefined && !isModel) {
    throw new DeftError('DEFT_ERR_PARAM_OPTIONS_INVALID', `${where}: \`extra\` applies to a parameter model (an unnamed, DTO-typed @Query(), @Header(), @Cookie() or @Form()).`);
  }
  if (isModel && shape.kind === 'dto') return compileModelReader(spec, shape, where, required);
  const readRaw = compileRawReader(spec, isList, body, pathKey);
  const convert = shape.kind === 'list' ? compileList(shape, spec, where) : compileElement(shape, spec, where, true);
  const namedLoc: Loc = [LOC_SOURCE[spec.source], spec.name ?? ''];
  const wholeBodyLoc: Loc = ['body'];
  const isJsonBody = spec.source === 'body';
  const defaultValue = options.default;
  const isBodySource = spec.source === 'body' || spec.source === 'form' || spec.source === 'file';
  return {
    spec,
    shape,
    required,
    inline: inlineReadOf(spec, shape, required, pathKey, where),
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

const EXAMPLE_NAMES: Readonly<Record<ParamSource, string>> = {
  path: 'item_id',
  query: 'q',
  header: 'x-token',
  cookie: 'session',
  body: 'item',
  form: 'username',
  file: 'upload',
};

/**
 * A parameter model: a DTO whose fields are the query parameters, headers,
 * cookies or form fields, validated together at `[source, field]`, with
 * FastAPI's `extra_forbidden` for anything else sent under `extra: 'forbid'`.
 */
function compileModelReader(spec: RequestParamSpec, shape: ParamShape & { kind: 'dto' }, where: string, required: boolean): RequestParamReader {
  const source = spec.source as 'query' | 'header' | 'cookie' | 'form';
  const input = compileModelInput(source, shape.dto, where);
  const forbid = spec.options.extra === 'forbid';
  const loc = LOC_SOURCE[source];
  const validate = dtoValidation(shape.dto);
  return {
    spec,
    shape,
    required,
    read(state) {
      const { value, extra } = input(state);
      const result = validate(value, [loc], state.errors);
      if (!forbid || extra.length === 0) return result;
      const reject = (): typeof INVALID => {
        extraForbidden(loc, extra, state.errors);
        return INVALID;
      };
      return isThenable(result) ? result.then(reject) : reject();
    },
  };
}
