import { DeftError } from '../errors/deft-error';
import { getOwnParams, CONSTRUCTOR } from '../metadata/metadata-store';
import { DEPENDS_MARKER, type DependencyEntry, type DependencyScope, type DependsSpec } from '../metadata/depends-spec';
import { PARAM_MARKER } from '../decorators/request-params';
import { compileRequestParam, type RequestParamReader } from '../params/request-param-reader';
import type { CompileSite } from './compile-site';
import type { NodeIndex } from './node-index';
import { classifyDependency, dependencyLabel, isGeneratorKind, type DependencyKind } from './dependency-kind';
import type { ArgSlot, DependencyNode, Invoke } from './dependency-node';
import { isDependsMarker } from './depends-marker';
import type { DependencyParams } from './function-dependency';
import { INJECTED_TYPES } from './injected-types';
import { namedArguments } from './named-arguments';
import { memberParams, type ParamDeclaration } from './member-params';
import { buildNode } from './build-node';
import { assignScope, type Enclosing } from './scope-rules';
import type { InjectionToken } from 'tsyringe';
import type { ResolutionFrame } from '../context/resolution-frame';
import { disposerExit } from '../lifecycle/exit';
import type { ServiceHome } from './app-services';

type ValidKind = Exclude<DependencyKind, { kind: 'invalid' }>;

/** How a dependency is called, and from what. */
interface Invocation {
  readonly slots: ArgSlot[];
  readonly invoke: Invoke;
  readonly disposesInstance: boolean;
  /** Set when the call itself reads the request (not through a slot): why the node is per request. */
  readonly readsRequest?: string;
}

/** Where a handler's own parameters are compiled: a request, no scopes required yet. */
export const HANDLER: Enclosing = { scopes: [], scope: 'request', owner: undefined };

/**
 * Compiles one route's dependency graph (or one override's replacement)
 * against its site: reads each member's parameter declarations, classifies
 * dependencies, assigns every node its rung of the scope ladder, and checks
 * what cannot work, throwing a `DeftError` that names it. Collects the request
 * parameters of the whole graph for the route's checks and its OpenAPI.
 */
export class GraphCompiler {
  /** Every request parameter of the graph (for path checks, body layout and OpenAPI). */
  readonly params: RequestParamReader[] = [];
  private readonly stack: { key: unknown; label: string }[] = [];

  constructor(
    readonly site: CompileSite,
    /** Where the route's own nodes are recorded for overrides; none for a replacement's. */
    private readonly index: NodeIndex | undefined,
  ) {}

  /** Compiles a `Depends`/`Security` use under its parent. */
  compileDependency(spec: DependsSpec, reflected: unknown, enclosing: Enclosing, where: string): DependencyNode {
    const target = spec.undefinedGiven ? undefined : (spec.dependency ?? reflected);
    const kind = classifyDependency(target, this.site.services.container);
    if (kind.kind === 'invalid') {
      throw new DeftError(
        'DEFT_ERR_DEPENDENCY_INVALID',
        `${where}: ${spec.dependency === undefined ? 'Depends() without an argument uses the parameter type, and ' : ''}${kind.reason}.`,
      );
    }
    return this.compileKind(kind, target, spec, enclosing);
  }

  /**
   * Compiles an override's replacement in place of `original`: the same
   * inherited scopes, `useCache` and declared scope, and the same cache key
   * (FastAPI caches a replacement's value under the original's key), except
   * on the app rung, where a value outlives the override that made it.
   */
  compileReplacement(original: DependencyNode, replacement: unknown): DependencyNode {
    const kind = classifyDependency(replacement, this.site.services.container);
    if (kind.kind === 'invalid') {
      throw new DeftError('DEFT_ERR_DEPENDENCY_INVALID', `The override for ${original.label}: ${kind.reason}.`);
    }
    const spec: DependsSpec = { dependency: undefined, useCache: original.useCache, scopes: [], scope: original.declaredScope };
    const enclosing: Enclosing = { scopes: original.scopes, scope: original.scope === 'app' ? 'app' : 'request', owner: original.scope === 'app' ? original.label : undefined };
    return this.compileKind(kind, replacement, spec, enclosing, original.scope === 'app' ? undefined : original);
  }

  /** Compiles the parameters of `member` of `cls` into slots. */
  compileMember(cls: object, member: string | typeof CONSTRUCTOR, enclosing: Enclosing): ArgSlot[] {
    return memberParams(cls, member).map((declaration) => this.compileDeclaration(declaration, enclosing));
  }

  /** Normalizes an entry of a `dependencies` array. */
  static entrySpec(entry: DependencyEntry): DependsSpec {
    return isDependsMarker(entry) ? entry[DEPENDS_MARKER] : { dependency: entry, useCache: true, scopes: [] };
  }

  private compileDeclaration(declaration: ParamDeclaration, enclosing: Enclosing): ArgSlot {
    switch (declaration.kind) {
      case 'request': {
        const pathKey = declaration.spec.source === 'path' ? this.site.pathKeys.get(declaration.spec.name ?? '') : undefined;
        const reader = compileRequestParam({ spec: declaration.spec, reflected: declaration.reflected, where: declaration.where, body: this.site.body, pathKey });
        this.params.push(reader);
        return { kind: 'param', reader };
      }
      case 'depends': {
        const injected = INJECTED_TYPES.get(declaration.spec.dependency ?? declaration.reflected);
        if (injected) return { kind: injected };
        return { kind: 'dependency', node: this.compileDependency(declaration.spec, declaration.reflected, enclosing, declaration.where) };
      }
      case 'service':
        return { kind: 'service', token: declaration.token, from: this.serviceHome(declaration.token, declaration.where, enclosing) };
      default:
        return { kind: declaration.kind };
    }
  }

  /** Where a service is resolved: an app-scoped dependency always takes the app's (a singleton, or the app's own instance). */
  private serviceHome(token: InjectionToken, where: string, enclosing: Enclosing): ServiceHome {
    const home = this.site.services.ensure(token, where);
    return enclosing.scope === 'app' ? 'app' : home;
  }

  private compileFunctionParams(params: DependencyParams, label: string, enclosing: Enclosing): ArgSlot[] {
    return Object.entries(params).map(([name, entry]) => {
      const where = `${label} argument "${name}"`;
      if (isDependsMarker(entry)) return this.compileDeclaration({ kind: 'depends', spec: entry[DEPENDS_MARKER], reflected: undefined, where }, enclosing);
      if (PARAM_MARKER in entry) return this.compileDeclaration({ kind: 'request', spec: entry[PARAM_MARKER], reflected: undefined, where }, enclosing);
      const injected = INJECTED_TYPES.get(entry);
      if (injected) return { kind: injected };
      return this.compileDeclaration({ kind: 'service', token: entry as never, where }, enclosing);
    });
  }

  private compileKind(kind: ValidKind, key: unknown, spec: DependsSpec, enclosing: Enclosing, replacing?: DependencyNode): DependencyNode {
    const label = dependencyLabel(key);
    const cycleStart = this.stack.findIndex((entry) => entry.key === key);
    if (cycleStart >= 0) {
      const cycle = [...this.stack.slice(cycleStart).map((entry) => entry.label), label].join(' → ');
      throw new DeftError('DEFT_ERR_DEPENDENCY_CYCLE', `Dependencies form a cycle: ${cycle}. Break it by moving the shared part into a dependency of its own.`);
    }
    const scopes = [...new Set([...enclosing.scopes, ...spec.scopes])];
    // FastAPI's "computed scope": the declared one, else `request` for a generator (known here for functions and methods).
    const computedScope: DependencyScope | undefined = spec.scope ?? (isGeneratorKind(kind) ? 'request' : undefined);
    const own: DependencyScope = computedScope ?? (enclosing.scope === 'app' ? 'app' : 'request');
    const inner: Enclosing = { scopes, scope: own === 'app' ? 'app' : 'request', owner: own === 'app' ? (computedScope === 'app' ? label : enclosing.owner) : undefined };
    this.stack.push({ key, label });
    let compiled: Invocation;
    try {
      compiled = this.compileInvocation(kind, label, inner);
    } finally {
      this.stack.pop();
    }
    const { slots, invoke, disposesInstance, readsRequest } = compiled;
    const scope = assignScope({ label, declared: computedScope, own, owner: inner.owner, slots, readsRequest });
    const security = kind.kind === 'dependable' ? kind.target.securityScheme : undefined;
    const usesScopes =
      spec.scopes.length > 0 ||
      security !== undefined ||
      slots.some((slot) => slot.kind === 'scopes' || (slot.kind === 'dependency' && slot.node.usesScopes));
    const node = buildNode({
      key,
      label,
      useCache: spec.useCache,
      cacheKey: replacing?.cacheKey ?? this.site.keys.keyFor(key, label, usesScopes ? scopes : undefined, computedScope),
      scopes,
      usesScopes,
      security,
      slots,
      invoke,
      disposesInstance,
      declaredScope: spec.scope,
      computedScope,
      scope,
      site: this.site,
    });
    this.index?.add(node);
    return node;
  }

  private compileInvocation(kind: ValidKind, label: string, enclosing: Enclosing): Invocation {
    switch (kind.kind) {
      case 'dependable': {
        const target = kind.target;
        const cls = target.constructor;
        if (hasDecoratedResolve(cls)) {
          return { slots: this.compileMember(cls, 'resolve', enclosing), invoke: (args) => target.resolve(...(args as [never, never])), disposesInstance: false };
        }
        // An undecorated `resolve(context, scopes)` reads the connection: it is per request.
        return {
          slots: [],
          invoke: (_args, frame, node) => target.resolve(frame.context, node.securityScopes),
          disposesInstance: false,
          readsRequest: `its resolve(context) reads the request`,
        };
      }
      case 'class': {
        const cls = kind.target;
        const ctorSlots = this.compileMember(cls, CONSTRUCTOR, enclosing);
        const hasResolve = typeof (cls.prototype as { resolve?: unknown }).resolve === 'function';
        const resolveSlots = hasResolve ? this.compileMember(cls, 'resolve', enclosing) : [];
        const split = ctorSlots.length;
        const proto = cls.prototype as Record<symbol, unknown>;
        const disposesInstance = typeof proto[Symbol.asyncDispose] === 'function' || typeof proto[Symbol.dispose] === 'function';
        const invoke: Invoke = hasResolve
          ? (args, frame, node) => {
              const instance = new cls(...args.slice(0, split)) as { resolve(...a: unknown[]): unknown };
              if (node.disposesInstance) registerDisposal(frame, node, instance);
              return instance.resolve(...args.slice(split));
            }
          : (args, frame, node) => {
              const instance = new cls(...args);
              if (node.disposesInstance) registerDisposal(frame, node, instance as object);
              return instance;
            };
        return { slots: [...ctorSlots, ...resolveSlots], invoke, disposesInstance };
      }
      case 'function': {
        const fn = kind.target;
        if (!kind.params) return { slots: [], invoke: () => fn(), disposesInstance: false };
        const named = namedArguments(Object.keys(kind.params));
        const slots = this.compileFunctionParams(kind.params, label, enclosing);
        const invoke: Invoke = (args) => fn(named(args));
        return { slots, invoke, disposesInstance: false };
      }
      case 'service': {
        const token = kind.target;
        const home = this.serviceHome(token, label, enclosing);
        const invoke: Invoke = home === 'app' ? (_args, frame) => frame.app.container.resolve(token) : (_args, frame) => frame.container.resolve(token);
        return { slots: [], invoke, disposesInstance: false };
      }
    }
  }
}

function hasDecoratedResolve(cls: object): boolean {
  for (let c: object | null = cls; c && c !== Object; c = Object.getPrototypeOf(c)) {
    if (getOwnParams(c, 'resolve') !== undefined) return true;
  }
  return false;
}

function registerDisposal(frame: ResolutionFrame, node: DependencyNode, instance: object): void {
  const disposable = instance as { [Symbol.asyncDispose]?: () => unknown; [Symbol.dispose]?: () => unknown };
  const dispose = disposable[Symbol.asyncDispose] ?? disposable[Symbol.dispose];
  if (dispose) frame.frameFor(node.scope).push(disposerExit(node.label, () => dispose.call(instance)));
}
