import type { UsageMetric } from "../ingest/usage-schema.js";
import type { Queryable } from "./database.js";

const ROWS_PER_STATEMENT = 500;

/** Upserts measurements in multi-row statements; a re-import of the same file changes nothing. */
export async function saveUsage(transaction: Queryable, metrics: readonly UsageMetric[], sourceRef: string): Promise<void> {
  for (let start = 0; start < metrics.length; start += ROWS_PER_STATEMENT) {
    const batch = metrics.slice(start, start + ROWS_PER_STATEMENT);
    const placeholders = batch.map((_, index) => {
      const base = index * 5;
      return `($${base + 1}, $${base + 2}, $${base + 3}::date, $${base + 4}, $${base + 5})`;
    });
    await transaction.query(
      `insert into usage_metrics (account_id, metric, measured_on, value, source_ref)
       values ${placeholders.join(", ")}
       on conflict (account_id, metric, measured_on) do update set value = excluded.value, source_ref = excluded.source_ref
       where (usage_metrics.value, usage_metrics.source_ref) is distinct from (excluded.value, excluded.source_ref)`,
      batch.flatMap((metric) => [metric.account_id, metric.metric, metric.date, metric.value, sourceRef]),
    );
  }
}

export interface LatestUsage {
  readonly accountId: string;
  readonly metric: string;
  readonly measuredOn: string;
  readonly value: number;
}

/** The newest value of every metric per account. */
export async function latestUsage(database: Queryable): Promise<LatestUsage[]> {
  const rows = await database.query<{ account_id: string; metric: string; measured_on: string; value: number }>(
    `select distinct on (account_id, metric) account_id, metric, measured_on::text as measured_on, value
       from usage_metrics order by account_id, metric, measured_on desc`,
  );
  return rows.map((row) => ({ accountId: row.account_id, metric: row.metric, measuredOn: row.measured_on, value: Number(row.value) }));
}
