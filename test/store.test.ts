import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAccounts, saveAccounts } from "../src/db/account-store.js";
import { appendAuditEvent } from "../src/db/audit-store.js";
import type { Queryable } from "../src/db/database.js";
import { chunkEmbedding, nearestChunks, replaceDocument, searchChunks, writeDocuments, type NewDocument } from "../src/db/document-store.js";
import { createSearchIndexes, searchIndexesExist } from "../src/db/search-indexes.js";
import { migrate } from "../src/db/migrate.js";
import { latestUsage, saveUsage } from "../src/db/usage-store.js";
import { createAccount } from "./support/factories.js";
import { describeEachEngine, startSocketEngine, type TestEngine } from "./support/engines.js";

// One suite, three engines: everything the store promises must hold on each.
describeEachEngine("store", (start, label) => {
  let engine: TestEngine;

  beforeAll(async () => {
    engine = await start();
    await engine.database.transaction((transaction) =>
      saveAccounts(
        transaction,
        [
          createAccount({ id: "north", name: "North Co", licensed_seats: 100, renewal_date: "2027-03-31" }),
          createAccount({ id: "south", name: "South Co", arr: 12_345.5, health: "yellow", health_trend: "up" }),
        ],
        "accounts.json",
      ),
    );
  });

  afterAll(async () => {
    await engine?.stop();
  });

  it("migrations are idempotent: a second run applies nothing", async () => {
    const report = await migrate(engine.database);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBeGreaterThan(0);
  });

  it("round-trips account facts, including numeric and date columns", async () => {
    const accounts = await listAccounts(engine.database);
    expect(accounts.map((account) => account.id)).toEqual(["north", "south"]);
    expect(accounts[0]).toMatchObject({ licensed_seats: 100, renewal_date: "2027-03-31", domains: ["north.example"] });
    expect(accounts[1]).toMatchObject({ arr: 12_345.5, health: "yellow", health_trend: "up" });
  });

  it("upserts usage and returns the latest value per metric", async () => {
    await engine.database.transaction((transaction) =>
      saveUsage(
        transaction,
        [
          { account_id: "north", date: "2026-09-30", metric: "active_users", value: 70 },
          { account_id: "north", date: "2026-10-31", metric: "active_users", value: 85 },
        ],
        "usage.csv",
      ),
    );
    const latest = await latestUsage(engine.database);
    expect(latest).toEqual([{ accountId: "north", metric: "active_users", measuredOn: "2026-10-31", value: 85 }]);
  });

  describe("documents and chunks", () => {
    beforeAll(async () => {
      await engine.database.transaction(async (transaction) => {
        await replaceDocument(transaction, callDocument("north", "calls/north/2026-10-01-review.vtt", [
          ["We will need forty more seats when the Memphis hub opens.", [1, 0, 0]],
          ["The weather in Memphis was lovely last week.", [0, 1, 0]],
        ]));
        await replaceDocument(transaction, callDocument("south", "calls/south/2026-10-02-check-in.vtt", [
          ["Our team needs more seats for the new hires.", [0.9, 0.1, 0]],
        ]));
      });
    });

    it("writes chunks by binary COPY where the engine takes it (not through PGlite's socket server)", async () => {
      const copies = await engine.database.transaction(async (transaction) => transaction.copyBinary !== undefined);
      expect(copies).toBe(!label.includes("socket"));
      // Whatever the path, the row arrives whole: turns as JSON, the call offset, the model beside the vector.
      const [row] = await engine.database.query<{ turns: unknown; call_offset_seconds: number; embedding_model: string }>(
        "select turns, call_offset_seconds, embedding_model from chunks where account_id = 'north' and ordinal = 1",
      );
      expect(row).toMatchObject({ call_offset_seconds: 30, embedding_model: "test-3d" });
      expect(Array.isArray(row?.turns)).toBe(true);
    });

    it("finds the nearest chunk by cosine distance, inside one account", async () => {
      const hits = await nearestChunks(engine.database, [1, 0.05, 0], { accountId: "north", limit: 2 });
      expect(hits.map((hit) => hit.text)).toEqual([
        "We will need forty more seats when the Memphis hub opens.",
        "The weather in Memphis was lovely last week.",
      ]);
      expect(hits.every((hit) => hit.accountId === "north")).toBe(true);
      expect(hits[0]?.score).toBeLessThan(hits[1]?.score ?? 0);
      expect(hits[0]).toMatchObject({ speaker: "Dana Okafor", speakerRole: "customer", sourceRef: "calls/north/2026-10-01-review.vtt" });
    });

    it("searches across accounts when no account is given", async () => {
      const hits = await nearestChunks(engine.database, [0.9, 0.1, 0], { limit: 1 });
      expect(hits[0]?.accountId).toBe("south");
    });

    it("finds chunks by full-text search with stemming, filtered by account", async () => {
      const everywhere = await searchChunks(engine.database, "seat");
      expect(new Set(everywhere.map((hit) => hit.accountId))).toEqual(new Set(["north", "south"]));
      const southOnly = await searchChunks(engine.database, "seat", { accountId: "south" });
      expect(southOnly.map((hit) => hit.text)).toEqual(["Our team needs more seats for the new hires."]);
      expect(await searchChunks(engine.database, "weather", { accountId: "south" })).toEqual([]);
    });

    it("stores embeddings losslessly", async () => {
      const [hit] = await nearestChunks(engine.database, [0, 1, 0], { accountId: "north", limit: 1 });
      expect(await chunkEmbedding(engine.database, hit?.chunkId ?? -1)).toEqual([0, 1, 0]);
    });

    it("replacing a document swaps its chunks and leaves no orphan", async () => {
      await engine.database.transaction((transaction) =>
        replaceDocument(transaction, callDocument("north", "calls/north/2026-10-01-review.vtt", [["A shorter call.", [0, 0, 1]]])),
      );
      const rows = await engine.database.query<{ documents: number | string; chunks: number | string }>(
        `select (select count(*) from documents where source_ref = 'calls/north/2026-10-01-review.vtt') as documents,
                (select count(*) from chunks c join documents d on d.id = c.document_id
                  where d.source_ref = 'calls/north/2026-10-01-review.vtt') as chunks`,
      );
      expect(rows[0]).toMatchObject({ documents: expect.anything(), chunks: expect.anything() });
      expect(Number(rows[0]?.documents)).toBe(1);
      expect(Number(rows[0]?.chunks)).toBe(1);
    });

    it("rolls back a failed transaction completely", async () => {
      await expect(
        engine.database.transaction(async (transaction) => {
          await replaceDocument(transaction, callDocument("south", "calls/south/2026-11-01-doomed.vtt", [["Never stored.", [1, 1, 1]]]));
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await searchChunks(engine.database, "never stored")).toEqual([]);
    });
  });

  it("keeps the audit table append-only", async () => {
    const id = await appendAuditEvent(engine.database, {
      actor: "test",
      action: "hypothesis.approved",
      subjectType: "hypothesis",
      subjectId: "1",
      details: { verdict: "ready" },
    });
    await expect(engine.database.query("update audit_events set actor = 'someone else' where id = $1", [id])).rejects.toThrow(/append-only/);
    await expect(engine.database.query("delete from audit_events where id = $1", [id])).rejects.toThrow(/append-only/);
    const rows = await engine.database.query<{ actor: string }>("select actor from audit_events where id = $1", [id]);
    expect(rows).toEqual([{ actor: "test" }]);
  });

  describe("search indexes, after a bulk load of many documents", () => {
    const dimensions = 8;
    const vectorOf = (seed: number) => Array.from({ length: dimensions }, (_, index) => Math.sin(seed * 12.9898 + index * 78.233));
    const plans: string[] = [];
    // Captures the plan of whatever statement a store function runs, instead of running it.
    const explaining = (target: Queryable): Queryable => ({
      async query<Row>(sql: string, parameters?: readonly unknown[]) {
        const rows = await target.query<{ "QUERY PLAN": string }>(`explain ${sql}`, parameters);
        plans.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
        return [] as Row[];
      },
      execute: (script) => target.execute(script),
    });

    beforeAll(async () => {
      await engine.database.transaction(async (transaction) => {
        await transaction.query("delete from documents");
        const documents: NewDocument[] = Array.from({ length: 60 }, (_, documentIndex) => {
          const accountId = documentIndex % 2 === 0 ? "north" : "south";
          const turns = Array.from({ length: 25 }, (_, turn) => `Call ${documentIndex} turn ${turn}: ${turn % 5 === 0 ? "we need more seats" : "the weather was fine"}.`);
          return {
            ...callDocument(accountId, `calls/${accountId}/2026-10-${documentIndex}-bulk.vtt`, turns.map((text, turn) => [text, vectorOf(documentIndex * 100 + turn)])),
          };
        });
        await writeDocuments(transaction, documents);
        await createSearchIndexes(transaction, dimensions);
      });
    });

    it("wrote every chunk of every document in one bulk write", async () => {
      const [counts] = await engine.database.query<{ documents: number | string; chunks: number | string }>(
        "select (select count(*) from documents) as documents, (select count(*) from chunks) as chunks",
      );
      expect([Number(counts?.documents), Number(counts?.chunks)]).toEqual([60, 1500]);
      expect(await searchIndexesExist(engine.database)).toBe(true);
    });

    it("uses the HNSW index across accounts and returns what an exact search returns", async () => {
      const query = vectorOf(4242);
      await engine.database.transaction(async (transaction) => {
        // Small tables tempt the planner into a sequential scan; the point here is that the index matches the query.
        await transaction.query("set local enable_seqscan = off");
        await nearestChunks(explaining(transaction), query, { limit: 5 });
      });
      expect(plans.at(-1)).toMatch(/Index Scan using chunks_embedding_idx/);
      const hits = await nearestChunks(engine.database, query, { limit: 1 });
      const [exact] = await engine.database.query<{ id: number | string }>(
        "select id from chunks order by embedding <=> $1::vector limit 1",
        [`[${query.join(",")}]`],
      );
      expect(hits[0]?.chunkId).toBe(Number(exact?.id));
    });

    it("searches one account exactly, through the account index and never the HNSW one", async () => {
      await engine.database.transaction(async (transaction) => {
        await transaction.query("set local enable_seqscan = off");
        await nearestChunks(explaining(transaction), vectorOf(7), { accountId: "north", limit: 5 });
      });
      expect(plans.at(-1)).not.toMatch(/chunks_embedding_idx/);
      expect(plans.at(-1)).toMatch(/Index Cond: \(account_id = 'north'::text\)/);
      const hits = await nearestChunks(engine.database, vectorOf(7), { accountId: "north", limit: 20 });
      expect(hits).toHaveLength(20);
      expect(hits.every((hit) => hit.accountId === "north")).toBe(true);
    });

    it("uses the GIN index for full-text search", async () => {
      await engine.database.transaction(async (transaction) => {
        await transaction.query("set local enable_seqscan = off");
        await searchChunks(explaining(transaction), "seats");
      });
      expect(plans.at(-1)).toMatch(/chunks_search_idx/);
      expect(await searchChunks(engine.database, "seats", { limit: 400 })).toHaveLength(300);
    });
  });

  it("refuses a chunk whose account does not exist", async () => {
    await expect(
      engine.database.transaction((transaction) =>
        replaceDocument(transaction, callDocument("nobody", "calls/nobody/2026-01-01-x.vtt", [["text", [1, 0, 0]]])),
      ),
    ).rejects.toThrow();
  });
});

describe("a PostgreSQL server without pgvector", () => {
  it("gets an error that names the extension and how to install it", async () => {
    const engine = await startSocketEngine({ withPgvector: false, migrated: false });
    try {
      const failure = await migrate(engine.database).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).name).toBe("DatabaseError");
      expect((failure as Error).message).toMatch(/pgvector extension \("vector"\) is not available/);
      expect((failure as Error).message).toMatch(/CREATE EXTENSION vector/);
      expect((failure as Error).message).not.toMatch(/secret/);
    } finally {
      await engine.stop();
    }
  });
});

function callDocument(accountId: string, sourceRef: string, turns: Array<[string, number[]]>): NewDocument {
  let offset = 0;
  const chunks = turns.map(([text, embedding], ordinal) => {
    const startOffset = offset;
    offset += text.length + 1;
    return {
      ordinal,
      startOffset,
      endOffset: startOffset + text.length,
      text,
      speaker: "Dana Okafor",
      speakerRole: "customer" as const,
      callOffsetSeconds: ordinal * 30,
      embedding,
      embeddingModel: "test-3d",
    };
  });
  return {
    accountId,
    kind: "call",
    sourceRef,
    title: "Review",
    occurredAt: "2026-10-01T15:00:00Z",
    fullText: turns.map(([text]) => text).join("\n"),
    contentHash: `hash-${sourceRef}-${turns.length}`,
    chunks,
  };
}
