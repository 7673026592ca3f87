import path from "node:path";
import { InputError, type InputProblem } from "../errors.js";
import { accountSchema, type Account } from "./account-schema.js";
import { listCell, numberCell, optionalCell, withoutUndefined } from "./csv-values.js";
import { readCsv, readJson } from "./read-source-file.js";
import { recordList, recordName, validateRecord, type RecordCandidate } from "./validate-records.js";

/**
 * Reads accounts from JSON (`[...]` or `{ "accounts": [...] }`) or CSV and validates every record.
 * Throws one InputError listing every bad record and field; returns only when the whole file is good,
 * so a caller never stores part of a broken file.
 */
export async function loadAccounts(file: string): Promise<Account[]> {
  const candidates = await readAccountCandidates(file);
  const accounts: Account[] = [];
  const problems: InputProblem[] = [];
  const seen = new Map<string, string>();
  for (const candidate of candidates) {
    const result = validateRecord(accountSchema, candidate.value, {
      file,
      record: candidate.record,
      ...(candidate.line === undefined ? {} : { line: candidate.line }),
    });
    if (!result.success) {
      problems.push(...result.problems);
      continue;
    }
    const firstSeen = seen.get(result.data.id);
    if (firstSeen !== undefined) {
      problems.push({ file, record: candidate.record, field: "id", reason: `duplicate id, first used by record ${firstSeen}` });
      continue;
    }
    seen.set(result.data.id, candidate.record);
    accounts.push(result.data);
  }
  if (candidates.length === 0) problems.push({ file, reason: "no accounts in the file" });
  if (problems.length > 0) throw new InputError(problems);
  return accounts;
}

async function readAccountCandidates(file: string): Promise<RecordCandidate[]> {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".csv") {
    const { records: rows, problems } = await readCsv(file);
    // Accounts are all or nothing: a row that cannot even be parsed stops the file like a bad field does.
    if (problems.length > 0) throw new InputError(problems);
    return rows.map((row, index) => ({
      value: accountFromCsv(row.values),
      record: recordName(row.values, index),
      line: row.line,
    }));
  }
  if (extension === ".json") {
    const list = recordList(await readJson(file), "accounts");
    if (list === undefined) {
      throw new InputError([{ file, reason: 'expected an array of accounts or { "accounts": [...] }' }]);
    }
    return list.map((value, index) => ({ value, record: recordName(value, index) }));
  }
  throw new InputError([{ file, reason: `unsupported accounts file type "${extension}": use .json or .csv` }]);
}

function accountFromCsv(row: Record<string, string>): Record<string, unknown> {
  return withoutUndefined({
    ...row,
    arr: numberCell(row.arr),
    licensed_seats: numberCell(row.licensed_seats),
    health_trend: optionalCell(row.health_trend),
    renewal_date: optionalCell(row.renewal_date),
    champion: optionalCell(row.champion),
    economic_buyer: optionalCell(row.economic_buyer),
    domains: listCell(row.domains),
    add_ons: listCell(row.add_ons),
  });
}
