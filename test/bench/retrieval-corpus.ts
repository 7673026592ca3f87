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
