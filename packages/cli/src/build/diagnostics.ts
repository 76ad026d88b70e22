import type * as TS from 'typescript';
import { formatHost, type TypeScript } from '../project/project-typescript';

/** Compiler errors as `tsc --pretty` prints them (colours only on a terminal). */
export function formatDiagnostics(ts: TypeScript, root: string, diagnostics: readonly TS.Diagnostic[]): string {
  const host = formatHost(ts, root);
  const pretty = process.stdout.isTTY === true && !process.env.NO_COLOR;
  return (pretty ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host) : ts.formatDiagnostics(diagnostics, host)).trimEnd();
}
