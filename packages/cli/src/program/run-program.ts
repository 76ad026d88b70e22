import type { Command } from 'commander';
import { reportError } from '../errors/report-error';

/** Commands that keep running until stopped; the others end the process when done (an app may hold handles). */
const SERVING = new Set(['dev', 'start']);

/** Runs a program on `argv` (as `process.argv`), reports a failure without a stack trace when it is the user's to fix. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    process.exit(reportError(error));
  }
  const command = program.args[0];
  if (command === undefined || !SERVING.has(command)) {
    // Output written to a pipe must drain before the process ends.
    process.stdout.write('', () => process.exit(0));
  }
}
