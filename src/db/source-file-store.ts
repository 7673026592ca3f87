import type { Queryable } from "./database.js";

/** A ticket or call file as it was when its documents were last indexed (migration 002). */
export interface SourceFileRecord {
  readonly fingerprint: string;
  readonly documents: number;
}

export async function storedSourceFiles(database: Queryable, scope: string): Promise<Map<string, SourceFileRecord>> {
  const rows = await database.query<{ path: string; fingerprint: string; documents: number }>(
    "select path, fingerprint, documents from source_files where scope = $1",
    [scope],
  );
  return new Map(rows.map((row) => [row.path, { fingerprint: row.fingerprint, documents: Number(row.documents) }]));
}

/** How many documents are stored per source file (the part of the reference before '#'), any account. */
export async function storedDocumentsPerFile(database: Queryable): Promise<Map<string, number>> {
  const rows = await database.query<{ path: string; documents: number | string }>(
    "select split_part(source_ref, '#', 1) as path, count(*) as documents from documents group by 1",
  );
  return new Map(rows.map((row) => [row.path, Number(row.documents)]));
}

/**
 * Makes the stored records of `scope` equal `current`, writing only what differs: an unchanged folder
 * costs no write.
 */
export async function saveSourceFiles(
  transaction: Queryable,
  scope: string,
  current: ReadonlyMap<string, SourceFileRecord>,
  stored: ReadonlyMap<string, SourceFileRecord>,
): Promise<void> {
  const gone = [...stored.keys()].filter((path) => !current.has(path));
  const changed = [...current.entries()].filter(([path, record]) => {
    const before = stored.get(path);
    return before === undefined || before.fingerprint !== record.fingerprint || before.documents !== record.documents;
  });
  if (gone.length > 0) await transaction.query("delete from source_files where scope = $1 and path = any($2::text[])", [scope, gone]);
  if (changed.length === 0) return;
  await transaction.query(
    `insert into source_files (scope, path, fingerprint, documents)
     select $1, path, fingerprint, documents from unnest($2::text[], $3::text[], $4::int[]) as given (path, fingerprint, documents)
     on conflict (scope, path) do update set fingerprint = excluded.fingerprint, documents = excluded.documents`,
    [scope, changed.map(([path]) => path), changed.map(([, record]) => record.fingerprint), changed.map(([, record]) => record.documents)],
  );
}
