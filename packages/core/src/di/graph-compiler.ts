import type { DependencyContainer } from 'tsyringe';
import { SecurityScopes } from '../context/security-scopes';
import { DeftError } from '../errors/deft-error';
import { getOwnParams, CONSTRUCTOR } from '../metadata/metadata-store';
import { PARAM_MARKER } from '../decorators/request-params';
import { compileRequestParam, SOURCE_ORDER, type BodyLayout, type RequestParamReader } from '../params/request-param-reader';
import { CacheSlots } from './cache-slots';
import { classifyDependency, dependencyLabel, type DependencyKind } from './dependency-kind';
import type { ArgSlot, DependencyNode, Invoke } from './dependency-node';
import { DEPENDS_MARKER, isDependsMarker, type DependencyEntry, type DependsSpec } from './depends-marker';
import type { DependencyParams } from './function-dependency';
import { memberParams, type ParamDeclaration } from './member-params';
import { ensureService } from './services';
import type { RequestState } from './request-state';
import { BackgroundTasks } from '../context/background-tasks';
import { RequestContext } from '../context/request-context';

/** Types injected by type rather than resolved: also accepted as `@Depends(RequestContext)`. */
const SPECIAL_SLOTS = new Map<unknown, 'scopes' | 'context' | 'background'>([
  [SecurityScopes, 'scopes'],
  [RequestContext, 'context'],
  [BackgroundTasks, 'background'],
]);

/** Per-route compilation state, kept after start-up to compile dependency overrides on demand. */
export class GraphCompiler {
  readonly slots = new CacheSlots();
  readonly body: BodyLayout = { embedded: false };
  /** Every request parameter of the route's graph (for path checks, body layout and OpenAPI). */
  readonly params: RequestParamReader[] = [];
  private readonly stack: { key: unknown; label: string }[] = [];

  constructor(
    readonly container: DependencyContainer,
    /** The route's path-parameter keys as Fastify names them, when they differ (`{p:path}` → `*`). */
    private readonly pathKeys: ReadonlyMap<string, string>,
  ) {}

  /** Compiles a `Depends`/`Security` use under a parent whose accumulated scopes are `parentScopes`. */
  compileDependency(spec: DependsSpec, reflected: unknown, parentScopes: readonly string[], where: string): DependencyNode {
    const target = spec.undefinedGiven ? undefined : (spec.dependency ?? reflected);
    const kind = classifyDependency(target, this.container);
    if (kind.kind === 'invalid') {
      throw new DeftError(
        'DEFT_ERR_DEPENDENCY_INVALID',
        `${where}: ${spec.dependency === undefined ? 'Depends() without an argument uses the parameter type, and ' : ''}${kind.reason}.`,
      );
    }
    return this.compileKind(kind, target, spec, parentScopes, undefined);
  }

  /** Compiles an override's replacement in place of `original` (same cache slot, same inherited scopes). */
  compileOverride(original: DependencyNode, replacement: unknown): DependencyNode {
    const kind = classifyDependency(replacement, this.container);
    if (kind.kind === 'invalid') {
      throw new DeftError('DEFT_ERR_DEPENDENCY_INVALID', `The override for ${original.label}: ${kind.reason}.`);
    }
    const spec = { dependency: undefined, useCache: original.useCache, scopes: [], scope: original.teardownScope };
    return this.compileKind(kind, replacement, spec, original.scopes, original.cacheSlot);
  }

  /** Compiles the parameters of `member` of `cls` into slots under the given scopes. */
  compileMember(cls: object, member: string | typeof CONSTRUCTOR, scopes: readonly string[]): ArgSlot[] {
    return memberParams(cls, member).map((declaration) => this.compileDeclaration(declaration, scopes));
  }

  /** Normalizes an entry of a `dependencies` array. */
  static entrySpec(entry: DependencyEntry): DependsSpec {
    return isDependsMarker(entry) ? entry[DEPENDS_MARKER] : { dependency: entry, useCache: true, scopes: [] };
  }

  private compileDeclaration(declaration: ParamDeclaration, scopes: readonly string[]): ArgSlot {
    switch (declaration.kind) {
      case 'request': {
        const pathKey = declaration.spec.source === 'path' ? this.pathKeys.get(declaration.spec.name ?? '') : undefined;
        const reader = compileRequestParam({ ...declaration, body: this.body, pathKey });
        this.params.push(reader);
        return { kind: 'param', reader };
      }
      case 'depends': {
        const special = SPECIAL_SLOTS.get(declaration.spec.dependency ?? declaration.reflected);
        if (special) return { kind: special };
        return { kind: 'dependency', node: this.compileDependency(declaration.spec, declaration.reflected, scopes, declaration.where) };
      }
      case 'service':
        ensureService(this.container, declaration.token, declaration.where);
        return { kind: 'service', token: declaration.token };
      default:
        return { kind: declaration.kind };
    }
  }

  private compileFunctionParams(params: DependencyParams, label: string, scopes: readonly string[]): ArgSlot[] {
    return Object.entries(params).map(([name, entry]) => {
      const where = `${label} argument "${name}"`;
      if (isDependsMarker(entry)) return this.compileDeclaration({ kind: 'depends', spec: entry[DEPENDS_MARKER], reflected: undefined, where }, scopes);
      if (PARAM_MARKER in entry) return this.compileDeclaration({ kind: 'request', spec: entry[PARAM_MARKER], reflected: undefined, where }, scopes);
      const special = SPECIAL_SLOTS.get(entry);
      if (special) return { kind: special };
      return this.compileDeclaration({ kind: 'service', token: entry as never, where }, scopes);
    });
  }

  private compileKind(
    kind: Exclude<DependencyKind, { kind: 'invalid' }>,
    key: unknown,
    spec: DependsSpec,
    parentScopes: readonly string[],
    fixedSlot: number | undefined,
  ): DependencyNode {
    const label = dependencyLabel(key);
    const cycleStart = this.stack.findIndex((entry) => entry.key === key);
    if (cycleStart >= 0) {
      const cycle = [...this.stack.slice(cycleStart).map((entry) => entry.label), label].join(' → ');
      throw new DeftError('DEFT_ERR_DEPENDENCY_CYCLE', `Dependencies form a cycle: ${cycle}. Break it by moving the shared part into a dependency of its own.`);
    }
    const scopes = [...new Set([...parentScopes, ...spec.scopes])];
    this.stack.push({ key, label });
    let slots: ArgSlot[];
    let invoke: Invoke;
    let disposesInstance = false;
    try {
      ({ slots, invoke, disposesInstance } = this.compileInvocation(kind, label, scopes));
    } finally {
      this.stack.pop();
    }
    const security = kind.kind === 'dependable' ? kind.target.securityScheme : undefined;
    const usesScopes =
      spec.scopes.length > 0 ||
      security !== undefined ||
      slots.some((slot) => slot.kind === 'scopes' || (slot.kind === 'dependency' && slot.node.usesScopes));
    // FastAPI's "computed scope": the declared one, else `request` for a generator (known here for functions and methods).
    const generator = isGeneratorKind(kind);
    const computedScope = spec.scope ?? (generator ? 'request' : undefined);
    if (generator && computedScope === 'request') {
      const early = slots.find((slot) => slot.kind === 'dependency' && slot.node.teardownScope === 'function');
      if (early?.kind === 'dependency') {
        throw new DeftError(
          'DEFT_ERR_DEPENDENCY_SCOPE',
          `The dependency ${label} has a scope of "request" (its teardown runs after the response), so it cannot depend on ${early.node.label}, whose scope is "function" (torn down before the response): give ${label} scope: 'function' too, or drop the scope of ${early.node.label}.`,
        );
      }
    }
    return buildNode({
      key,
      label,
      useCache: spec.useCache,
      cacheSlot: fixedSlot ?? this.slots.slotFor(key, usesScopes ? scopes : undefined, computedScope),
      scopes,
      usesScopes,
      security,
      slots,
      invoke,
      disposesInstance,
      teardownScope: spec.scope ?? 'request',
    });
  }

  private compileInvocation(
    kind: Exclude<DependencyKind, { kind: 'invalid' }>,
    label: string,
    scopes: readonly string[],
  ): { slots: ArgSlot[]; invoke: Invoke; disposesInstance: boolean } {
    switch (kind.kind) {
      case 'dependable': {
        const target = kind.target;
        const cls = target.constructor;
        if (hasDecoratedResolve(cls)) {
          return { slots: this.compileMember(cls, 'resolve', scopes), invoke: (args) => target.resolve(...(args as [never, never])), disposesInstance: false };
        }
        return { slots: [], invoke: (_args, state, node) => target.resolve(state.context, node.securityScopes), disposesInstance: false };
      }
      case 'class': {
        const cls = kind.target;
        const ctorSlots = this.compileMember(cls, CONSTRUCTOR, scopes);
        const hasResolve = typeof (cls.prototype as { resolve?: unknown }).resolve === 'function';
        const resolveSlots = hasResolve ? this.compileMember(cls, 'resolve', scopes) : [];
        const split = ctorSlots.length;
        const proto = cls.prototype as Record<symbol, unknown>;
        const disposesInstance = typeof proto[Symbol.asyncDispose] === 'function' || typeof proto[Symbol.dispose] === 'function';
        const invoke: Invoke = hasResolve
          ? (args, state, node) => {
              const instance = new cls(...args.slice(0, split)) as { resolve(...a: unknown[]): unknown };
              if (node.disposesInstance) registerDisposal(state, node, instance);
              return instance.resolve(...args.slice(split));
            }
          : (args, state, node) => {
              const instance = new cls(...args);
              if (node.disposesInstance) registerDisposal(state, node, instance as object);
              return instance;
            };
        return { slots: [...ctorSlots, ...resolveSlots], invoke, disposesInstance };
      }
      case 'function': {
        const fn = kind.target;
        if (!kind.params) return { slots: [], invoke: () => fn(), disposesInstance: false };
        const names = Object.keys(kind.params);
        const slots = this.compileFunctionParams(kind.params, label, scopes);
        const invoke: Invoke = (args) => {
          const named: Record<string, unknown> = {};
          for (let i = 0; i < names.length; i++) named[names[i]!] = args[i];
          return fn(named);
        };
        return { slots, invoke, disposesInstance: false };
      }
      case 'service': {
        const token = kind.target;
        ensureService(this.container, token, label);
        return { slots: [], invoke: (_args, state) => state.container.resolve(token), disposesInstance: false };
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

function registerDisposal(state: RequestState, node: DependencyNode, instance: object): void {
  const disposable = instance as { [Symbol.asyncDispose]?: () => unknown; [Symbol.dispose]?: () => unknown };
  const dispose = disposable[Symbol.asyncDispose] ?? disposable[Symbol.dispose];
  if (dispose) state.addTeardown({ label: node.label, dispose: () => dispose.call(instance) }, node.teardownScope);
}

const GENERATOR_TAGS = new Set(['[object AsyncGeneratorFunction]', '[object GeneratorFunction]']);

/** Whether a dependency is a generator, as far as its declaration shows (functions, `resolve` methods). */
function isGeneratorKind(kind: Exclude<DependencyKind, { kind: 'invalid' }>): boolean {
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

type NodeInit = Omit<DependencyNode, 'securityScopes' | 'dependencyIndexes' | 'paramIndexes' | 'injectedIndexes'>;

/** Finishes a node: precomputes its `SecurityScopes` and the evaluation order of its slots. */
export function buildNode(init: NodeInit): DependencyNode {
  const indexes = init.slots.map((_, i) => i);
  const paramSlot = (i: number) => init.slots[i] as ArgSlot & { kind: 'param' };
  return {
    ...init,
    securityScopes: new SecurityScopes(init.scopes),
    dependencyIndexes: indexes.filter((i) => init.slots[i]!.kind === 'dependency'),
    paramIndexes: indexes
      .filter((i) => init.slots[i]!.kind === 'param')
      .sort((a, b) => SOURCE_ORDER[paramSlot(a).reader.spec.source] - SOURCE_ORDER[paramSlot(b).reader.spec.source] || a - b),
    injectedIndexes: indexes.filter((i) => init.slots[i]!.kind !== 'dependency' && init.slots[i]!.kind !== 'param'),
  };
}
