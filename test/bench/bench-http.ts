/**
 * `npm run bench:http`: a load check of `evidence serve` on loopback, not a test (nothing fails). It seeds
 * ACCOUNTS accounts that the rules find ready (test/support/review-fixture.ts), drafts their hypotheses,
 * starts the server as `evidence serve` builds it, and sends bounded load (CONCURRENCY requests in flight)
 * to GET evidence, POST ask (offline answerer) and POST approve (each request approves a different draft).
 * One JSON line per endpoint: requests/s and latency percentiles. Runs on the embedded engine (PGlite in a
 * temporary directory, as `serve` opens it) and, when DATABASE_URL_TEST is set, on that PostgreSQL server
 * (a scratch database: the bench adds accounts to it).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServices, indexFolders, listHypotheses, loadSettings, recordReadiness } from "../../src/app/index.js";
import { createToken } from "../../src/config/access-tokens.js";
import { appForServices } from "../../src/http/server-app.js";
import { listen } from "../../src/http/serve.js";
import { labelReadyAccount, REVIEW_AS_OF, writeReviewSourceFolder } from "../support/review-fixture.js";
import { runLoad } from "./load-driver.js";

const ACCOUNTS = Number(process.env.BENCH_HTTP_ACCOUNTS ?? 120);
const CONCURRENCY = Number(process.env.BENCH_HTTP_CONCURRENCY ?? 8);
const EVIDENCE_REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 1000);
const ASK_REQUESTS = Math.min(EVIDENCE_REQUESTS, 300);

async function benchEngine(engine: "embedded" | "postgres", database: string): Promise<void> {
  const { token, entry } = createToken({ reviewer: "Load Check", role: "reviewer", accounts: "*" });
  const workingDirectory = await mkdtemp(path.join(tmpdir(), "evidence-bench-http-"));
  const settings = loadSettings({ flags: { db: database }, environment: { EVIDENCE_TOKENS: JSON.stringify([entry]) }, workingDirectory });
  const services = await createServices(settings);
  try {
    const runTag = Date.now().toString(36);
    const accountIds = Array.from({ length: ACCOUNTS }, (_, index) => `bench-${runTag}-${String(index + 1).padStart(4, "0")}`);
    const seedStarted = performance.now();
    const folder = await writeReviewSourceFolder(accountIds.map((id) => ({ id, name: `Bench ${id}` })));
    await indexFolders(services, { folders: [folder] });
    await rm(folder, { recursive: true, force: true });
    for (const accountId of accountIds) {
      await labelReadyAccount(services, accountId);
      await recordReadiness(services, { accountId, asOf: REVIEW_AS_OF, actor: "bench" });
    }
    const drafts = (await listHypotheses(services, { status: "draft" })).filter((hypothesis) => hypothesis.accountId.startsWith(`bench-${runTag}-`));
    process.stderr.write(`${engine}: seeded ${ACCOUNTS} accounts and ${drafts.length} drafts in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s\n`);

    const server = await listen(appForServices(services), { host: "127.0.0.1", port: 0 });
    const headers = { authorization: `Bearer ${token}` };
    const jsonHeaders = { ...headers, "content-type": "application/json" };
    const accountAt = (index: number) => accountIds[index % accountIds.length] as string;
    try {
      const print = (endpoint: string, result: object) =>
        process.stdout.write(`${JSON.stringify({ bench: "http", engine, endpoint, accounts: ACCOUNTS, ...result })}\n`);
      // A short warm-up, so the first measured requests do not pay for compiling routes and queries.
      await runLoad({ requests: 50, concurrency: CONCURRENCY, expectStatus: 200, send: (index) => fetch(`${server.url}/api/accounts/${accountAt(index)}/evidence`, { headers }) });

      print(
        "GET /api/accounts/{id}/evidence",
        await runLoad({ requests: EVIDENCE_REQUESTS, concurrency: CONCURRENCY, expectStatus: 200, send: (index) => fetch(`${server.url}/api/accounts/${accountAt(index)}/evidence`, { headers }) }),
      );
      const probe = await fetch(`${server.url}/api/accounts/${accountAt(0)}/ask`, { method: "POST", headers: jsonHeaders, body: JSON.stringify({ question: "What did they say about the warehouse team?" }) });
      await probe.arrayBuffer();
      if (probe.status === 501) print("POST /api/accounts/{id}/ask", { skipped: "ask is not part of this build (501)" });
      else {
        print(
          "POST /api/accounts/{id}/ask",
          await runLoad({
            requests: ASK_REQUESTS,
            concurrency: CONCURRENCY,
            expectStatus: 200,
            send: (index) =>
              fetch(`${server.url}/api/accounts/${accountAt(index)}/ask`, { method: "POST", headers: jsonHeaders, body: JSON.stringify({ question: "What did they say about the warehouse team?" }) }),
          }),
        );
      }
      print(
        "POST /api/hypotheses/{id}/approve",
        await runLoad({
          requests: drafts.length,
          concurrency: CONCURRENCY,
          expectStatus: 200,
          send: (index) =>
            fetch(`${server.url}/api/hypotheses/${drafts[index]?.id ?? "0"}/approve`, { method: "POST", headers: jsonHeaders, body: JSON.stringify({ comment: "load check" }) }),
        }),
      );
    } finally {
      await server.close();
    }
  } finally {
    await services.close();
    await rm(workingDirectory, { recursive: true, force: true });
  }
}

const embeddedDirectory = await mkdtemp(path.join(tmpdir(), "evidence-bench-http-db-"));
try {
  await benchEngine("embedded", embeddedDirectory);
} finally {
  await rm(embeddedDirectory, { recursive: true, force: true });
}
const postgresUrl = process.env.DATABASE_URL_TEST?.trim();
if (postgresUrl !== undefined && postgresUrl !== "") await benchEngine("postgres", postgresUrl);
else process.stderr.write("DATABASE_URL_TEST is not set: PostgreSQL skipped (start one with ../shared/scripts/pg-test-server).\n");
