import { InputError, type InputProblem } from "../errors.js";
import { numberCell } from "./csv-values.js";
import { readCsv } from "./read-source-file.js";
import { usageMetricSchema, type UsageMetric } from "./usage-schema.js";
import { validateRecord } from "./validate-records.js";

/** Reads `account_id,date,metric,value` rows; all or nothing, like accounts. */
export async function loadUsage(file: string): Promise<UsageMetric[]> {
  const { records: rows, problems } = await readCsv(file);
  const metrics: UsageMetric[] = [];
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const record = `#${index + 1}`;
    const result = validateRecord(
      usageMetricSchema,
      { ...row.values, value: numberCell(row.values.value) },
      { file, record, line: row.line },
    );
    if (!result.success) {
      problems.push(...result.problems);
      continue;
    }
    const key = `${result.data.account_id}|${result.data.metric}|${result.data.date}`;
    if (seen.has(key)) {
      problems.push({ file, record, line: row.line, reason: `duplicate measurement for ${key.replaceAll("|", ", ")}` });
      continue;
    }
    seen.add(key);
    metrics.push(result.data);
  }
  if (problems.length > 0) throw new InputError(problems);
  return metrics;
}
