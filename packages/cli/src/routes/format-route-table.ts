import pc from 'picocolors';
import type { RouteRow } from './route-table';

const METHOD_COLOURS: Record<string, (text: string) => string> = { GET: pc.green, POST: pc.yellow, PUT: pc.blue, PATCH: pc.cyan, DELETE: pc.red };

/** Columns padded to their widest cell; colours only where picocolors sees a terminal. */
export function formatRouteTable(rows: readonly RouteRow[]): string {
  if (rows.length === 0) return 'The app has no routes: give createApp({ controllers: [...] }) a controller with a route.';
  const cells = rows.map((row) => [row.method, row.path, row.handler, row.dependencies.join(', ') || '-', row.security.join(', ') || '-']);
  const header = ['METHOD', 'PATH', 'HANDLER', 'DEPENDENCIES', 'SECURITY'];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: readonly string[]) => cell.map((text, column) => (column === cell.length - 1 ? text : text.padEnd(widths[column]!))).join('  ');
  return [
    pc.bold(line(header)),
    ...cells.map((cell) => {
      const text = line(cell);
      const colour = METHOD_COLOURS[cell[0]!];
      return colour ? colour(cell[0]!) + text.slice(cell[0]!.length) : text;
    }),
  ].join('\n');
}
