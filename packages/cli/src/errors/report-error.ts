import pc from 'picocolors';
import { CliError } from './cli-error';

/** Deft's own start-up errors (`DEFT_ERR_*`) say what to change: their message is enough. */
function isDeftError(error: unknown): error is Error {
  const code: unknown = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('DEFT_ERR_');
}

/**
 * What the user sees for an error: the message alone for their own mistakes
 * (a CLI error, a Deft start-up error), the stack for anything else, which is
 * a bug of the app or of the CLI.
 */
export function describeError(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (isDeftError(error)) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

export function reportError(error: unknown): number {
  console.error(pc.red(describeError(error)));
  return error instanceof CliError ? error.exitCode : 1;
}
