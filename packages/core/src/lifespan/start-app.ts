import { AppResolutionFrame } from '../context/app-resolution-frame';
import type { DependencyNode } from '../di/dependency-node';
import type { DependencyOverrides } from '../di/dependency-overrides';
import { solveNode } from '../di/solve';
import { DeftError } from '../errors/deft-error';
import type { AppFrame } from '../lifecycle/app-frame';
import { COMPLETED } from '../lifecycle/outcome';
import { enterLifespan, labelOfLifespan, type Lifespan } from './lifespan';

/** Every app-scoped node of the routes' graphs, once per cache key, in the order a request would first meet them. */
export function appScopedNodes(roots: readonly DependencyNode[]): DependencyNode[] {
  const found = new Map<unknown, DependencyNode>();
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.scope === 'app') {
      if (!found.has(node.cacheKey)) found.set(node.cacheKey, node);
      continue;
    }
    const children = node.slots.flatMap((slot) => (slot.kind === 'dependency' ? [slot.node] : []));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return [...found.values()];
}

export interface AppStart<A> {
  readonly app: A;
  readonly frame: AppFrame;
  readonly lifespans: readonly Lifespan<A>[];
  /** The app-scoped dependencies to make before the first request. */
  readonly appNodes: readonly DependencyNode[];
  readonly overrides: DependencyOverrides;
}

/**
 * Starts the app, before its first request: each lifespan in order (its exit
 * pushed on the app frame, its state merged into the app's), then every
 * app-scoped dependency. When one fails, what was started stops, in reverse
 * order, as at a normal close, and the start fails with the original error as
 * `cause`.
 */
export async function startApp<A>({ app, frame, lifespans, appNodes, overrides }: AppStart<A>): Promise<void> {
  let step = '';
  try {
    for (const [index, lifespan] of lifespans.entries()) {
      step = `the ${labelOfLifespan(lifespan as Lifespan<unknown>, index)}`;
      const entered = await enterLifespan(lifespan, app, index);
      frame.push(entered.exit);
      Object.assign(frame.state, entered.state);
    }
    const resolution = new AppResolutionFrame(frame);
    for (const node of appNodes) {
      step = `the app-scoped dependency ${node.label}`;
      await solveNode(node, resolution, overrides);
    }
  } catch (error) {
    // What had started stops as at a normal close: its stop code runs, whether or not it guards it with try/finally.
    const stopped = await frame.close(COMPLETED);
    const stopFailure = stopped.kind === 'failed' ? ` (and stopping what had started failed too: ${String((stopped.error as Error)?.message ?? stopped.error)})` : '';
    throw new DeftError(
      'DEFT_ERR_STARTUP_FAILED',
      `The app could not start: ${step} failed: ${(error instanceof Error ? error.message : String(error)).replace(/\.$/, '')}${stopFailure}. What had started was stopped.`,
      { cause: error },
    );
  }
}
