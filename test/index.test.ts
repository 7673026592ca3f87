import { cp, readFile, writeFile } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_FOLDER } from "../src/cli/commands/demo-command.js";
import { nearestChunks, searchChunks } from "../src/db/document-store.js";
import { indexSourceFolder } from "../src/index/index-source-folder.js";
import { readSourceFolder } from "../src/ingest/read-source-folder.js";
import { HashingEmbedder } from "../src/models/hashing-embedder.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";

/** The offline embedder, counting what it is asked to embed. */
class CountingEmbedder extends HashingEmbedder {
  embedded = 0;
  override async embedDocuments(documents: string[]): Promise<number[][]> {
    this.embedded += documents.length;
    return super.embedDocuments(documents);
  }
}

describe("indexing the demo folder", () => {
  let engine: TestEngine;
  let folder: string;
  const embedder = new CountingEmbedder();

  beforeAll(async () => {
    engine = await startPgliteEngine();
    folder = path.join(await mkdtemp(path.join(tmpdir(), "evidence-index-")), "demo");
    await cp(DEMO_FOLDER, folder, { recursive: true });
  });

  afterAll(async () => {
    await engine?.stop();
  });

  it("stores every ticket and call with label-free chunks whose turns point into the document", async () => {
    const summary = await indexSourceFolder(engine.database, await readSourceFolder(folder), { embedder, toolVersion: "test" });
    expect(summary).toMatchObject({ indexed: 52, unchanged: 0, rejected: 0 });
    expect(embedder.embedded).toBe(summary.chunks);
    const [counts] = await engine.database.query<{ documents: string | number; chunks: string | number; misaligned: string | number }>(
      `select (select count(*) from documents) as documents, (select count(*) from chunks where embedding is not null) as chunks,
              (select count(*) from chunks c join documents d on d.id = c.document_id, jsonb_array_elements(c.turns) turn
                where substr(d.full_text, (turn ->> 'documentStart')::int + 1, (turn ->> 'documentEnd')::int - (turn ->> 'documentStart')::int)
                      <> substr(c.text, (turn ->> 'textStart')::int + 1, (turn ->> 'textEnd')::int - (turn ->> 'textStart')::int)
                   or (turn ->> 'documentStart')::int < c.start_offset or (turn ->> 'documentEnd')::int > c.end_offset
                   or c.text ~ '^\[\d\d:\d\d:\d\d\]') as misaligned`,
    );
    expect({ documents: Number(counts?.documents), chunks: Number(counts?.chunks), misaligned: Number(counts?.misaligned) }).toEqual({
      documents: 52,
      chunks: summary.chunks,
      misaligned: 0,
    });
  });

  it("makes no embedding call and writes nothing on an unchanged re-run", async () => {
    const before = embedder.embedded;
    const [{ max } = { max: 0 }] = await engine.database.query<{ max: string | number }>("select max(id) as max from chunks");
    const summary = await indexSourceFolder(engine.database, await readSourceFolder(folder), { embedder, toolVersion: "test" });
    expect(summary).toMatchObject({ indexed: 0, unchanged: 52 });
    expect(embedder.embedded).toBe(before);
    const [after] = await engine.database.query<{ max: string | number }>("select max(id) as max from chunks");
    expect(Number(after?.max)).toBe(Number(max));
  });

  it("re-indexes only the document that changed", async () => {
    const file = path.join(folder, "tickets", "alder-architects.json");
    await writeFile(file, (await readFile(file, "utf8")).replace("Is there a limit on the Team plan", "Is there a project limit on the Team plan"));
    const summary = await indexSourceFolder(engine.database, await readSourceFolder(folder), { embedder, toolVersion: "test" });
    expect(summary).toMatchObject({ indexed: 1, unchanged: 51 });
    expect((await searchChunks(engine.database, "project limit", { accountId: "alder-architects" }))[0]?.text).toContain("project limit");
  });

  it("chunks a document cut by an older chunking version again, and keeps the BM25 statistics exact", async () => {
    await engine.database.query("update documents set chunking_version = 1 where source_ref like 'calls/alder-architects/%'");
    const summary = await indexSourceFolder(engine.database, await readSourceFolder(folder), { embedder, toolVersion: "test" });
    expect(summary).toMatchObject({ indexed: 2, unchanged: 50 });
    const [drift] = await engine.database.query<{ terms: string | number; lengths: string | number }>(
      `with actual as (select c.account_id, term.lexeme, count(*)::int as chunks from chunks c, unnest(c.search_vector) term group by 1, 2)
       select (select count(*) from actual full join chunk_term_stats stored using (account_id, lexeme)
                where actual.chunks is distinct from stored.chunks) as terms,
              (select count(*) from (select account_id, count(*)::int as chunks, sum(length(search_vector))::bigint as total from chunks group by 1) actual
                 full join chunk_length_stats stored using (account_id)
                where actual.chunks is distinct from stored.chunks or actual.total is distinct from stored.total_length) as lengths`,
    );
    expect({ terms: Number(drift?.terms), lengths: Number(drift?.lengths) }).toEqual({ terms: 0, lengths: 0 });
  });

  it("retrieves the seat conversation for a seat question inside one account", async () => {
    const query = await embedder.embedQuery("running out of seats, people sharing a login");
    const hits = await nearestChunks(engine.database, query, { accountId: "brightpath-logistics", limit: 3 });
    expect(hits.some((hit) => /seat/i.test(hit.text))).toBe(true);
    expect(hits.every((hit) => hit.accountId === "brightpath-logistics")).toBe(true);
  });

  it("refuses to mix embeddings of another model in the same database", async () => {
    await expect(
      indexSourceFolder(engine.database, await readSourceFolder(folder), { embedder: new HashingEmbedder({ dimensions: 128 }), toolVersion: "test" }),
    ).rejects.toThrow(/holds embeddings from "hashing-v2-d1024-w-c4x0.35-log" \(1024 dimensions\).*index into a new database.*--reembed/s);
  });
});
