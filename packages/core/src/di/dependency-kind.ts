import type { DependencyContainer, InjectionToken } from 'tsyringe';
import { isUserClass } from '../dto/user-class';
import { isDependableObject, type Dependable } from './dependable';
import { functionDependencyParams, type DependencyParams } from './function-dependency';

/** What a dependency is, decided at start-up from the four forms `@Depends(x)` accepts. */
export type DependencyKind =
  | { readonly kind: 'dependable'; readonly target: Dependable }
  | { readonly kind: 'class'; readonly target: new (...args: unknown[]) => unknown }
  | { readonly kind: 'function'; readonly target: (...args: unknown[]) => unknown; readonly params: DependencyParams | undefined }
  | { readonly kind: 'service'; readonly target: InjectionToken }
  | { readonly kind: 'invalid'; readonly reason: string };

const BUILT_IN_TYPES = new Set<unknown>([Object, String, Number, Boolean, Array, Date, Function, Promise, Symbol, BigInt]);

function isClassSyntax(fn: (...args: never[]) => unknown): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

export function dependencyLabel(target: unknown): string {
  if (typeof target === 'function') return isClassSyntax(target as () => unknown) ? target.name : `${target.name || 'anonymous'}()`;
  if (isDependableObject(target)) return target.securityScheme?.name ?? target.constructor.name;
  return String(target);
}

export function classifyDependency(target: unknown, container: DependencyContainer): DependencyKind {
  if (isDependableObject(target)) return { kind: 'dependable', target };
  if (typeof target === 'function') {
    const fn = target as (...args: unknown[]) => unknown;
    if (BUILT_IN_TYPES.has(fn)) {
      return {
        kind: 'invalid',
        reason: `the type ${fn.name} is not a dependency (an interface, a union or \`any\` reflects as Object): pass the dependency explicitly, @Depends(x), or type the parameter with a class`,
      };
    }
    if (isClassSyntax(fn)) {
      if (!isUserClass(fn)) return { kind: 'invalid', reason: `${fn.name} is a built-in type, not a dependency` };
      return container.isRegistered(fn as InjectionToken, true)
        ? { kind: 'service', target: fn as InjectionToken }
        : { kind: 'class', target: fn as new (...args: unknown[]) => unknown };
    }
    const params = functionDependencyParams(fn);
    if (params || fn.length === 0) return { kind: 'function', target: fn, params };
    return {
      kind: 'invalid',
      reason:
        `function ${fn.name || '(anonymous)'} takes ${fn.length} parameter(s), but TypeScript keeps no names or types of function parameters: ` +
        'declare them with defineDependency({ name: Query(...), other: Depends(...) }, fn), or use a class with a resolve() method',
    };
  }
  if (typeof target === 'string' || typeof target === 'symbol') return { kind: 'service', target };
  if (target === undefined || target === null) return { kind: 'invalid', reason: 'the dependency is undefined (a circular import?)' };
  return { kind: 'invalid', reason: 'it is not a function, a class, an object with a resolve() method, or a container token' };
}

const GENERATOR_TAGS = new Set(['[object AsyncGeneratorFunction]', '[object GeneratorFunction]']);

/** Whether a dependency is a generator, as far as its declaration shows (functions, `resolve` methods). */
export function isGeneratorKind(kind: Exclude<DependencyKind, { kind: 'invalid' }>): boolean {
  const fn =
    kind.kind === 'function'
      ? kind.target
      : kind.kind === 'class'
        ? (kind.target.prototype as { resolve?: unknown }).resolve
        : kind.kind === 'dependable'
          ? kind.target.resolve
          : undefined;
  return typeof fn === 'function' && GENERATOR_TAGS.has(Object.prototype.toString.call(fn));
}
