import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { FastifyRequest } from 'fastify';
import type { ResolutionFrame } from '../context/resolution-frame';
import { INVALID } from '../dto/invalid';
import { DeftError } from '../errors/deft-error';
import type { ValidationErrorItem } from '../errors/request-validation-error';
import { designPropertyType } from '../metadata/design-types';
import { compileRequestParam } from '../params/request-param-reader';
import { settingsOf } from './setting-decorator';

export interface LoadSettingsOptions {
  /** The environment (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** A dotenv file read under the environment (default `.env` in the working directory, if there is one); `null` for none. */
  envFile?: string | null;
}

/** Every problem with the environment, found at once, each as a validation error item at the variable's name. */
export class SettingsError extends DeftError {
  readonly problems: readonly ValidationErrorItem[];

  constructor(cls: { name: string }, problems: readonly ValidationErrorItem[]) {
    const lines = problems.map((item) => `  - ${item.loc.join('.')}: ${item.msg}${item.type === 'missing' ? '' : ` (got ${JSON.stringify(item.input)})`}`);
    super('DEFT_ERR_SETTINGS_INVALID', `${cls.name} cannot be read from the environment:\n${lines.join('\n')}`);
    this.problems = problems;
  }
}

/** What the setting readers see: the variables as a request's query, so conversion and checks are a query parameter's. */
function variablesFrame(variables: Readonly<Record<string, string | undefined>>, errors: ValidationErrorItem[]): ResolutionFrame {
  // Only `request.query` and `errors` are read by a query parameter's reader.
  return { request: { query: variables } as unknown as FastifyRequest, errors } as unknown as ResolutionFrame;
}

/**
 * A setting's type: the declared one; for a property whose type TypeScript
 * inferred from its initializer (`port = 8000`, which reflects as `Object`),
 * that of the default value.
 */
function typeOf(reflected: unknown, current: unknown): unknown {
  if (reflected !== Object) return reflected;
  switch (typeof current) {
    case 'string':
      return String;
    case 'number':
      return Number;
    case 'boolean':
      return Boolean;
    default:
      return reflected;
  }
}

/** A list-typed setting is written as a JSON array (`["a","b"]`), as pydantic-settings reads one. */
function asList(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))) : text;
  } catch {
    return text;
  }
}

/**
 * Reads a settings class (see `@Setting`): each setting from the
 * environment, else from the `.env` file, else its default (the precedence
 * of pydantic-settings), converted and checked as a query parameter. Every
 * problem is reported in one `SettingsError`, so a misconfigured deployment
 * is fixed in one go.
 */
export function loadSettings<T extends object>(cls: new () => T, options: LoadSettingsOptions = {}): T {
  const env = options.env ?? process.env;
  const envFile = options.envFile === undefined ? '.env' : options.envFile;
  const fromFile = envFile !== null && existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  const instance = new cls();
  const errors: ValidationErrorItem[] = [];
  for (const { property, variable, options: settingOptions } of settingsOf(cls)) {
    const current = (instance as Record<string, unknown>)[property];
    const reflected = typeOf(designPropertyType(cls, property), current);
    const spec = { source: 'query' as const, name: variable, options: current === undefined ? settingOptions : { default: current, ...settingOptions } };
    const reader = compileRequestParam({ spec, reflected, where: `${cls.name}.${property}`, body: { embedded: false } });
    const raw = env[variable] ?? fromFile[variable];
    const found = errors.length;
    const value = reader.read(variablesFrame({ [variable]: reader.shape.kind === 'list' ? (asList(raw) as string) : raw }, errors));
    for (let i = found; i < errors.length; i++) errors[i] = { ...errors[i]!, loc: errors[i]!.loc.slice(1) };
    if (value !== INVALID) (instance as Record<string, unknown>)[property] = value;
  }
  if (errors.length > 0) throw new SettingsError(cls, errors);
  return instance;
}
