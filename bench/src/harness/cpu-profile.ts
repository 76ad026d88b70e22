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

/** Self time per function of a `.cpuprofile` (from `node --cpu-prof`), largest first. */
export function selfTimes(file: string): SelfTime[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, { fn: string; where: string; us: number }>();
  for (const node of profile.nodes) {
    const us = byNode.get(node.id);
    if (!us) continue;
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
