import { implementations, REFERENCE } from '../implementations';
import { pairedRatio, type BenchResults } from '../harness/results';

/**
 * One turn's paired ratios in a line: per scenario, each Deft implementation
 * measured against hand-written Fastify and against its twin, where both ran.
 */
export function turnSummary(results: BenchResults): string {
  const parts: string[] = [];
  for (const scenario of results.paired ?? []) {
    for (const figure of scenario.figures) {
      const implementation = implementations.find((i) => i.name === figure.impl);
      if (!implementation || !figure.impl.startsWith('deft')) continue;
      const ratios: string[] = [];
      const toReference = pairedRatio(scenario, figure.impl, REFERENCE);
      if (toReference !== undefined) ratios.push(`${toReference.toFixed(2)} of ${REFERENCE}`);
      const toTwin = implementation.twin === undefined ? undefined : pairedRatio(scenario, figure.impl, implementation.twin);
      if (toTwin !== undefined) ratios.push(`${toTwin.toFixed(2)} of ${implementation.twin}`);
      if (ratios.length > 0) parts.push(`${scenario.scenario} ${figure.impl} ${ratios.join(', ')}`);
    }
  }
  return parts.length > 0 ? parts.join('; ') : 'no paired ratio (run a Deft implementation beside fastify or its twin)';
}
