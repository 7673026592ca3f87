import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeEach, describe, expect, it } from "vitest";
import {
  accountView,
  createUseCasesDouble,
  evidenceView,
  hypothesisView,
  type UseCasesDouble,
} from "../../test/support/http-use-cases-double.js";
import { createToken } from "../config/access-tokens.js";
import { createTokenRegistry } from "./access/token-registry.js";
import { createHttpApp } from "./app.js";

const reviewer = createToken({ reviewer: "Maya Chen", role: "reviewer", accounts: "*" });
const reader = createToken({ reviewer: "Rui Reader", role: "reader", accounts: "*" });
const scoped = createToken({ reviewer: "Sam Scoped", role: "reviewer", accounts: ["acme"] });
const BODY_LIMIT = 4096;

let useCases: UseCasesDouble;
let app: ReturnType<typeof createHttpApp>;

beforeEach(() => {
  useCases = createUseCasesDouble({
    accounts: [accountView({ id: "acme", name: "Acme Freight" }), accountView({ id: "globex", name: "Globex" })],
    evidence: [evidenceView({ id: "41", accountId: "acme" }), evidenceView({ id: "42", accountId: "globex" })],
    hypotheses: [hypothesisView({ id: "7", accountId: "acme", evidenceIds: ["41"] }), hypothesisView({ id: "8", accountId: "globex" })],
  });
  app = createHttpApp({
    useCases,
    tokens: createTokenRegistry([reviewer.entry, reader.entry, scoped.entry]),
    bodyLimitBytes: BODY_LIMIT,
    logError: () => undefined,
  });
});

function call(path: string, options: { token?: string; method?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] = "application/json";
  }
  return Promise.resolve(app.request(path, { method: options.method ?? (body === undefined ? "GET" : "POST"), headers, ...(body === undefined ? {} : { body }) }));
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as { type: string; status: number; title: string; detail: string; problems?: Array<{ field?: string; record?: string; file: string; reason: string }> };
}

describe("access", () => {
  it("answers 401 with a problem and a Bearer challenge when there is no token or an unknown one", async () => {
    for (const token of [undefined, "evd_not-a-real-token"]) {
      const response = await call("/api/accounts", token === undefined ? {} : { token });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      expect(await problemOf(response)).toMatchObject({ status: 401, title: "Sign-in required" });
    }
  });

  it("answers an out-of-scope account exactly like one that does not exist", async () => {
    const outOfScope = await call("/api/accounts/globex/evidence", { token: scoped.token });
    const missing = await call("/api/accounts/nobody/evidence", { token: scoped.token });
    expect(outOfScope.status).toBe(404);
    expect(missing.status).toBe(404);
    const [hidden, absent] = [await problemOf(outOfScope), await problemOf(missing)];
    expect(hidden.detail.replace("globex", "X")).toBe(absent.detail.replace("nobody", "X"));
    expect(hidden.title).toBe(absent.title);
    // Ids of rows in other accounts are hidden the same way.
    expect((await call("/api/hypotheses/8", { token: scoped.token })).status).toBe(404);
    expect((await call("/api/evidence/42/dispute", { token: scoped.token, json: {} })).status).toBe(404);
    expect((await call("/api/hypotheses?account=globex", { token: scoped.token })).status).toBe(404);
    const listed = (await (await call("/api/accounts", { token: scoped.token })).json()) as { accounts: Array<{ id: string }> };
    expect(listed.accounts.map((account) => account.id)).toEqual(["acme"]);
    expect(useCases.calls).toEqual([]);
  });

  it("refuses a reader's approve, reject, dispute, readiness record and upload with 403, changing nothing", async () => {
    const attempts = [
      call("/api/hypotheses/7/approve", { token: reader.token, json: {} }),
      call("/api/hypotheses/7/reject", { token: reader.token, json: { comment: "no" } }),
      call("/api/evidence/41/dispute", { token: reader.token, json: {} }),
      call("/api/accounts/acme/readiness", { token: reader.token, json: {} }),
      call("/api/accounts/acme/sources", { token: reader.token, json: { files: [{ kind: "call", name: "a.txt", content: "x" }] } }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect((await problemOf(response)).detail).toContain("reader");
    }
    expect(useCases.calls).toEqual([]);
    expect(useCases.hypotheses[0]?.status).toBe("draft");
  });

  it("records the token's reviewer, and refuses a body that names one", async () => {
    const named = await call("/api/hypotheses/7/approve", { token: reviewer.token, json: { reviewer: "Someone Else", comment: "ok" } });
    expect(named.status).toBe(422);
    expect((await problemOf(named)).problems?.map((problem) => problem.field)).toEqual(["reviewer"]);

    const approved = await call("/api/hypotheses/7/approve", { token: reviewer.token, json: { comment: "Intro booked" } });
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as { hypothesis: { reviewedBy: string } }).hypothesis.reviewedBy).toBe("Maya Chen");
    expect(useCases.calls).toEqual(["approve 7 by Maya Chen"]);

    const again = await call("/api/hypotheses/7/approve", { token: reviewer.token, json: {} });
    expect(again.status).toBe(409);
  });
});

describe("request validation", () => {
  it("answers 413 for a body over the configured limit, before any use case runs", async () => {
    const response = await call("/api/accounts/acme/ask", { token: reviewer.token, json: { question: "x".repeat(BODY_LIMIT + 10) } });
    expect(response.status).toBe(413);
    expect((await problemOf(response)).detail).toContain(String(BODY_LIMIT));
  });

  it("answers 422 naming each bad field, for bodies, queries and paths", async () => {
    const cases: Array<[Promise<Response>, string[]]> = [
      [call("/api/accounts/acme/ask", { token: reviewer.token, json: { question: "   " } }), ["question"]],
      [call("/api/accounts/acme/ask", { token: reviewer.token, json: { question: 42, extra: true } }), ["question", "extra"]],
      [call("/api/hypotheses/7/reject", { token: reviewer.token, json: {} }), ["comment"]],
      [call("/api/accounts/acme/evidence?signal=bogus&from=yesterday", { token: reviewer.token }), ["signal", "from"]],
      [call("/api/hypotheses/seven", { token: reviewer.token }), ["hypothesisId"]],
      [call("/api/accounts/acme/sources", { token: reviewer.token, json: { files: [{ kind: "call", name: "../etc/passwd", content: "x" }] } }), ["files[0].name"]],
    ];
    for (const [pending, fields] of cases) {
      const response = await pending;
      expect(response.status).toBe(422);
      expect((await problemOf(response)).problems?.map((problem) => problem.field)).toEqual(fields);
    }
  });

  it("answers 422 for a body that is not JSON at all", async () => {
    const response = await call("/api/accounts/acme/ask", { token: reviewer.token, body: "{not json", headers: { "content-type": "application/json" } });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).problems?.[0]?.file).toBe("request body");
  });

  it("answers an upload with a bad record with 422 naming the file, record and field, and indexes nothing", async () => {
    const response = await call("/api/accounts/acme/sources", {
      token: reviewer.token,
      json: { files: [{ kind: "tickets", name: "good.json", content: "[]" }, { kind: "tickets", name: "bad.json", content: "BROKEN" }] },
    });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).problems).toEqual([{ file: "bad.json", record: "1", field: "comments[0].body", reason: "must be a non-empty string" }]);
    expect(useCases.calls).toEqual([]);
  });
});

describe("every endpoint answers a reviewer", () => {
  it.each([
    ["GET", "/api/me", undefined, "reviewer"],
    ["GET", "/api/accounts", undefined, "accounts"],
    ["GET", "/api/accounts/acme", undefined, "account"],
    ["GET", "/api/accounts/acme/evidence?signal=other_team_interest&role=customer&disputed=include", undefined, "evidence"],
    ["GET", "/api/evidence/41", undefined, "passages"],
    ["GET", "/api/hypotheses?status=all", undefined, "hypotheses"],
    ["GET", "/api/hypotheses/7", undefined, "hypothesis"],
    ["POST", "/api/hypotheses/7/reject", { comment: "Not now" }, "hypothesis"],
    ["POST", "/api/evidence/41/dispute", { comment: "vendor speech" }, "staleHypotheses"],
    ["POST", "/api/evidence/41/withdraw-dispute", {}, "evidenceId"],
    ["GET", "/api/accounts/acme/readiness?asOf=2026-11-23", undefined, "gates"],
    ["POST", "/api/accounts/acme/readiness", { asOf: "2026-11-23" }, "hypotheses"],
    ["GET", "/api/accounts/acme/history", undefined, "history"],
    ["GET", "/api/accounts/acme/search?q=marketing", undefined, "hits"],
    ["POST", "/api/accounts/acme/ask", { question: "What about marketing?" }, "sentences"],
    ["GET", "/api/portfolio", undefined, "accounts"],
    ["POST", "/api/accounts/acme/sources", { files: [{ kind: "call", name: "sync.txt", content: "[00:00:01] Dana: hello" }] }, "indexed"],
  ])("%s %s", async (method, path, json, key) => {
    const response = await call(path, { token: reviewer.token, method, ...(json === undefined ? {} : { json }) });
    expect(response.status).toBe(200);
    expect(Object.keys((await response.json()) as object)).toContain(key);
  });

  it("GET report as HTML and as Markdown", async () => {
    const html = await call("/api/accounts/acme/report", { token: reviewer.token });
    expect(html.headers.get("content-type")).toContain("text/html");
    const markdown = await call("/api/accounts/acme/report?format=markdown", { token: reviewer.token });
    expect(markdown.headers.get("content-type")).toContain("text/markdown");
    expect(await markdown.text()).toBe("# acme\n");
  });
});

describe("the OpenAPI document", () => {
  it("is served without a token and validates against the OpenAPI 3.1 schema", async () => {
    const response = await call("/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/accounts/{accountId}/evidence", "/api/hypotheses/{hypothesisId}/approve"]));
    const validator = new Validator();
    const result = await validator.validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });
});

describe("the review page", () => {
  async function signIn(token: string): Promise<{ cookie: string; csrf: string }> {
    const response = await app.request("/sign-in", { method: "POST", body: new URLSearchParams({ token, next: "/" }) });
    expect(response.status).toBe(303);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toContain(token);
    const cookie = setCookie.split(";")[0] ?? "";
    const page = await (await app.request("/", { headers: { cookie } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
    expect(csrf).not.toBe("");
    return { cookie, csrf };
  }

  it("sends a visitor without a session to the sign-in form, and refuses a wrong token", async () => {
    const response = await app.request("/accounts/acme");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/sign-in?next=%2Faccounts%2Facme");
    const refused = await app.request("/sign-in", { method: "POST", body: new URLSearchParams({ token: "evd_wrong" }) });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a state-changing form without the session's CSRF token, changing nothing", async () => {
    const { cookie } = await signIn(reviewer.token);
    for (const csrf of [undefined, "forged"]) {
      const body = new URLSearchParams({ decision: "approve", comment: "ok", ...(csrf === undefined ? {} : { csrf }) });
      const response = await app.request("/hypotheses/7/review", { method: "POST", headers: { cookie }, body });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("CSRF");
    }
    expect(useCases.calls).toEqual([]);
  });

  it("approves with a comment and disputes a row through the forms, as the signed-in reviewer", async () => {
    const { cookie, csrf } = await signIn(reviewer.token);
    const approve = await app.request("/hypotheses/7/review", { method: "POST", headers: { cookie }, body: new URLSearchParams({ csrf, decision: "approve", comment: "Intro booked" }) });
    expect(approve.status).toBe(303);
    expect(approve.headers.get("location")).toBe("/?done=approved");
    const dispute = await app.request("/evidence/41/dispute", { method: "POST", headers: { cookie }, body: new URLSearchParams({ csrf, comment: "vendor speech" }) });
    expect(dispute.status).toBe(303);
    expect(useCases.calls).toEqual(["approve 7 by Maya Chen", "dispute 41 by Maya Chen"]);
  });

  it("renders HTML-looking source text as text, under a policy that runs no script", async () => {
    const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>'; drop table evidence; --`;
    useCases.evidence[0] = evidenceView({ id: "41", accountId: "acme", quote: hostile });
    const { cookie } = await signIn(reviewer.token);
    const response = await app.request("/accounts/acme", { headers: { cookie } });
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("shows a reader the queue without review forms", async () => {
    const { cookie } = await signIn(reader.token);
    const html = await (await app.request("/", { headers: { cookie } })).text();
    expect(html).toContain("Acme Freight");
    expect(html).not.toContain('value="approve"');
  });
});
