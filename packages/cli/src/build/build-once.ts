import { CliError } from '../errors/cli-error';
import type { BuildConfig } from '../project/project-typescript';
import { formatDiagnostics } from './diagnostics';

/**
 * Compiles the project once, as `tsc -p <tsconfig>` would, into its outDir.
 * On a compile error nothing is written and the errors are the CLI's message,
 * so a command never runs a stale build.
 */
export function buildOnce(config: BuildConfig, root: string): void {
  const { ts, commandLine } = config;
  const options = { ...commandLine.options, noEmitOnError: true };
  const program = ts.createProgram({ rootNames: commandLine.fileNames, options, projectReferences: commandLine.projectReferences, configFileParsingDiagnostics: commandLine.errors });
  const emitted = program.emit();
  const diagnostics = ts.sortAndDeduplicateDiagnostics([...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics]);
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new CliError(`${formatDiagnostics(ts, root, errors)}\n\nThe app did not compile (${errors.length} error${errors.length === 1 ? '' : 's'}); fix ${errors.length === 1 ? 'it' : 'them'} and run the command again.`);
  }
}
