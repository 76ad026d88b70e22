import type { SecurityRequirement } from './openapi-types';
import type { SchemeUse } from './graph-walk';

/**
 * An operation's `security`: one requirement per scheme name in first-seen
 * order, the scopes of every use of that scheme unioned in first-seen order.
 * Empty when the route uses no scheme.
 */
export function securityRequirements(uses: readonly SchemeUse[]): SecurityRequirement[] {
  const byName = new Map<string, string[]>();
  for (const { scheme, scopes } of uses) {
    let merged = byName.get(scheme.name);
    if (!merged) byName.set(scheme.name, (merged = []));
    for (const scope of scopes) if (!merged.includes(scope)) merged.push(scope);
  }
  return [...byName].map(([name, scopes]) => ({ [name]: scopes }));
}

/** `components.securitySchemes` entries of these uses: by scheme name, a later definition replacing an earlier one. */
export function collectSchemeDefinitions(uses: readonly SchemeUse[], into: Map<string, unknown>): void {
  for (const { scheme } of uses) into.set(scheme.name, structuredClone(scheme.definition));
}
