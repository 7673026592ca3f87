/**
 * The narrow surface the rest of the program uses to talk to either engine: embedded PGlite or a
 * PostgreSQL server through `pg`. Queries are parameterised; `execute` is for migration scripts only.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  execute(script: string): Promise<void>;
  /**
   * Runs `COPY ... FROM` with `data` in PostgreSQL's binary COPY format. The embedded engine reads the
   * data as a blob; a PostgreSQL server gets it streamed inside a transaction (`pg-copy-streams`). PGlite's
   * socket server cannot take it, so callers fall back to a multi-row insert when it is absent.
   */
  readonly copyBinary?: (statement: string, data: Uint8Array) => Promise<void>;
}

export type Engine = "pglite" | "postgres";

export interface Database extends Queryable {
  readonly engine: Engine;
  /** Where the data lives, safe to print (no password). */
  readonly location: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
