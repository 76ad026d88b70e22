import { loadBuiltApp } from '../project/built-app';
import { formatRouteTable } from '../routes/format-route-table';
import { routeTable } from '../routes/route-table';

export interface RoutesOptions {
  readonly json?: boolean;
}

/** `deft routes`: one line per route, or the same rows as JSON with `--json`. */
export async function routesCommand(options: RoutesOptions, cwd: string): Promise<void> {
  const rows = routeTable(await loadBuiltApp(cwd));
  process.stdout.write(`${options.json ? JSON.stringify(rows, null, 2) : formatRouteTable(rows)}\n`);
}
