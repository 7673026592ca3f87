import type { z } from "zod";
import type { InputProblem } from "../errors.js";

export interface RecordSource {
  readonly file: string;
  /** How the record is named in messages: its id when it has one, else its position. */
  readonly record: string;
  readonly line?: number;
}

/** A record read from a file, before validation. */
export interface RecordCandidate {
  readonly value: unknown;
  readonly record: string;
  readonly line?: number;
}

export type Validated<T> = { success: true; data: T } | { success: false; problems: InputProblem[] };

/** Validates one record and turns every zod issue into a problem naming file, record and field. */
export function validateRecord<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  source: RecordSource,
): Validated<z.output<Schema>> {
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    problems: result.error.issues.map((issue) => ({
      file: source.file,
      record: source.record,
      ...(source.line === undefined ? {} : { line: source.line }),
      ...(issue.path.length === 0 ? {} : { field: issue.path.map(String).join(".") }),
      reason: issue.message,
    })),
  };
}

/** A record's name for messages: its `id` when it has a usable one, else `#position` (1-based). */
export function recordName(value: unknown, index: number, idField = "id"): string {
  if (typeof value === "object" && value !== null) {
    const id = (value as Record<string, unknown>)[idField];
    if (typeof id === "string" && id.trim() !== "") return id;
    if (typeof id === "number") return String(id);
  }
  return `#${index + 1}`;
}

/** Accepts `[...]` or `{ <key>: [...] }`, the two shapes exports come in. */
export function recordList(value: unknown, key: string): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === "object" && value !== null) {
    const inner = (value as Record<string, unknown>)[key];
    if (Array.isArray(inner)) return inner;
  }
  return undefined;
}
