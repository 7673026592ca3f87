/**
 * One error tree for the whole program. Every error keeps its cause; the CLI maps each class to an exit
 * code in one place (`cli/exit-codes.ts`).
 */
export class AppError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Configuration or command-line options that cannot work (unknown database URL, missing flag). */
export class ConfigError extends AppError {}

/** Where in an input file a problem sits. `record` is a record id or a 1-based position. */
export interface InputProblem {
  readonly file: string;
  readonly record?: string;
  readonly line?: number;
  readonly field?: string;
  readonly reason: string;
}

export function describeProblem(problem: InputProblem): string {
  const place = [
    problem.file,
    problem.line === undefined ? undefined : `line ${problem.line}`,
    problem.record === undefined ? undefined : `record ${problem.record}`,
    problem.field === undefined ? undefined : `field "${problem.field}"`,
  ]
    .filter((part) => part !== undefined)
    .join(", ");
  return `${place}: ${problem.reason}`;
}

/** Bad input data. Carries every problem found, so a user fixes a file in one pass. */
export class InputError extends AppError {
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[], options?: { cause?: unknown; headline?: string }) {
    const shown = problems.slice(0, 20).map((problem) => `  - ${describeProblem(problem)}`);
    const more = problems.length > 20 ? [`  ... and ${problems.length - 20} more`] : [];
    const noun = problems.length === 1 ? "problem" : "problems";
    const headline = options?.headline ?? `${problems.length} input ${noun}; nothing was written:`;
    super([headline, ...shown, ...more].join("\n"), options);
    this.problems = problems;
  }

  get file(): string | undefined {
    return this.problems[0]?.file;
  }
}

/** Something named on the command line does not exist: an account, a hypothesis, an evidence row. */
export class NotFoundError extends AppError {}

/** The request does not apply in the current state (approving a stale hypothesis, disputing twice). */
export class ConflictError extends AppError {}

/** A request carries no credentials, or ones that match no token (HTTP 401). */
export class AuthenticationError extends AppError {}

/** The caller is known but its role does not allow the action (a reader approving: HTTP 403). */
export class PermissionError extends AppError {}

/** A request body larger than the configured limit (HTTP 413). */
export class PayloadTooLargeError extends AppError {
  readonly limitBytes: number;

  constructor(limitBytes: number) {
    super(`The request body is larger than the limit of ${limitBytes} bytes.`);
    this.limitBytes = limitBytes;
  }
}

/** A feature this build does not offer yet (HTTP 501); the message says what to use instead. */
export class NotImplementedError extends AppError {}

/** The database cannot be opened, migrated or queried. */
export class DatabaseError extends AppError {}

/** A model provider failed (HTTP status kept so retries can decide). */
export class ProviderError extends AppError {
  readonly status: number | undefined;
  readonly retryable: boolean;

  constructor(message: string, details: { status?: number; retryable: boolean; cause?: unknown }) {
    super(message, { cause: details.cause });
    this.status = details.status;
    this.retryable = details.retryable;
  }
}

/** A model's answer that could not be used: the raw text it sent and what was wrong with it. */
export class ExtractionError extends AppError {
  readonly rawText: string;
  readonly issues: readonly string[];

  constructor(message: string, details: { rawText: string; issues: readonly string[]; cause?: unknown }) {
    super(message, { cause: details.cause });
    this.rawText = details.rawText;
    this.issues = details.issues;
  }
}

/** An eval run fell below its gate against the baseline; carries every reason, for the report and CI. */
export class EvalRegressionError extends AppError {
  readonly regressions: readonly string[];

  constructor(regressions: readonly string[]) {
    super(`The eval run fails its gate:\n${regressions.map((reason) => `  - ${reason}`).join("\n")}`);
    this.regressions = regressions;
  }
}
