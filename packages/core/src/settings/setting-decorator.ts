import type { ParamOptions } from '../params/param-options';

/** One declared setting: the property, the environment variable it is read from, and its constraints. */
export interface SettingDeclaration {
  readonly property: string;
  readonly variable: string;
  readonly options: ParamOptions;
}

const declarations = new WeakMap<object, SettingDeclaration[]>();

/**
 * Declares a setting: the property is read from environment variable
 * `variable` (or the `.env` file), converted and checked exactly as a query
 * parameter of that type would be (`type: Int`, `ge`, `maxLength`,
 * `pattern`, `enum`, ...). The property's initializer is its default; a
 * property without one is required.
 *
 * ```ts
 * class AppSettings {
 *   @Setting('DATABASE_URL') databaseUrl = 'sqlite://data/app.sqlite';
 *   @Setting('PORT', { type: Int, ge: 1, le: 65535 }) port = 8000;
 *   @Setting('JWT_SECRET', { minLength: 32 }) jwtSecret!: string;
 * }
 * ```
 */
export function Setting(variable: string, options: ParamOptions = {}): PropertyDecorator {
  return (target, property) => {
    if (typeof property !== 'string') throw new TypeError('@Setting() needs a property with a string name');
    const cls = (target as { constructor: object }).constructor;
    const list = declarations.get(cls) ?? [];
    list.push({ property, variable, options });
    declarations.set(cls, list);
  };
}

/** The settings a class declares, its ancestors' first. */
export function settingsOf(cls: object): SettingDeclaration[] {
  const chain: object[] = [];
  for (let c: object | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  return chain.flatMap((c) => declarations.get(c) ?? []);
}
