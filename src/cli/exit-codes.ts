import { CommanderError } from "commander";
import { AppError, ConfigError, ConflictError, DatabaseError, InputError, NotFoundError, ProviderError } from "../errors.js";

/** The one place errors become exit codes (sysexits-style, so scripts can tell bad input from outages). */
export const EXIT_CODES = {
  ok: 0,
  failure: 1,
  usage: 2,
  badInput: 65,
  notFound: 66,
  unavailable: 69,
  temporaryFailure: 75,
} as const;

/** Commander's way of saying it printed help or the version on request: not a failure. */
export function isHelpOrVersion(error: unknown): boolean {
  return error instanceof CommanderError && ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code);
}

export function exitCodeFor(error: unknown): number {
  if (isHelpOrVersion(error)) return EXIT_CODES.ok;
  // Unknown option or command, bad or missing option value: the README's usage error.
  if (error instanceof CommanderError) return EXIT_CODES.usage;
  if (error instanceof InputError) return EXIT_CODES.badInput;
  if (error instanceof ConfigError) return EXIT_CODES.usage;
  if (error instanceof NotFoundError) return EXIT_CODES.notFound;
  // A review that does not apply (a stale or already rejected hypothesis) is a usage error: nothing changed.
  if (error instanceof ConflictError) return EXIT_CODES.usage;
  if (error instanceof DatabaseError) return EXIT_CODES.unavailable;
  if (error instanceof ProviderError) return error.retryable ? EXIT_CODES.temporaryFailure : EXIT_CODES.failure;
  return EXIT_CODES.failure;
}

/** What the user sees: the message of known errors, and the full chain for surprises. */
export function describeError(error: unknown): { message: string; kind: string; problems?: unknown } {
  if (error instanceof InputError) return { kind: error.name, message: error.message, problems: error.problems };
  if (error instanceof AppError) return { kind: error.name, message: error.message };
  if (error instanceof CommanderError) return { kind: "UsageError", message: error.message.replace(/^error: /, "") };
  const chain: string[] = [];
  for (let current: unknown = error; current !== undefined && chain.length < 5; current = (current as Error).cause) {
    chain.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
  }
  return { kind: "UnexpectedError", message: chain.join("\ncaused by: ") };
}
