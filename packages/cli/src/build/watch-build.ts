import type * as TS from 'typescript';
import type { BuildConfig } from '../project/project-typescript';
import { formatDiagnostics } from './diagnostics';

export interface WatchEvents {
  /** A change was seen and a build starts. */
  onBuildStart(): void;
  /** A build ended: with no errors it wrote the output; with errors it wrote nothing. */
  onBuildEnd(errorCount: number, diagnostics: string): void;
}

/** TypeScript's "Starting compilation" / "File change detected" messages. */
const BUILD_STARTS = new Set([6031, 6032]);

/**
 * `tsc --watch` through TypeScript's own watch API, with `noEmitOnError`:
 * a build with errors leaves the last good output in place, so the running
 * server is never replaced by one that cannot start.
 */
export function watchBuild(config: BuildConfig, root: string, events: WatchEvents): { close(): void } {
  const { ts } = config;
  let diagnostics: TS.Diagnostic[] = [];
  const host = ts.createWatchCompilerHost(
    config.configFile,
    { noEmitOnError: true },
    ts.sys,
    ts.createEmitAndSemanticDiagnosticsBuilderProgram,
    (diagnostic) => diagnostics.push(diagnostic),
    (status, _newLine, _options, errorCount) => {
      if (BUILD_STARTS.has(status.code)) {
        diagnostics = [];
        events.onBuildStart();
      } else if (errorCount !== undefined) {
        const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
        events.onBuildEnd(errorCount, errors.length > 0 ? formatDiagnostics(ts, root, errors) : '');
      }
    },
  );
  // TypeScript waits 250 ms after a change before it rebuilds; a tenth of a second still takes an editor's save as one.
  const schedule = host.setTimeout;
  if (schedule) host.setTimeout = (callback, ms, ...args) => schedule(callback, Math.min(ms, 100), ...args);
  const program = ts.createWatchProgram(host);
  return { close: () => program.close() };
}
