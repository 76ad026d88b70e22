import { DeftError } from '../errors/deft-error';
import type { DependencyScope } from '../metadata/depends-spec';
import type { ArgSlot, DependencyNode } from './dependency-node';
import { isPerRequest, type InjectedKind } from './injected-types';

/** What a node's parameters are compiled under: the scopes required so far, and the rung they are resolved on. */
export interface Enclosing {
  readonly scopes: readonly string[];
  /** `app` inside a `scope: 'app'` dependency (whose inputs are resolved once, for the app), `request` otherwise. */
  readonly scope: 'app' | 'request';
  /** The `scope: 'app'` dependency whose inputs these are, for messages. */
  readonly owner: string | undefined;
}

/** The ladder's rungs from the widest: a dependency may need only its own rung or a wider one. */
const RANK: Readonly<Record<DependencyScope, number>> = { app: 0, request: 1, function: 2 };

const INJECTED_NAMES: Readonly<Record<InjectedKind, string>> = {
  scopes: 'SecurityScopes',
  context: 'RequestContext',
  connection: 'ConnectionContext',
  background: 'BackgroundTasks',
  websocket: 'WebSocketConnection',
};

interface ScopeInput {
  readonly label: string;
  /** The declared scope, or `request` for a generator (FastAPI's computed scope); `undefined`: none. */
  readonly declared: DependencyScope | undefined;
  /** Its rung before its inputs are seen: the declared one, else that of where it is used. */
  readonly own: DependencyScope;
  readonly owner: string | undefined;
  readonly slots: readonly ArgSlot[];
  readonly readsRequest: string | undefined;
}

function describe(node: DependencyNode): string {
  return node.computedScope === node.scope ? `${node.label}, whose scope is "${node.scope}"` : `${node.label}, which is "${node.scope}"-scoped through what it depends on`;
}

/** What an input needs: the narrowest rung it can be read on, and how to name it. */
function requirement(slot: ArgSlot): { scope: DependencyScope; what: string; node?: DependencyNode } | undefined {
  switch (slot.kind) {
    case 'dependency':
      return { scope: slot.node.scope, what: describe(slot.node), node: slot.node };
    case 'param':
      return { scope: 'request', what: `the ${slot.reader.spec.source} parameter${slot.reader.spec.name ? ` "${slot.reader.spec.name}"` : ''}` };
    case 'service':
      return undefined;
    default:
      return isPerRequest(slot.kind) ? { scope: 'request', what: INJECTED_NAMES[slot.kind] } : undefined;
  }
}

function appScopeError(input: ScopeInput, what: string, node: DependencyNode | undefined): DeftError {
  const owner = input.owner ?? input.label;
  const through = owner === input.label ? '' : ` (through ${input.label})`;
  const fix = node
    ? `give ${node.label} scope: 'app' too if it does not need the request, or drop scope: 'app' from ${owner}`
    : `read it in a request-scoped dependency instead, or drop scope: 'app' from ${owner}`;
  return new DeftError(
    'DEFT_ERR_DEPENDENCY_SCOPE',
    `The dependency ${owner} has a scope of "app" (created once and shared by every request), so it cannot depend on ${what}${through}, which belongs to one request: ${fix}.`,
  );
}

function narrowerError(input: ScopeInput, scope: DependencyScope, node: DependencyNode): DeftError {
  const when = scope === 'request' ? 'its teardown runs after the response' : 'its teardown runs after the handler';
  return new DeftError(
    'DEFT_ERR_DEPENDENCY_SCOPE',
    `The dependency ${input.label} has a scope of "${scope}" (${when}), so it cannot depend on ${describe(node)} (torn down before it): give ${input.label} scope: '${node.scope}' too, or drop the scope of ${node.label}.`,
  );
}

/**
 * Assigns a node its rung, transitively: a dependency lives on the narrowest
 * rung of what it needs (anything that reads a request parameter or a
 * per-request object is at least request-scoped), unless it declared its
 * scope, in which case needing a narrower rung is a start-up error. Inside a
 * `scope: 'app'` dependency everything is resolved once for the app, so
 * nothing there may need the request.
 */
export function assignScope(input: ScopeInput): DependencyScope {
  let scope = input.own;
  const needs = input.slots.map(requirement).filter((need) => need !== undefined);
  if (input.readsRequest) needs.push({ scope: 'request', what: input.readsRequest });
  for (const need of needs) {
    if (RANK[need.scope] <= RANK[scope]) continue;
    if (scope === 'app') throw appScopeError(input, need.node ? describe(need.node) : need.what, need.node);
    if (input.declared !== undefined) throw narrowerError(input, scope, need.node!);
    scope = need.scope;
  }
  return scope;
}
