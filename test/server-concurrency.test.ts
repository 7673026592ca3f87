import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../src/db/audit-history-store.js";
import type { Database } from "../src/db/database.js";
import { openPostgres } from "../src/db/open-postgres.js";
import { DatabaseError } from "../src/errors.js";
import { listHypotheses } from "../src/db/hypothesis-store.js";
import { extractStoredEvidence } from "../src/extract/extract-stored-evidence.js";
import type { Extractor } from "../src/extract/extractor.js";
import { OfflineExtractor } from "../src/extract/offline-extractor.js";
import { assessAccount } from "../src/hypotheses/assess-account.js";
import { recordReadiness } from "../src/hypotheses/record-readiness.js";
import { approveHypothesis } from "../src/hypotheses/review-hypothesis.js";
import { indexSourceFolder } from "../src/index/index-source-folder.js";
import { readChangedSourceFolder } from "../src/index/source-fingerprints.js";
import { createOfflineEmbedder } from "../src/models/hashing-embedder.js";
import { brokenDocuments } from "./support/database-snapshot.js";
import { SERVER_LABEL, SERVER_SKIP_REASON, startServerEngine, type TestEngine } from "./support/engines.js";
import { generateCorpus } from "./support/generate-corpus.js";
import { startCli } from "./support/run-cli.js";

// The promises PGlite cannot test: it runs one session, so nothing there ever happens at the same time.
// Each case forces its interleaving (a process started at a chosen moment, a row lock held by the test)
// rather than hoping for one, so the outcome never depends on timing.

const AS_OF = "2026-11-23";
const ACCOUNTS = 3;

async function indexInProcess(database: Database, folder: string): Promise<void> {
  const embedder = createOfflineEmbedder();
  await indexSourceFolder(database, await readChangedSourceFolder(database, folder, { embedder }), { embedder, toolVersion: "test" });
}

/** Runs `evidence index` in a child process to its end; it must succeed. */
async function indexInChild(url: string, folder: string): Promise<void> {
  const { status, stderr } = await startCli(["--db", url, "index", folder, "--batch-size", "4"]).finished;
  expect(status, stderr).toBe(0);
}

/** Every evidence row cites words that are in its document, at its offsets, from a chunk of that document. */
async function citationProblems(database: Database): Promise<unknown[]> {
  return database.query(
    `select e.id, e.quote from evidence e join documents d on d.id = e.document_id
       left join chunks c on c.id = e.chunk_id
      where e.account_id <> d.account_id
         or (e.alignment = 'exact' and substr(d.full_text, e.quote_start + 1, e.quote_end - e.quote_start) <> e.quote)
         or (c.id is not null and c.document_id <> e.document_id)`,
  );
}

/** Sessions of this database waiting on a lock (a row lock or an advisory lock). */
async function waitUntilWaitingOnLocks(database: Database, count: number): Promise<void> {
  for (;;) {
    const [row] = await database.query<{ waiting: number }>(
      "select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
    );
    if ((row?.waiting ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(SERVER_SKIP_REASON !== undefined)(`concurrency on ${SERVER_LABEL}`, () => {
  describe("extract and readiness while an index job rewrites the documents they read", () => {
    let engine: TestEngine;
    let folders: string[];

    beforeAll(async () => {
      engine = await startServerEngine({ maxConnections: 6 });
      const workspace = await mkdtemp(path.join(tmpdir(), "evidence-concurrency-"));
      // The same files with other words: every document of the second and third corpus replaces one.
      folders = [];
      for (const seed of [7, 8, 9]) {
        const folder = path.join(workspace, `corpus-${seed}`);
        await generateCorpus(folder, { accounts: ACCOUNTS, documentsPerAccount: 6, seed });
        folders.push(folder);
      }
      await indexInProcess(engine.database, folders[0] ?? "");
      await extractStoredEvidence(engine.database, { extractor: new OfflineExtractor(), toolVersion: "test" });
    });

    afterAll(async () => {
      await engine?.stop();
    });

    it("readiness that read the evidence before an index job replaced it records its result whole", async () => {
      const accountIds = (await engine.database.query<{ id: string }>("select id from accounts order by id")).map((row) => row.id);
      const assessments = await Promise.all(accountIds.map((accountId) => assessAccount(engine.database, accountId, { asOf: AS_OF })));
      expect(assessments.flatMap((assessment) => assessment.input.evidence).length).toBeGreaterThan(0);
      // The index job replaces every document (and with them their evidence) between the read and the write.
      await indexInChild(engine.url ?? "", folders[1] ?? "");
      expect(await engine.database.query("select 1 from evidence")).toEqual([]);
      for (const assessment of assessments) await recordReadiness(engine.database, assessment, { actor: "test" });

      const recorded = await engine.database.query<{ account_id: string; audited: boolean }>(
        `select a.account_id, exists (select 1 from audit_events e where e.action = 'readiness.assessed'
                                        and (e.details ->> 'assessmentId') = a.id::text) as audited
           from readiness_assessments a order by a.account_id`,
      );
      expect(recorded).toEqual(accountIds.map((accountId) => ({ account_id: accountId, audited: true })));
      expect(await brokenDocuments(engine.database)).toEqual({ withoutChunks: 0, orphanChunks: 0 });
      // The next run sees the evidence is gone: every open hypothesis of the old evidence goes stale or is rewritten.
      await extractStoredEvidence(engine.database, { extractor: new OfflineExtractor(), toolVersion: "test" });
      for (const accountId of accountIds) await recordReadiness(engine.database, await assessAccount(engine.database, accountId, { asOf: AS_OF }), { actor: "test" });
      const citedAndGone = await engine.database.query(
        `select h.id from hypotheses h where h.status in ('draft', 'approved')
            and exists (select 1 from unnest(h.evidence_ids) cited where not exists (select 1 from evidence e where e.id = cited))`,
      );
      expect(citedAndGone).toEqual([]);
    });

    it("an extraction whose chunks an index job replaced mid-run keeps only evidence of documents that still exist", async () => {
      const offline = new OfflineExtractor();
      let indexRan = false;
      // The extraction has read the chunks of the second corpus; before its answers come back, the third replaces them.
      const interrupted: Extractor = {
        provider: offline.provider,
        modelId: offline.modelId,
        promptHash: offline.promptHash,
        async extract(chunks) {
          if (!indexRan) {
            indexRan = true;
            await indexInChild(engine.url ?? "", folders[2] ?? "");
          }
          return offline.extract(chunks);
        },
      };
      // The cache would answer without asking the extractor: start from chunks it has not seen.
      await engine.database.query("delete from extraction_cache");
      const summary = await extractStoredEvidence(engine.database, { extractor: interrupted, toolVersion: "test" });
      expect(indexRan).toBe(true);
      expect(summary.failures).toEqual([]);
      expect(await citationProblems(engine.database)).toEqual([]);

      // A second run finds the third corpus's evidence; a third changes nothing.
      const second = await extractStoredEvidence(engine.database, { extractor: offline, toolVersion: "test" });
      expect(second.inserted).toBeGreaterThan(0);
      const third = await extractStoredEvidence(engine.database, { extractor: offline, toolVersion: "test" });
      expect(third).toMatchObject({ inserted: 0, removed: 0 });
      expect(await citationProblems(engine.database)).toEqual([]);
    });
  });

  describe("a reviewer approving while readiness marks the same hypothesis stale", () => {
    let engine: TestEngine;
    let holder: pg.Client;

    beforeAll(async () => {
      engine = await startServerEngine({ maxConnections: 6 });
      holder = new pg.Client({ connectionString: engine.url });
      await holder.connect();
      const workspace = await mkdtemp(path.join(tmpdir(), "evidence-review-race-"));
      const folder = path.join(workspace, "corpus");
      await generateCorpus(folder, { accounts: 1, documentsPerAccount: 8, seed: 11 });
      await indexInProcess(engine.database, folder);
      await extractStoredEvidence(engine.database, { extractor: new OfflineExtractor(), toolVersion: "test" });
    });

    afterAll(async () => {
      await holder?.end();
      await engine?.stop();
    });

    /**
     * A fresh draft, then evidence that changes its basis: one row of it is dropped from the database, so
     * the next readiness run must either rewrite the draft or, once approved, mark it stale.
     */
    async function draftThenChangeEvidence(): Promise<{ hypothesisId: string; accountId: string }> {
      const [account] = await engine.database.query<{ id: string }>("select id from accounts order by id limit 1");
      const accountId = account?.id ?? "";
      // Earlier cases leave hypotheses behind; stale ones are history, so the next run drafts afresh.
      await engine.database.query("update hypotheses set status = 'stale' where status in ('draft', 'approved', 'rejected')");
      const recorded = await recordReadiness(engine.database, await assessAccount(engine.database, accountId, { asOf: AS_OF }), { actor: "readiness" });
      const draft = recorded.hypotheses.find((hypothesis) => hypothesis.status === "draft");
      if (draft === undefined) throw new Error(`the generated account drafted no hypothesis: ${JSON.stringify(recorded)}`);
      const [cited] = await engine.database.query<{ id: string }>("select unnest(evidence_ids)::text as id from hypotheses where id = $1 limit 1", [draft.id]);
      await engine.database.query("update evidence set status = 'disputed' where id = $1", [cited?.id]);
      return { hypothesisId: draft.id, accountId };
    }

    /**
     * Holds the hypothesis row, starts `first` and waits until it queues on the row, then `second`, then
     * lets go: the server hands the row over in that order.
     */
    async function inOrder(hypothesisId: string, first: () => Promise<unknown>, second: () => Promise<unknown>): Promise<PromiseSettledResult<unknown>[]> {
      await holder.query("begin");
      await holder.query("select id from hypotheses where id = $1 for update", [hypothesisId]);
      const firstRun = first();
      await waitUntilWaitingOnLocks(engine.database, 1);
      const secondRun = second();
      await waitUntilWaitingOnLocks(engine.database, 2);
      await holder.query("commit");
      return Promise.allSettled([firstRun, secondRun]);
    }

    async function assertOneStory(hypothesisId: string, accountId: string): Promise<string[]> {
      const hypotheses = await listHypotheses(engine.database, { accountId });
      const open = hypotheses.filter((hypothesis) => hypothesis.status === "draft" || hypothesis.status === "approved");
      // Nothing half-written: one open hypothesis per expansion type, and an approval always rests on the
      // evidence of the latest assessment (or it would be stale).
      expect(new Set(open.map((hypothesis) => hypothesis.expansionType)).size).toBe(open.length);
      const [latest] = await engine.database.query<{ evidence_ids: string[] }>(
        "select array(select unnest(evidence_ids)::text) as evidence_ids from readiness_assessments where account_id = $1 order by id desc limit 1",
        [accountId],
      );
      for (const hypothesis of open.filter((item) => item.status === "approved")) {
        for (const id of hypothesis.evidenceIds) expect(latest?.evidence_ids).toContain(id);
      }
      const events = await listAuditEvents(engine.database, { subjectType: "hypothesis", subjectId: hypothesisId });
      return events.map((event) => event.action);
    }

    it("a statement stuck behind a lock fails at the statement timeout, with a message naming the setting", async () => {
      await holder.query("select pg_advisory_lock(42)");
      const impatient = await openPostgres(engine.url ?? "", { statementTimeoutMs: 200 });
      try {
        const stuck = impatient.query("select pg_advisory_lock(42)");
        await expect(stuck).rejects.toBeInstanceOf(DatabaseError);
        await expect(stuck).rejects.toThrow(/longer than the 200 ms statement timeout .* Raise EVIDENCE_DB_STATEMENT_TIMEOUT_MS/);
        // The pool is still usable afterwards.
        expect(await impatient.query("select 1 as one")).toEqual([{ one: 1 }]);
      } finally {
        await impatient.close();
        await holder.query("select pg_advisory_unlock(42)");
      }
    });

    it("approval first: the approval is recorded, then readiness marks it stale and drafts anew", async () => {
      const { hypothesisId, accountId } = await draftThenChangeEvidence();
      const assessment = await assessAccount(engine.database, accountId, { asOf: AS_OF });
      const [approval, readiness] = await inOrder(
        hypothesisId,
        () => approveHypothesis(engine.database, hypothesisId, { reviewer: "Maya", overrideReason: "test" }),
        () => recordReadiness(engine.database, assessment, { actor: "readiness" }),
      );
      expect(approval?.status).toBe("fulfilled");
      expect(readiness?.status).toBe("fulfilled");
      const actions = await assertOneStory(hypothesisId, accountId);
      expect(actions.slice(-2)).toEqual(["hypothesis.approved", "hypothesis.stale"]);
      const [stored] = await engine.database.query<{ status: string }>("select status from hypotheses where id = $1", [hypothesisId]);
      expect(stored?.status).toBe("stale");
    });

    it("readiness first: the draft is rewritten on the new evidence, then the reviewer approves that", async () => {
      const { hypothesisId, accountId } = await draftThenChangeEvidence();
      const assessment = await assessAccount(engine.database, accountId, { asOf: AS_OF });
      const [readiness, approval] = await inOrder(
        hypothesisId,
        () => recordReadiness(engine.database, assessment, { actor: "readiness" }),
        () => approveHypothesis(engine.database, hypothesisId, { reviewer: "Maya", overrideReason: "test" }),
      );
      expect(readiness?.status).toBe("fulfilled");
      expect(approval?.status).toBe("fulfilled");
      const actions = await assertOneStory(hypothesisId, accountId);
      expect(actions.slice(-2)).toEqual(["hypothesis.updated", "hypothesis.approved"]);
    });
  });
});
