import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { AuthenticationError, InputError, PermissionError } from "../../errors.js";
import { canSeeAccount, visibleAccounts } from "../access/principal.js";
import { requireReviewerRole, visibleAccount, visibleEvidence, visibleHypothesis } from "../access/scope.js";
import { csrfMatches, SESSION_COOKIE, SESSION_LIFETIME_SECONDS, type Session, type SessionStore } from "../access/sessions.js";
import type { TokenRegistry } from "../access/token-registry.js";
import type { HttpEnv } from "../http-env.js";
import type { ProblemDetails } from "../problem-details.js";
import type { EvidenceContextView, HypothesisView } from "../schemas/api-schemas.js";
import type { HttpUseCases } from "../use-case-port.js";
import { problemsOf } from "../validation-hook.js";
import { AccountPage, AccountsPage, AnswerPage, ErrorPage, NOTICES, QueuePage, SignInPage, type NoticeKey } from "./pages.js";
import { REVIEW_CSS } from "./review-styles.js";

export interface PageDependencies {
  readonly useCases: HttpUseCases;
  readonly tokens: TokenRegistry;
  readonly sessions: SessionStore;
}

/** No script, no inline style, no framing, forms only to this server. */
const PAGE_SECURITY_HEADERS = {
  "content-security-policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cache-control": "no-store",
};

/** A report is a standalone document from the report module: it may carry its own inline styles, never script. */
const REPORT_SECURITY_HEADERS = {
  ...PAGE_SECURITY_HEADERS,
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/** At most this many quotes per hypothesis in the queue, so one card stays readable. */
const QUOTES_PER_CARD = 8;

const csrfField = z.string({ error: "the form has no CSRF token: reload the page and try again" });
const reviewFormSchema = z.object({
  csrf: csrfField,
  decision: z.enum(["approve", "reject"], { error: 'must be "approve" or "reject"' }),
  comment: z.string().max(2000, { error: "must be at most 2000 characters" }).optional(),
  overrideReason: z.string().max(2000, { error: "must be at most 2000 characters" }).optional(),
});
const disputeFormSchema = z.object({
  csrf: csrfField,
  comment: z.string().max(2000, { error: "must be at most 2000 characters" }).optional(),
});
const askQuerySchema = z.object({ question: z.string().trim().min(1, { error: "ask a question" }).max(1000, { error: "must be at most 1000 characters" }) });
const noticeSchema = z.enum(Object.keys(NOTICES) as [NoticeKey, ...NoticeKey[]]).optional().catch(undefined);

function withPageHeaders(c: Context<HttpEnv>): void {
  for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) c.header(name, value);
}

/** Only a local path may be a redirect target after sign-in (no "//host", no scheme). */
function safeNext(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])[^\s]*$/.test(value) ? value : "/";
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

async function formOf<Schema extends z.ZodType>(c: Context<HttpEnv>, schema: Schema): Promise<z.infer<Schema>> {
  const body = await c.req.parseBody();
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new InputError(problemsOf(parsed.error, "form"), { headline: "The form is not valid:", cause: parsed.error });
  return parsed.data;
}

/**
 * Renders an error on the review page with the problem's status. Used by `app.onError`, so the page and the
 * API share one mapping from the error tree.
 */
export function renderErrorPage(c: Context<HttpEnv>, problem: ProblemDetails): Response | Promise<Response> {
  withPageHeaders(c);
  const session = c.get("session");
  if (problem.status === 401 && c.req.method === "GET") return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
  return c.html(
    <ErrorPage problem={problem} signedIn={session === undefined ? undefined : { principal: session.principal, csrfToken: session.csrfToken }} />,
    problem.status as 401,
  );
}

/** The review page: sign-in with a token, the queue, accounts with the ask box and evidence, the report. */
export function registerPages(app: OpenAPIHono<HttpEnv>, dependencies: PageDependencies): void {
  const { useCases, tokens, sessions } = dependencies;

  const signedIn: MiddlewareHandler<HttpEnv> = async (c, next) => {
    const session = sessions.find(getCookie(c, SESSION_COOKIE));
    if (session === undefined) throw new AuthenticationError("Sign in with your token first.");
    c.set("session", session);
    c.set("principal", session.principal);
    withPageHeaders(c);
    await next();
  };

  /** Every state-changing form: the session's CSRF token must come back in the body. */
  const checkedForm = async <Schema extends z.ZodType<{ csrf: string }>>(c: Context<HttpEnv>, schema: Schema): Promise<z.infer<Schema>> => {
    const session = c.get("session") as Session;
    const body = await c.req.parseBody();
    if (!csrfMatches(session, body.csrf)) throw new PermissionError("The form's CSRF token does not match your session: reload the page and try again.");
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new InputError(problemsOf(parsed.error, "form"), { headline: "The form is not valid:", cause: parsed.error });
    return parsed.data;
  };

  app.get("/assets/review.css", (c) => c.body(REVIEW_CSS, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "max-age=300" }));

  app.get("/sign-in", (c) => {
    withPageHeaders(c);
    return c.html(<SignInPage next={safeNext(c.req.query("next"))} />);
  });

  app.post("/sign-in", async (c) => {
    withPageHeaders(c);
    const form = await formOf(c, z.object({ token: z.string().trim().max(512).catch(""), next: z.string().optional() }));
    const principal = tokens.authenticate(form.token);
    if (principal === undefined) return c.html(<SignInPage failed next={safeNext(form.next)} />, 401);
    sessions.close(getCookie(c, SESSION_COOKIE));
    const session = sessions.open(principal);
    setCookie(c, SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: "Strict",
      path: "/",
      maxAge: SESSION_LIFETIME_SECONDS,
      secure: new URL(c.req.url).protocol === "https:",
    });
    return c.redirect(safeNext(form.next), 303);
  });

  app.post("/sign-out", signedIn, async (c) => {
    await checkedForm(c, z.object({ csrf: csrfField }));
    sessions.close(c.get("session")?.id);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/sign-in", 303);
  });

  const quotesOf = async (hypothesis: HypothesisView): Promise<EvidenceContextView[]> => {
    const contexts = await Promise.all(hypothesis.evidenceIds.slice(0, QUOTES_PER_CARD).map((id) => useCases.evidenceContext(id)));
    return contexts.filter((context): context is EvidenceContextView => context !== undefined);
  };

  app.get("/", signedIn, async (c) => {
    const session = c.get("session") as Session;
    const principal = session.principal;
    const [hypotheses, accounts] = await Promise.all([
      useCases.listHypotheses({ accountIds: visibleAccounts(principal), status: "draft" }),
      useCases.listAccounts(),
    ]);
    const names = new Map(accounts.map((account) => [account.id, account.name]));
    const items = await Promise.all(
      hypotheses
        .filter((hypothesis) => canSeeAccount(principal, hypothesis.accountId))
        .map(async (hypothesis) => ({ hypothesis, accountName: names.get(hypothesis.accountId) ?? hypothesis.accountId, quotes: await quotesOf(hypothesis) })),
    );
    return c.html(<QueuePage principal={principal} csrfToken={session.csrfToken} items={items} notice={noticeSchema.parse(c.req.query("done"))} />);
  });

  app.get("/accounts", signedIn, async (c) => {
    const session = c.get("session") as Session;
    const accounts = (await useCases.listAccounts()).filter((account) => canSeeAccount(session.principal, account.id));
    return c.html(<AccountsPage principal={session.principal} csrfToken={session.csrfToken} accounts={accounts} />);
  });

  app.get("/accounts/:accountId", signedIn, async (c) => {
    const session = c.get("session") as Session;
    const account = await visibleAccount(useCases, session.principal, c.req.param("accountId"));
    const [evidence, hypotheses] = await Promise.all([
      useCases.listEvidence(account.id, { disputed: "include" }),
      useCases.listHypotheses({ accountIds: [account.id], status: "all" }),
    ]);
    return c.html(
      <AccountPage
        principal={session.principal}
        csrfToken={session.csrfToken}
        account={account}
        evidence={evidence}
        hypotheses={hypotheses}
        notice={noticeSchema.parse(c.req.query("done"))}
      />,
    );
  });

  // Asking changes nothing, so it is a GET: the answer has an address and needs no CSRF token.
  app.get("/accounts/:accountId/ask", signedIn, async (c) => {
    const session = c.get("session") as Session;
    const account = await visibleAccount(useCases, session.principal, c.req.param("accountId"));
    const parsed = askQuerySchema.safeParse({ question: c.req.query("question") ?? "" });
    if (!parsed.success) throw new InputError(problemsOf(parsed.error, "query"), { headline: "The question is not valid:" });
    const answer = await useCases.ask(account.id, parsed.data.question);
    return c.html(<AnswerPage principal={session.principal} csrfToken={session.csrfToken} account={account} answer={answer} />);
  });

  app.get("/accounts/:accountId/report", signedIn, async (c) => {
    const session = c.get("session") as Session;
    const account = await visibleAccount(useCases, session.principal, c.req.param("accountId"));
    const markdown = c.req.query("format") === "markdown";
    const text = await useCases.report(account.id, { format: markdown ? "markdown" : "html" });
    return c.body(text, 200, { ...REPORT_SECURITY_HEADERS, "content-type": markdown ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8" });
  });

  app.post("/hypotheses/:hypothesisId/review", signedIn, async (c) => {
    const session = c.get("session") as Session;
    const form = await checkedForm(c, reviewFormSchema);
    const hypothesis = await visibleHypothesis(useCases, session.principal, c.req.param("hypothesisId"));
    requireReviewerRole(session.principal, `${form.decision} hypotheses`);
    const reviewer = session.principal.reviewer;
    if (form.decision === "approve") {
      await useCases.approve(hypothesis.id, { reviewer, comment: emptyToUndefined(form.comment), overrideReason: emptyToUndefined(form.overrideReason) });
      return c.redirect("/?done=approved", 303);
    }
    const comment = emptyToUndefined(form.comment);
    if (comment === undefined) throw new InputError([{ file: "form", field: "comment", reason: "say why the hypothesis is rejected" }]);
    await useCases.reject(hypothesis.id, { reviewer, comment });
    return c.redirect("/?done=rejected", 303);
  });

  app.post("/evidence/:evidenceId/dispute", signedIn, async (c) => {
    const session = c.get("session") as Session;
    const form = await checkedForm(c, disputeFormSchema);
    const evidence = await visibleEvidence(useCases, session.principal, c.req.param("evidenceId"));
    requireReviewerRole(session.principal, "dispute evidence");
    await useCases.dispute(evidence.id, { reviewer: session.principal.reviewer, comment: emptyToUndefined(form.comment) });
    return c.redirect(`/accounts/${evidence.accountId}?done=disputed#evidence-${evidence.id}`, 303);
  });
}
