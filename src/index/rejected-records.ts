import type { InputProblem } from "../errors.js";

/**
 * How many records were rejected: problems grouped by the record they name (a ticket, a cue, a CSV
 * line), or by file when the whole file could not be read. A ticket with three bad fields is one.
 */
export function countRejectedRecords(problems: readonly InputProblem[]): number {
  return new Set(problems.map((problem) => `${problem.file}\u0000${problem.record ?? (problem.line === undefined ? "" : `line ${problem.line}`)}`)).size;
}
