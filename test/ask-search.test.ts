import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { RunnableLambda, RunnableSequence } from "@langchain/core/runnables";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { http } from "msw";
import { setupServer } from "msw/node";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { accountFacts } from "../src/ask/account-facts.js";
import { askQuestion, type AskServices } from "../src/ask/ask-question.js";
import type { AskResult } from "../src/ask/answer-schema.js";
import { OpenAiAnswerer } from "../src/ask/openai-answerer.js";
import { foldText } from "../src/extract/verify-citations.js";
import { indexSourceFolder } from "../src/index/index-source-folder.js";
import { readSourceFolder } from "../src/ingest/read-source-folder.js";
import { HashingEmbedder } from "../src/models/hashing-embedder.js";
import { Redactor } from "../src/models/redact-personal-data.js";
import { EvidenceRetriever } from "../src/search/evidence-retriever.js";
import { SEARCH_METHODS, searchPassages, type SearchInput } from "../src/search/search-passages.js";
import { writeAskSourceFolder } from "./support/ask-corpus.js";
import { runInProcess } from "./support/run-cli.js";
import { bufferedFetch, chatCompletion, MODEL_BASE_URL, type ChatRequestBody } from "./support/chat-completions.js";
import { describeEachEngine, startPgliteEngine, type TestEngine } from "./support/engines.js";

let engine: TestEngine;
const embedder = new HashingEmbedder();
const server = setupServer();
const requests: ChatRequestBody[] = [];
let warnings: number;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  engine = await startPgliteEngine();
  const summary = await indexSourceFolder(engine.database, await readSourceFolder(await writeAskSourceFolder()), { embedder, toolVersion: "test" });
  warnings = summary.warnings.length;
});
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(async () => {
  server.close();
  await engine.stop();
});

const search = (input: Omit<SearchInput, "accountId"> & { accountId?: string }) =>
  searchPassages({ database: engine.database, embedder }, input.allAccounts === true ? input : { accountId: "acme", ...input });

describe("search", () => {
  it("skips the blank turn with a warning and indexes the rest of the call", async () => {
    expect(warnings).toBe(1);
    const result = await search({ query: "who runs dispatch at the Memphis hub", kind: "call" });
    expect(result.passages[0]?.text).toContain("I will run dispatch at the Memphis hub");
    expect(result.passages.every((passage) => !/\[\d\d:\d\d:\d\d\]/.test(passage.text))).toBe(true);
  });

  it("never returns another account's chunk, whatever the method", async () => {
    for (const method of SEARCH_METHODS) {
      const result = await search({ query: "Zeppelin import seats", method, limit: 20 });
      expect(result.passages.length).toBeGreaterThan(0);
      expect(result.passages.every((passage) => passage.citation.accountId === "acme")).toBe(true);
      expect(result.passages.some((passage) => passage.text.includes("Zeppelin"))).toBe(false);
    }
  });

  it("across all accounts names the account of every hit", async () => {
    const result = await search({ allAccounts: true, query: "Zeppelin import" });
    expect(result.accountId).toBeNull();
    expect(result.passages[0]?.citation).toMatchObject({ accountId: "globex", label: "ticket #201, comment 1, Hank Scorpio (customer)" });
  });

  it("ranks the passages of a speaker the question names first, though names are not indexed words", async () => {
    const result = await search({ query: "what did Luis say about seats?", method: "bm25" });
    expect(result.passages[0]?.turns.some((turn) => turn.speaker === "Luis Romero")).toBe(true);
    // Without a name the same words rank Sam's reply about seats first, as plain BM25 does.
    const unnamed = await search({ query: "what did they say about seats?", method: "bm25" });
    expect(unnamed.passages[0]?.turns.map((turn) => turn.speaker)).toEqual(["Sam Ortiz"]);
  });

  it("matches any word of the question, not all of them", async () => {
    const result = await search({ query: "what did they say about Tableau rebuilding spreadsheets", method: "bm25" });
    expect(result.passages[0]?.text).toContain("Tableau");
  });

  it("filters by date, source kind, speaker role and person", async () => {
    const refs = async (input: Omit<SearchInput, "accountId" | "query">) => (await search({ ...input, query: "seats dashboards Memphis", limit: 20 })).passages.map((passage) => passage.citation.label);
    expect((await refs({ since: "2026-09-01" })).every((label) => label.startsWith("ticket #102") || label.startsWith("call 2026-10-20"))).toBe(true);
    expect(await refs({ until: "2026-06-02" })).toEqual(expect.arrayContaining([expect.stringMatching(/^ticket #101/)]));
    expect((await refs({ until: "2026-06-02" })).every((label) => label.startsWith("ticket #101"))).toBe(true);
    expect((await refs({ kind: "ticket" })).every((label) => label.startsWith("ticket"))).toBe(true);
    expect((await refs({ kind: "call" })).every((label) => label.startsWith("call"))).toBe(true);
    const vendor = await search({ query: "seats", speakerRole: "vendor", limit: 20 });
    expect(vendor.passages.length).toBeGreaterThan(0);
    expect(vendor.passages.every((passage) => passage.turns.some((turn) => turn.speakerRole === "vendor"))).toBe(true);
    const luis = await search({ query: "seats dashboards Memphis dispatch", person: "Luis", limit: 20 });
    expect(luis.passages.length).toBeGreaterThan(0);
    expect(luis.passages.every((passage) => passage.turns.some((turn) => turn.speaker === "Luis Romero"))).toBe(true);
  });

  it("gives every hit a citation with the speaker, the place and document offsets", async () => {
    const [hit] = (await search({ query: "120 of 120 seats shift leads share one login", kind: "ticket" })).passages;
    const [document] = await engine.database.query<{ full_text: string }>("select full_text from documents where source_ref = $1", [hit?.citation.sourceRef]);
    expect(hit?.citation).toMatchObject({ documentKind: "ticket", speaker: "Dana Okafor", speakerRole: "customer", commentRef: "1", label: "ticket #101, comment 1, Dana Okafor (customer)" });
    expect(document?.full_text.slice(hit?.citation.startOffset, hit?.citation.endOffset)).toBe(hit?.text);
  });
});

describeEachEngine("BM25 search", (start) => {
  let bm25Engine: TestEngine;
  beforeAll(async () => {
    bm25Engine = await start();
    await indexSourceFolder(bm25Engine.database, await readSourceFolder(await writeAskSourceFolder()), { embedder, toolVersion: "test" });
    // A chunk holding only the commoner of two rare words, many times in few words, outranks the one
    // chunk holding the rarer word once: pruning that underestimated what a word can add would lose it.
    const filler = "the renewal call covered reporting dashboards training sessions invoices exports and regional rollout plans for next quarter";
    await bm25Engine.database.transaction(async (transaction) => {
      await transaction.query("insert into accounts (id, name, tier, arr, health, source_ref) values ('initech', 'Initech', 'growth', 1000, 'green', 'test')");
      for (const [index, text] of [`${filler} quokka`, "wombat wombat wombat wombat wombat", `wombat ${filler}`].entries()) {
        const [document] = await transaction.query<{ id: string }>(
          "insert into documents (account_id, kind, source_ref, full_text, content_hash) values ('initech', 'ticket', $1, $2, $1) returning id",
          [`tickets/initech.json#${index}`, text],
        );
        await transaction.query("insert into chunks (document_id, account_id, ordinal, start_offset, end_offset, text) values ($1, 'initech', 0, 0, $2, $3)", [document?.id, text.length, text]);
      }
    });
  });
  afterAll(() => bm25Engine.stop());

  it("ranks by Okapi BM25 exactly: the scores a plain reading of every chunk gives, in one account, across all, and filtered", async () => {
    // The reference reads each chunk's whole tsvector (lexeme, positions) and counts everything itself.
    const rows = await bm25Engine.database.query<{ id: string; account_id: string; kind: string; lexeme: string; tf: number; length: number }>(
      `select c.id, c.account_id, d.kind, term.lexeme, cardinality(term.positions) as tf, length(c.search_vector) as length
         from chunks c join documents d on d.id = c.document_id, unnest(c.search_vector) as term`,
    );
    const reference = async (query: string, accountId: string | undefined, kind?: "ticket" | "call") => {
      const [{ lexemes } = { lexemes: [] }] = await bm25Engine.database.query<{ lexemes: string[] }>("select tsvector_to_array(to_tsvector('english', $1)) as lexemes", [query]);
      const scope = rows.filter((row) => accountId === undefined || row.account_id === accountId);
      const chunks = new Map<string, { length: number; kind: string; tf: Map<string, number> }>();
      for (const row of scope) {
        const chunk = chunks.get(row.id) ?? { length: row.length, kind: row.kind, tf: new Map<string, number>() };
        chunk.tf.set(row.lexeme, row.tf);
        chunks.set(row.id, chunk);
      }
      const average = [...chunks.values()].reduce((sum, chunk) => sum + chunk.length, 0) / chunks.size;
      const idf = (lexeme: string) => {
        const df = [...chunks.values()].filter((chunk) => chunk.tf.has(lexeme)).length;
        return Math.log(1 + (chunks.size - df + 0.5) / (df + 0.5));
      };
      return [...chunks.entries()]
        .filter(([, chunk]) => kind === undefined || chunk.kind === kind)
        .map(([id, chunk]) => ({
          id: Number(id),
          score: lexemes.reduce((sum, lexeme) => {
            const tf = chunk.tf.get(lexeme) ?? 0;
            return sum + (idf(lexeme) * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * chunk.length) / average));
          }, 0),
        }))
        .filter((hit) => hit.score > 0)
        .sort((a, b) => b.score - a.score || a.id - b.id)
        .slice(0, 8);
    };
    // Across accounts the candidates are pruned (MaxScore); small limits take the pruned paths.
    for (const [query, accountId, kind, limit] of [
      ["do they need more seats for the Memphis dispatchers", "acme", undefined, 8],
      ["Zeppelin import seats", undefined, undefined, 8],
      ["Zeppelin import seats", undefined, undefined, 1],
      ["Zeppelin the seats", undefined, undefined, 1],
      ["quokka wombat", undefined, undefined, 1],
      ["do they need more seats for the Memphis dispatchers", undefined, undefined, 2],
      ["seats dashboards Memphis", "acme", "ticket", 8],
    ] as const) {
      const found = await searchPassages({ database: bm25Engine.database, embedder }, { query, method: "bm25", limit, kind, ...(accountId === undefined ? { allAccounts: true } : { accountId }) });
      const expected = (await reference(query, accountId, kind)).slice(0, limit);
      expect(expected.length).toBeGreaterThanOrEqual(Math.min(limit, 2));
      expect(found.passages.map((passage) => passage.chunkId)).toEqual(expected.map((hit) => hit.id));
      if (accountId !== undefined) expect(found.passages.every((passage) => passage.citation.accountId === accountId)).toBe(true);
      found.passages.forEach((passage, index) => expect(passage.score).toBeCloseTo(expected[index]?.score ?? Number.NaN, 9));
    }
  });
});

describe("EvidenceRetriever", () => {
  it("feeds cited passages into a LangChain chain", async () => {
    const retriever = new EvidenceRetriever({ services: { database: engine.database, embedder }, search: { accountId: "acme", limit: 2 } });
    const model = new FakeListChatModel({ responses: ["They need forty more seats for Memphis [1]."] });
    const prompts: string[] = [];
    const chain = RunnableSequence.from([
      { context: retriever.pipe(new RunnableLambda({ func: (documents: Array<{ pageContent: string; metadata: { label: string } }>) => documents.map((document, index) => `[${index + 1}] ${document.metadata.label}: ${document.pageContent}`).join("\n") })), question: (question: string) => question },
      ChatPromptTemplate.fromMessages([["human", "Answer from these passages:\n{context}\n\nQuestion: {question}"]]),
      new RunnableLambda({ func: (prompt: { toString(): string }) => (prompts.push(prompt.toString()), prompt) }),
      model,
      new StringOutputParser(),
    ]);
    const answer = await chain.invoke("how many more seats do they need for Memphis?");
    expect(answer).toBe("They need forty more seats for Memphis [1].");
    expect(prompts[0]).toContain("call 2026-10-20 at 00:00:05");
    expect(prompts[0]).toContain("will need forty more seats");
  });
});

function answerer() {
  const client = new OpenAI({ apiKey: "test-key", baseURL: MODEL_BASE_URL, maxRetries: 0, fetch: bufferedFetch });
  return new OpenAiAnswerer({ model: "test-model", apiKey: "test-key", client, redactor: new Redactor() });
}

/** A scripted model: `reply` gets the request and its call number and returns the JSON answer. */
function model(reply: (body: ChatRequestBody, call: number) => unknown) {
  let call = 0;
  server.use(
    http.post(`${MODEL_BASE_URL}/chat/completions`, async ({ request }) => {
      const body = (await request.json()) as ChatRequestBody;
      requests.push(body);
      call += 1;
      return chatCompletion(JSON.stringify(reply(body, call)));
    }),
  );
}

const services = (withModel: boolean): AskServices => ({
  search: { database: engine.database, embedder },
  facts: accountFacts(engine.database),
  ...(withModel ? { answerer: answerer() } : {}),
});

/** Every sentence of an extractive answer is a passage's own words, in a passage it cites. */
function expectVerbatim(result: AskResult) {
  expect(result.sentences.length).toBeGreaterThan(0);
  for (const sentence of result.sentences) {
    const cited = sentence.citations.map((number) => result.passages[number - 1]?.text ?? "");
    expect(cited.some((text) => foldText(text).text.includes(foldText(sentence.text).text))).toBe(true);
  }
}

describe("ask", () => {
  const question = "how many more seats do they need for the Memphis hub?";

  it("answers offline with the passages' own sentences, cited", async () => {
    const result = await askQuestion(services(false), { accountId: "acme", question });
    expect(result).toMatchObject({ status: "answered", answerKind: "extractive", model: null });
    expectVerbatim(result);
    expect(result.sentences.map((sentence) => sentence.text)).toContain("We are opening the Memphis hub in January and will need forty more seats.");
  });

  it("keeps a model's answer whose every citation holds", async () => {
    model((body) => {
      expect(body.response_format?.type).toBe("json_schema");
      expect(body.messages.find((message) => message.role === "user")?.content).toMatch(/BEGIN PASSAGE 1 /);
      return { sentences: [{ text: "Dana Okafor said they will need forty more seats for Memphis.", citations: [1], quotes: ["will need forty more seats"] }] };
    });
    const result = await askQuestion(services(true), { accountId: "acme", question });
    expect(result).toMatchObject({ status: "answered", answerKind: "generated", citationCheck: { failedAttempts: 0, repaired: false, fellBack: false } });
    expect(result.sentences[0]?.citations).toEqual([1]);
  });

  it("catches a fabricated passage number and accepts the repaired answer", async () => {
    model((body, call) => {
      if (call === 1) return { sentences: [{ text: "They need forty more seats.", citations: [42], quotes: [] }] };
      expect(body.messages.at(-1)?.content).toMatch(/cites \[42\], but only passages 1 to \d+ were sent/);
      return { sentences: [{ text: "They need forty more seats.", citations: [1], quotes: ["forty more seats"] }] };
    });
    const result = await askQuestion(services(true), { accountId: "acme", question });
    expect(requests).toHaveLength(2);
    expect(result).toMatchObject({ answerKind: "generated", citationCheck: { failedAttempts: 1, repaired: true, fellBack: false } });
    expect(result.citationCheck.failures[0]).toMatchObject({ kind: "unknown_passage" });
  });

  it("catches a fabricated quote twice and falls back to the extractive answer, counting the failure", async () => {
    model(() => ({ sentences: [{ text: 'Dana said "we are cancelling the contract".', citations: [1], quotes: ["we are cancelling the contract"] }] }));
    const result = await askQuestion(services(true), { accountId: "acme", question });
    expect(requests).toHaveLength(2);
    expect(result).toMatchObject({ status: "answered", answerKind: "extractive", citationCheck: { failedAttempts: 2, repaired: false, fellBack: true } });
    expect(result.citationCheck.failures.map((failure) => failure.kind)).toContain("quote_not_found");
    expectVerbatim(result);
  });

  it("says nothing is in the history, lists the closest passages, and never calls the model", async () => {
    model(() => {
      throw new Error("the model must not be asked");
    });
    const result = await askQuestion(services(true), { accountId: "acme", question: "did they report a HIPAA breach in the radiology archive?" });
    expect(result).toMatchObject({ status: "nothing_found", answerKind: "none", sentences: [], passages: [] });
    expect(result.closest.length).toBeGreaterThan(0);
    expect(result.answerability.score).toBeLessThan(result.answerability.threshold);
    expect(requests).toHaveLength(0);
  });

  it("answers questions about people with the facts on record and when they last spoke", async () => {
    const result = await askQuestion(services(false), { accountId: "acme", question: "who is our champion and when did they last speak?" });
    expect(result.facts).toEqual(
      expect.arrayContaining([
        { label: "champion on record", value: "Dana Okafor", source: "accounts file" },
        expect.objectContaining({ label: "last time Dana Okafor spoke", value: expect.stringMatching(/^2026-10-20 \(call/) }),
      ]),
    );
  });
});

describe("evidence search and evidence ask", () => {
  const run = async (args: string[]) => {
    const written: string[] = [];
    await runInProcess(engine.database, args, { write: (text) => written.push(text) });
    return written.join("");
  };

  it("search prints ranked passages with citations, and --json the result object", async () => {
    const text = await run(["search", "acme", "forty more seats Memphis", "--limit", "2", "--kind", "call"]);
    expect(text).toMatch(/^\d passages for "forty more seats Memphis" \(bm25, \d+ words\) in acme:/);
    expect(text).toContain("[1] call 2026-10-20 at 00:00:05");
    const json = JSON.parse(await run(["--json", "search", "all", "Zeppelin", "--all-accounts"])) as { accountId: null; passages: Array<{ citation: { accountId: string } }> };
    expect(json.accountId).toBeNull();
    expect(json.passages[0]?.citation.accountId).toBe("globex");
  });

  it("search refuses a bad filter and an unknown account, naming them", async () => {
    await expect(run(["search", "acme", "seats", "--since", "last week"])).rejects.toThrow(/since/);
    await expect(run(["search", "nobody", "seats"])).rejects.toThrow(/No account "nobody"/);
  });

  it("ask prints the passages' own sentences under their sources offline, and says plainly when nothing answers", async () => {
    expect(await run(["ask", "acme", "how many more seats do they need for the Memphis hub?"])).toContain('"We are opening the Memphis hub in January and will need forty more seats."');
    const nothing = await run(["ask", "acme", "did they report a HIPAA breach in the radiology archive?"]);
    expect(nothing).toContain("Nothing in acme's history answers");
    expect(nothing).toContain("Closest, not an answer:");
  });
});
