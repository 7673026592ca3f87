import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { z } from "zod";
import { saveAccounts } from "../../src/db/account-store.js";
import type { Database } from "../../src/db/database.js";
import { storedDocumentOf, writeDocuments } from "../../src/db/document-store.js";
import { loadGoldSet } from "../../src/evals/load-gold.js";
import { foldText } from "../../src/extract/verify-citations.js";
import { CHUNKING_VERSION, chunkDocument } from "../../src/index/chunk-document.js";
import { indexSourceFolder } from "../../src/index/index-source-folder.js";
import { readSourceFolder } from "../../src/ingest/read-source-folder.js";
import type { Embedder } from "../../src/models/embedder.js";
import { createAccount } from "../support/factories.js";

const questionSchema = z.strictObject({
  account: z.string(),
  kind: z.enum(["fact", "person", "date", "compare", "none"]),
  question: z.string(),
  answers: z.array(z.string()),
});

export type RetrievalQuestion = z.infer<typeof questionSchema>;

const questionFileSchema = z.strictObject({ tuning: z.array(questionSchema), held_apart: z.array(questionSchema) });

export const QUESTIONS_FILE = new URL("./retrieval-questions.yaml", import.meta.url);

export async function loadQuestions(): Promise<{ tuning: RetrievalQuestion[]; heldApart: RetrievalQuestion[] }> {
  const parsed = questionFileSchema.parse(parse(await readFile(QUESTIONS_FILE, "utf8")));
  return { tuning: parsed.tuning, heldApart: parsed.held_apart };
}

/** Indexes the demo folder and every gold case (an account each) into `database`. */
export async function indexQuestionCorpus(database: Database, embedder: Embedder): Promise<void> {
  await indexSourceFolder(database, await readSourceFolder("data/demo"), { embedder, toolVersion: "bench" });
  const gold = await loadGoldSet();
  for (const goldCase of gold.cases) {
    const chunked = goldCase.documents.map((document) => ({ document, chunks: chunkDocument(document) }));
    const vectors = await embedder.embedDocuments(chunked.flatMap(({ chunks }) => chunks.map((chunk) => chunk.text)));
    let next = 0;
    await database.transaction(async (transaction) => {
      await saveAccounts(transaction, [createAccount({ id: goldCase.accountId })], goldCase.file);
      await writeDocuments(
        transaction,
        chunked.map(({ document, chunks }) =>
          storedDocumentOf(
            document,
            chunks.map((chunk) => ({ ...chunk, embedding: vectors[next++], embeddingModel: embedder.modelId })),
            CHUNKING_VERSION,
          ),
        ),
      );
    });
  }
}

/** Where each answer quote starts in the stored documents of its account: [documentId, offset]. */
export async function locateAnswers(database: Database, questions: readonly RetrievalQuestion[]): Promise<Map<RetrievalQuestion, Array<[number, number]>>> {
  const documents = await database.query<{ id: number | string; account_id: string; full_text: string }>("select id, account_id, full_text from documents");
  const folded = documents.map((document) => ({ id: Number(document.id), accountId: document.account_id, text: foldText(document.full_text) }));
  const located = new Map<RetrievalQuestion, Array<[number, number]>>();
  const missing: string[] = [];
  for (const question of questions) {
    const places: Array<[number, number]> = [];
    for (const quote of question.answers) {
      const needle = foldText(quote).text;
      const found = folded.filter((document) => document.accountId === question.account).flatMap((document) => {
        const at = document.text.text.indexOf(needle);
        return at === -1 ? [] : [[document.id, document.text.origins[at] ?? 0] as [number, number]];
      });
      if (found.length === 0) missing.push(`${question.account}: "${quote}"`);
      places.push(...found);
    }
    located.set(question, places);
  }
  if (missing.length > 0) throw new Error(`answer quotes not found in their account:\n${missing.join("\n")}`);
  return located;
}

/**
 * Copies every account (documents, chunks with their vectors and turns) `copies` times under new ids
 * (`<id>-copy<n>`), three INSERT ... SELECT statements in one transaction, so a large latency corpus
 * costs one generated and embedded corpus plus SQL copying. Drops the search indexes first; the caller
 * builds them once afterwards.
 */
export async function replicateAccounts(database: Database, copies: number): Promise<void> {
  if (copies < 1) return;
  await database.transaction(async (transaction) => {
    await transaction.query("select drop_chunk_search_indexes()");
    await transaction.query("create temporary table copy_numbers on commit drop as select generate_series(1, $1::integer) as copy", [copies]);
    await transaction.query(
      `insert into accounts (id, name, tier, arr, health, source_ref)
       select a.id || '-copy' || n.copy, a.name, a.tier, a.arr, a.health, a.source_ref from accounts a cross join copy_numbers n where a.id not like '%-copy%'`,
    );
    await transaction.query(
      `insert into documents (account_id, kind, source_ref, title, occurred_at, full_text, content_hash, metadata, chunking_version)
       select d.account_id || '-copy' || n.copy, d.kind, d.source_ref, d.title, d.occurred_at, d.full_text, d.content_hash, d.metadata, d.chunking_version
         from documents d cross join copy_numbers n
        where d.account_id not like '%-copy%'`,
    );
    await transaction.query(
      `insert into chunks (document_id, account_id, ordinal, start_offset, end_offset, text, speaker, speaker_role, call_offset_seconds, comment_ref, embedding, embedding_model, turns)
       select copied.id, copied.account_id, c.ordinal, c.start_offset, c.end_offset, c.text, c.speaker, c.speaker_role, c.call_offset_seconds, c.comment_ref,
              c.embedding, c.embedding_model, c.turns
         from chunks c
         join documents original on original.account_id = c.account_id and original.id = c.document_id
         cross join copy_numbers n
         join documents copied on copied.account_id = original.account_id || '-copy' || n.copy and copied.source_ref = original.source_ref
        where c.account_id not like '%-copy%'`,
    );
  });
}
