import type { DependencyContainer, InjectionToken } from 'tsyringe';
import { DeftError } from '../errors/deft-error';
import { disposerExit } from '../lifecycle/exit';
import type { ScopeFrame } from '../lifecycle/scope-frame';
import { designParamTypes } from '../metadata/design-types';
import { isUserClass } from '../dto/user-class';

type ServiceClass = (new (...args: unknown[]) => unknown) & { name: string };

/** tsyringe's `@inject(token)` / `@injectAll(token)` record constructor tokens under this key. */
const TSYRINGE_INJECTION_TOKENS = 'injectionTokens';

/** What tsyringe records for `@injectAll(token)` and optional injections (a plain token otherwise). */
interface TokenDescriptor {
  token: InjectionToken;
  multiple: boolean;
  isOptional?: boolean;
  transform?: unknown;
}

function isTokenDescriptor(value: unknown): value is TokenDescriptor {
  return typeof value === 'object' && value !== null && 'token' in value && 'multiple' in value;
}

function tokenName(token: InjectionToken): string {
  return typeof token === 'function' ? token.name : String(token);
}

/** Where a service is resolved per request: the app's container, or the request's own child container. */
export type ServiceHome = 'app' | 'request';

type Disposable = { [Symbol.asyncDispose]?: () => unknown; [Symbol.dispose]?: () => unknown; dispose?: () => unknown };

/** How an instance is disposed, if it is disposable at all (`Symbol.asyncDispose`, `Symbol.dispose`, tsyringe's `dispose()`). */
function disposerOf(instance: unknown): (() => unknown) | undefined {
  if (typeof instance !== 'object' || instance === null) return undefined;
  const candidate = instance as Disposable;
  const dispose = candidate[Symbol.asyncDispose] ?? candidate[Symbol.dispose] ?? (candidate.dispose?.length === 0 ? candidate.dispose : undefined);
  return typeof dispose === 'function' ? () => dispose.call(instance) : undefined;
}

/**
 * The services of one app, in its own child container. A class that nobody
 * registered becomes a singleton of the app (and so do the classes its
 * constructor needs), built by Deft from its constructor's types: Deft does
 * not change the class (no tsyringe `@injectable()` is applied to it), and a
 * singleton that is disposable is disposed when the app frame ends, after
 * every request. What the application registered itself keeps its lifecycle
 * and is resolved through the request's child container (so
 * `Lifecycle.ContainerScoped` gives each request its own instance).
 */
export class AppServices {
  private readonly singletons = new Set<InjectionToken>();

  constructor(
    readonly container: DependencyContainer,
    private readonly frame: ScopeFrame,
  ) {}

  /** Makes sure `token` can be resolved, at start-up; says where a request resolves it. */
  ensure(token: InjectionToken, where: string): ServiceHome {
    this.register(token, where, new Set());
    return this.singletons.has(token) ? 'app' : 'request';
  }

  private register(token: InjectionToken, where: string, seen: Set<unknown>): void {
    if (this.singletons.has(token) || this.container.isRegistered(token, true) || seen.has(token)) return;
    seen.add(token);
    if (!isUserClass(token)) {
      throw new DeftError(
        'DEFT_ERR_DEPENDENCY_UNRESOLVABLE',
        `${where} needs the container token ${tokenName(token)}, which is not registered: register it (container.register(${JSON.stringify(tokenName(token))}, { useValue: ... })) and pass that container to createApp({ container }).`,
      );
    }
    const cls = token as unknown as ServiceClass;
    const types = designParamTypes(cls);
    if (cls.length > 0 && !types) {
      throw new DeftError(
        'DEFT_ERR_DESIGN_TYPES_MISSING',
        `${where} needs the service ${cls.name}, whose constructor takes ${cls.length} parameter(s) but TypeScript emitted no types for them: add tsyringe's @injectable() to ${cls.name}.`,
      );
    }
    const injected = (Reflect.getOwnMetadata?.(TSYRINGE_INJECTION_TOKENS, cls) as Record<number, unknown> | undefined) ?? {};
    const args = (types ?? []).map((type, index) => this.argument(cls, index, injected[index] ?? type, seen));
    let instance: unknown;
    let made = false;
    const make = (): unknown => {
      if (!made) {
        instance = new cls(...args.map((resolve) => resolve()));
        made = true;
        const dispose = disposerOf(instance);
        if (dispose) this.frame.push(disposerExit(cls.name, dispose));
      }
      return instance;
    };
    this.container.register(token, { useFactory: make });
    this.singletons.add(token);
  }

  /** How a singleton's constructor argument is resolved (always from the app's container: a singleton outlives any request). */
  private argument(cls: ServiceClass, index: number, declared: unknown, seen: Set<unknown>): () => unknown {
    const where = `${cls.name} constructor parameter #${index}`;
    if (isTokenDescriptor(declared)) {
      if (declared.transform !== undefined) {
        throw new DeftError(
          'DEFT_ERR_DEPENDENCY_UNRESOLVABLE',
          `${where} uses tsyringe's @injectWithTransform, which Deft does not apply to the classes it registers: register ${cls.name} in your container yourself and pass it to createApp({ container }).`,
        );
      }
      const { token, multiple, isOptional } = declared;
      if (!isOptional || isUserClass(token)) this.register(token, where, seen);
      if (multiple) return () => this.container.resolveAll(token);
      return isOptional ? () => (this.container.isRegistered(token, true) ? this.container.resolve(token) : undefined) : () => this.container.resolve(token);
    }
    if (typeof declared === 'string' || typeof declared === 'symbol' || isUserClass(declared)) {
      const token = declared as InjectionToken;
      this.register(token, where, seen);
      return () => this.container.resolve(token);
    }
    throw new DeftError(
      'DEFT_ERR_DEPENDENCY_UNRESOLVABLE',
      `${where} is a ${typeof declared === 'function' ? declared.name : 'value of unknown type'}, which the container cannot provide: give it a class type, or name a registered token with tsyringe's @inject('token').`,
    );
  }
}
