import type { Queryable } from "./database.js";

export interface RunStart {
  readonly command: string;
  readonly arguments: Record<string, unknown>;
  readonly toolVersion: string;
  readonly versions: Record<string, string>;
}

/** Records that a job started, with the versions that decide its result. Returns the run id. */
export async function startRun(database: Queryable, run: RunStart): Promise<number> {
  const [row] = await database.query<{ id: number | string }>(
    "insert into runs (command, arguments, tool_version, versions) values ($1, $2, $3, $4) returning id",
    [run.command, JSON.stringify(run.arguments), run.toolVersion, JSON.stringify(run.versions)],
  );
  return Number(row?.id);
}

export async function finishRun(
  database: Queryable,
  runId: number,
  outcome: { status: "succeeded" | "failed"; summary: Record<string, unknown> },
): Promise<void> {
  await database.query("update runs set status = $2, summary = $3, finished_at = now() where id = $1", [
    runId,
    outcome.status,
    JSON.stringify(outcome.summary),
  ]);
}
