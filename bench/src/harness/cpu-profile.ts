import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  readonly fn: string;
  /** `file:line`, relative to the repository where possible. */
  readonly where: string;
  readonly ms: number;
  readonly share: number;
}

function relative(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const at = path.search(/\/(packages|bench|node_modules)\//);
  return at < 0 ? path || '(native)' : path.slice(at + 1).replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, '');
}

/** What a `where` belongs to: a workspace package (`packages/core`), an npm package, Node's internals, or native code. */
export function ownerOf(where: string): string {
  if (where === '(native)') return '(native: writev, GC, ...)';
  if (where.startsWith('node:')) return 'node: internals';
  const workspace = /^(packages|bench)\/[^/]+/.exec(where);
  if (workspace) return workspace[0];
  const npm = /^(@[^/]+\/[^/]+|[^/]+)\//.exec(where);
  return npm ? npm[1]! : where;
}

/** Self time summed per owner (see `ownerOf`), largest first. */
export function byOwner(times: readonly SelfTime[]): SelfTime[] {
  const owners = new Map<string, SelfTime>();
  for (const t of times) {
    const owner = ownerOf(t.where);
    const sum = owners.get(owner);
    owners.set(owner, { fn: owner, where: owner, ms: (sum?.ms ?? 0) + t.ms, share: (sum?.share ?? 0) + t.share });
  }
  return [...owners.values()].sort((a, b) => b.ms - a.ms);
}

/** Self time per function of a `.cpuprofile` (from `node --cpu-prof`), largest first, as shares of the busy time. */
export function selfTimes(file: string): SelfTime[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  // Shares are of the time the process was busy: idle samples (waiting for requests) are left out.
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let total = 0;
  for (const [id, us] of byNode) if (!idle.has(id)) total += us;
  const byFunction = new Map<string, { fn: string; where: string; us: number }>();
  for (const node of profile.nodes) {
    const us = byNode.get(node.id);
    if (!us || idle.has(node.id)) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${relative(url)}:${lineNumber + 1}` : '(native)';
    const key = `${functionName}@${where}`;
    const entry = byFunction.get(key) ?? { fn: functionName || '(anonymous)', where, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  return [...byFunction.values()]
    .sort((a, b) => b.us - a.us)
    .map(({ fn, where, us }) => ({ fn, where, ms: us / 1000, share: us / total }));
}
