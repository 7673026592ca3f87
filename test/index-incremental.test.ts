import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_FOLDER } from "../src/cli/commands/demo-command.js";
import type { Database } from "../src/db/database.js";
import { nearestChunks } from "../src/db/document-store.js";
import { readEmbeddingSpace } from "../src/db/embedding-space-store.js";
import { ConfigError } from "../src/errors.js";
import { indexSourceFolder } from "../src/index/index-source-folder.js";
import { readChangedSourceFolder } from "../src/index/source-fingerprints.js";
import { HashingEmbedder } from "../src/models/hashing-embedder.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";

/** The offline embedder, counting texts; it can be told to fail on its nth call. */
class RecordingEmbedder extends HashingEmbedder {
  texts = 0;
  calls = 0;
  failOnCall: number | undefined;
  override async embedDocuments(documents: string[]): Promise<number[][]> {
    this.calls += 1;
    if (this.calls === this.failOnCall) throw new Error("embedding service went away");
    this.texts += documents.length;
    return super.embedDocuments(documents);
  }
}

/** Every row's content and its xmin (the transaction that last wrote it): any write changes it. */
async function tableState(database: Database): Promise<string> {
  const tables = ["accounts", "usage_metrics", "documents", "chunks", "source_files", "embedding_space"];
  const states = await Promise.all(tables.map((table) => database.query(`select xmin::text as written_by, * from ${table} order by 2, 3`)));
  return JSON.stringify(states);
}

async function copyOfDemo(): Promise<string> {
  const folder = path.join(await mkdtemp(path.join(tmpdir(), "evidence-incremental-")), "demo");
  await cp(DEMO_FOLDER, folder, { recursive: true });
  return folder;
}

describe("incremental indexing", () => {
  let engine: TestEngine;
  let folder: string;
  const embedder = new RecordingEmbedder();
  const index = async (options: { embedder?: HashingEmbedder; prune?: boolean; reembed?: boolean; chunksPerBatch?: number } = {}) =>
    indexSourceFolder(engine.database, await readChangedSourceFolder(engine.database, folder, { embedder: options.embedder ?? embedder }), {
      embedder: options.embedder ?? embedder,
      toolVersion: "test",
      ...options,
    });

  beforeAll(async () => {
    engine = await startPgliteEngine();
    folder = await copyOfDemo();
  });

  afterAll(async () => {
    await engine?.stop();
  });

  it("a run that fails half-way leaves only whole documents, and the next run completes it", async () => {
    embedder.failOnCall = 3;
    await expect(index({ chunksPerBatch: 20 })).rejects.toThrow("embedding service went away");
    const [partial] = await engine.database.query<{ documents: number | string; without_chunks: number | string }>(
      `select count(*) as documents,
              count(*) filter (where not exists (select 1 from chunks c where c.document_id = d.id)) as without_chunks
         from documents d`,
    );
    expect(Number(partial?.documents)).toBeGreaterThan(0);
    expect(Number(partial?.documents)).toBeLessThan(52);
    expect(Number(partial?.without_chunks)).toBe(0);

    embedder.failOnCall = undefined;
    const summary = await index({ chunksPerBatch: 20 });
    expect(summary.indexed + Number(partial?.documents)).toBe(52);
    expect(summary.unchanged).toBe(Number(partial?.documents));
  });

  it("an unchanged re-run parses nothing, embeds nothing and writes no row", async () => {
    const before = await tableState(engine.database);
    const { texts, calls } = embedder;
    const source = await readChangedSourceFolder(engine.database, folder, { embedder });
    expect(source.tickets).toEqual([]);
    expect(source.calls).toEqual([]);
    expect(source.skippedFiles.size).toBe(source.fingerprints.size);
    const summary = await indexSourceFolder(engine.database, source, { embedder, toolVersion: "test" });
    expect(summary).toMatchObject({ indexed: 0, unchanged: 52, rejected: 0, chunks: 0, embeddedTexts: 0 });
    expect([embedder.texts, embedder.calls]).toEqual([texts, calls]);
    expect(await tableState(engine.database)).toBe(before);
  });

  it("a changed ticket is re-indexed alone, its chunks replaced", async () => {
    const file = path.join(folder, "tickets", "alder-architects.json");
    await writeFile(file, (await readFile(file, "utf8")).replace("Is there a limit on the Team plan", "Is there a project limit on the Team plan"));
    const before = await engine.database.query<{ source_ref: string; id: number | string }>("select source_ref, id from documents order by source_ref");
    const summary = await index();
    expect(summary).toMatchObject({ indexed: 1, unchanged: 51 });
    const after = await engine.database.query<{ source_ref: string; id: number | string }>("select source_ref, id from documents order by source_ref");
    const replaced = after.filter((row, position) => row.id !== before[position]?.id).map((row) => row.source_ref);
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).toMatch(/^tickets\/alder-architects\.json#/);
    const [orphans] = await engine.database.query<{ count: number | string }>(
      "select count(*) from chunks c where not exists (select 1 from documents d where d.id = c.document_id)",
    );
    expect(Number(orphans?.count)).toBe(0);
  });

  it("--prune removes documents whose file is gone, but keeps those of a file that could not be read", async () => {
    await rm(path.join(folder, "calls", "brightpath-logistics", "2026-08-12-monthly-check-in.vtt"));
    await writeFile(path.join(folder, "tickets", "summit-hospitality.json"), "{ this is not JSON");
    const withoutPrune = await index();
    expect(withoutPrune.pruned).toBe(0);
    const pruning = await index({ prune: true });
    expect(pruning.pruned).toBe(1);
    const refs = (await engine.database.query<{ source_ref: string }>("select source_ref from documents")).map((row) => row.source_ref);
    expect(refs).not.toContain("calls/brightpath-logistics/2026-08-12-monthly-check-in.vtt");
    expect(refs.filter((ref) => ref.startsWith("tickets/summit-hospitality.json#")).length).toBeGreaterThan(0);
    expect(refs).toHaveLength(51);
  });

  it("refuses another embedding model or size, saying how to re-index", async () => {
    const other = new HashingEmbedder({ dimensions: 128 });
    const failure = await index({ embedder: other }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(/holds embeddings from "hashing-v2-d1024-w-c4x0.35-log" \(1024 dimensions\)/);
    expect((failure as Error).message).toMatch(/--db <new-dir-or-url>.*index --reembed/s);
    expect(await readEmbeddingSpace(engine.database)).toEqual({ modelId: embedder.modelId, dimensions: 1024 });
  });

  it("--reembed moves the database to the new embedder, vector index included", async () => {
    const other = new HashingEmbedder({ dimensions: 128 });
    const summary = await index({ embedder: other, reembed: true });
    // Everything is embedded again; the tickets of the unreadable file are gone with the old vectors.
    expect(summary.unchanged).toBe(0);
    const [stored] = await engine.database.query<{ count: number | string }>("select count(*) from documents");
    expect(Number(stored?.count)).toBe(summary.indexed);
    expect(summary.indexed).toBeGreaterThan(40);
    expect(await readEmbeddingSpace(engine.database)).toEqual({ modelId: other.modelId, dimensions: 128 });
    const [sizes] = await engine.database.query<{ sizes: number[] }>("select array_agg(distinct vector_dims(embedding)) as sizes from chunks");
    expect(sizes?.sizes).toEqual([128]);
    const [definition] = await engine.database.query<{ indexdef: string }>("select indexdef from pg_indexes where indexname = 'chunks_embedding_idx'");
    expect(definition?.indexdef).toMatch(/vector\(128\)/);
    const hits = await nearestChunks(engine.database, await other.embedQuery("running out of seats"), { limit: 3 });
    expect(hits).toHaveLength(3);
  });
});
