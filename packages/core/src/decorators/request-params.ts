import type { BodyOptions, ParamOptions, ParamSource, ParamValue } from '../params/param-options';
import type { RequestParamSpec } from '../metadata/records';
import { recordParam } from './parameter-target';

export const PARAM_MARKER = Symbol('deft.param');

/**
 * What `@Query(...)` and its siblings return: a parameter decorator that also
 * carries its declaration, so the same call can describe an argument of a
 * function dependency (`defineDependency({ q: Query('q') }, ...)`).
 * `T` is the value type that argument receives.
 */
export interface ParamMarker<T = unknown> extends ParameterDecorator {
  readonly [PARAM_MARKER]: RequestParamSpec;
  /** Type-level only: the value this parameter receives. */
  readonly __value?: T;
}

function marker<T>(spec: RequestParamSpec): ParamMarker<T> {
  const decorate = ((target: object, propertyKey: string | symbol | undefined, index: number) => {
    recordParam(target, propertyKey, index, { kind: 'request', spec });
  }) as ParamMarker<T>;
  Object.defineProperty(decorate, PARAM_MARKER, { value: spec });
  return decorate;
}

function named(source: ParamSource) {
  return <const O extends ParamOptions = Record<never, never>>(name: string, options?: O): ParamMarker<ParamValue<O>> => {
    if (typeof name !== 'string' || name === '') {
      throw new TypeError(`@${source[0]!.toUpperCase()}${source.slice(1)}() needs the parameter's name on the wire`);
    }
    return marker({ source, name, options: options ?? {} });
  };
}

/** A path placeholder: `@Path('item_id')` for `/items/{item_id}`. */
export const Path = named('path');
type BodyArgs<O> = [options?: O] | [name: string, options?: O];

function optionalName(source: 'query' | 'header' | 'cookie' | 'body' | 'form' | 'file') {
  return <const O extends BodyOptions = Record<never, never>>(...args: BodyArgs<O>): ParamMarker<ParamValue<O>> => {
    const [name, options] = typeof args[0] === 'string' ? [args[0], args[1] as O | undefined] : [undefined, args[0]];
    if (name === '') throw new TypeError(`@${source[0]!.toUpperCase()}${source.slice(1)}() needs a name that is not empty`);
    return marker({ source, name, options: options ?? {} });
  };
}

/**
 * A query-string parameter; declared as an array (`type: [String]`) it
 * collects repeated values. Unnamed and typed as a DTO (`@Query() filters:
 * FilterParams`), each field of the DTO is a query parameter.
 */
export const Query = optionalName('query');
/** A request header, matched case-insensitively; unnamed and DTO-typed, each field is a header (`save_data` is `save-data`). */
export const Header = optionalName('header');
/** A cookie; unnamed and DTO-typed, each field is a cookie. */
export const Cookie = optionalName('cookie');

/**
 * The JSON body. Unnamed (`@Body()`), it is the whole body; named
 * (`@Body('item')`) it is embedded under that name when the route has several
 * body parameters or `embed: true`.
 */
export const Body = optionalName('body');
/** A field of a form body (`application/x-www-form-urlencoded` or `multipart/form-data`). */
export const Form = optionalName('form');
/** A file of a `multipart/form-data` body: an `UploadFile` (or a `Buffer` of its content). */
export const File = optionalName('file');
