import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as TS from 'typescript';
import { CliError } from '../errors/cli-error';
import type { Project } from './find-project';

export type TypeScript = typeof TS;

/** The project's own TypeScript compiler, so the CLI builds exactly as `tsc` in its scripts does. */
export function loadTypeScript(project: Project): TypeScript {
  try {
    return createRequire(join(project.root, 'package.json'))('typescript') as TypeScript;
  } catch (error) {
    throw new CliError(`TypeScript is not installed in ${project.root}: run npm install --save-dev typescript (deft builds the app with it, as tsc does).`, 1, { cause: error });
  }
}

/** The project's build configuration, parsed as `tsc -p` parses it. */
export interface BuildConfig {
  readonly ts: TypeScript;
  readonly configFile: string;
  readonly commandLine: TS.ParsedCommandLine;
  /** The compiled JavaScript of the app module. */
  readonly appOutput: string;
}

export function formatHost(ts: TypeScript, root: string): TS.FormatDiagnosticsHost {
  return { getCanonicalFileName: (name) => name, getCurrentDirectory: () => root, getNewLine: () => ts.sys.newLine };
}

function appOutput(ts: TypeScript, project: Project, commandLine: TS.ParsedCommandLine, configFile: string): string {
  // A JavaScript app module is run as it is.
  if (/\.[cm]?js$/.test(project.appFile)) return project.appFile;
  if (!commandLine.fileNames.includes(project.appFile.replace(/\\/g, '/')) && !commandLine.fileNames.includes(project.appFile)) {
    throw new CliError(`${project.settings.app} is not part of the build of ${configFile}: add it to "include" there, or point package.json "deft": { "app" } at a file that is.`);
  }
  const output = ts.getOutputFileNames(commandLine, project.appFile, !ts.sys.useCaseSensitiveFileNames).find((file) => /\.[cm]?js$/.test(file));
  if (output === undefined || commandLine.options.noEmit) {
    throw new CliError(`${configFile} emits no JavaScript for ${project.settings.app} (is "noEmit" set?): deft runs the compiled app, so the build must write it.`);
  }
  return output;
}

export function readBuildConfig(project: Project): BuildConfig {
  const ts = loadTypeScript(project);
  const configFile = join(project.root, project.settings.tsconfig);
  if (!existsSync(configFile)) {
    throw new CliError(`${project.settings.tsconfig} is missing in ${project.root}: deft builds the app with it (set another in package.json "deft": { "tsconfig" }).`);
  }
  const problems: TS.Diagnostic[] = [];
  const commandLine = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => problems.push(d) });
  const errors = [...problems, ...(commandLine?.errors ?? [])].filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (!commandLine || errors.length > 0) {
    throw new CliError(ts.formatDiagnostics(errors, formatHost(ts, project.root)).trimEnd());
  }
  const missing = (['experimentalDecorators', 'emitDecoratorMetadata'] as const).filter((option) => commandLine.options[option] !== true);
  if (missing.length > 0) {
    throw new CliError(`${project.settings.tsconfig}: Deft's decorators need ${missing.map((o) => `"${o}": true`).join(' and ')} in "compilerOptions".`);
  }
  return { ts, configFile, commandLine, appOutput: appOutput(ts, project, commandLine, configFile) };
}
