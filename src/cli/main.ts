import { CommanderError } from 'commander';
import { FabricError } from '../util/fabric-error.js';
import { EXIT, exitCodeOf } from './exit-codes.js';
import { buildProgram } from './program.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (e) {
  process.exit(exitWith(e));
}

/**
 * Prints why the command failed, in one message without a stack trace
 * (FABRIC_DEBUG=1 adds it), and returns the exit code (exit-codes.ts).
 */
function exitWith(e: unknown): number {
  // commander has printed its own message (or the help, or the version).
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (process.env.FABRIC_DEBUG === '1') process.stderr.write(`${String((e as Error).stack)}\n`);
  if (e instanceof FabricError) {
    process.stderr.write(`fabric: ${e.code}: ${e.message}\n`);
    return exitCodeOf(e.code);
  }
  process.stderr.write(`fabric: ${e instanceof Error ? e.message : String(e)}\n`);
  return EXIT.failed;
}
