import { ConflictError, InputError, NotFoundError } from "../../src/errors.js";
import type { EvidenceView, HypothesisView } from "../../src/http/schemas/api-schemas.js";
import type { AccountView, HttpUseCases } from "../../src/http/use-case-port.js";

/**
 * An in-memory stand-in for the application core, for tests of the HTTP layer alone (access, validation,
 * error mapping, pages). It keeps state like the real use cases do (approve moves a draft, dispute marks a
 * row) and records every state change, so a test can assert that a refused request changed nothing.
 */
export interface UseCasesDouble extends HttpUseCases {
  readonly accounts: AccountView[];
  readonly evidence: EvidenceView[];
  readonly hypotheses: HypothesisView[];
  readonly calls: string[];
}

export function accountView(overrides: Partial<AccountView> & { id: string }): AccountView {
  return { name: overrides.id, tier: "Growth", arr: 48000, health: "green", health_trend: "up", domains: [], add_ons: [], ...overrides };
}

export function evidenceView(overrides: Partial<EvidenceView> & { id: string; accountId: string }): EvidenceView {
  return {
    signalId: "other_team_interest",
    quote: "Our marketing team keeps asking for logins.",
    quoteStart: 10,
    quoteEnd: 53,
    speaker: "Dana Okafor",
    speakerRole: "customer",
    documentKind: "ticket",
    sourceRef: "tickets/acme.json#1042",
    documentTitle: "Logins for marketing",
    occurredAt: "2026-10-14T09:00:00Z",
    status: "active",
    citation: "ticket #1042 comment 2, Dana Okafor (customer)",
    ...overrides,
  };
}

export function hypothesisView(overrides: Partial<HypothesisView> & { id: string; accountId: string }): HypothesisView {
  return {
    expansionType: "new_department",
    verdict: "ready",
    status: "draft",
    statusReason: null,
    sections: [{ name: "stakeholderPull", title: "Stakeholder pull", text: "Marketing asks for access.", evidenceIds: [] }],
    evidenceIds: [],
    gates: [{ gate: "customer_pull", status: "pass", reasons: ["Marketing asked twice."], evidenceIds: [] }],
    rulesVersion: "rules-1",
    asOf: "2026-11-23",
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
    overrideReason: null,
    createdAt: "2026-11-23T10:00:00Z",
    ...overrides,
  };
}

export function createUseCasesDouble(seed: { accounts: AccountView[]; evidence?: EvidenceView[]; hypotheses?: HypothesisView[] }): UseCasesDouble {
  const accounts = [...seed.accounts];
  const evidence = [...(seed.evidence ?? [])];
  const hypotheses = [...(seed.hypotheses ?? [])];
  const calls: string[] = [];
  const hypothesisOf = (id: string) => {
    const index = hypotheses.findIndex((hypothesis) => hypothesis.id === id);
    if (index < 0) throw new NotFoundError(`No hypothesis ${id}.`);
    return index;
  };
  const evidenceIndex = (id: string) => {
    const index = evidence.findIndex((row) => row.id === id);
    if (index < 0) throw new NotFoundError(`No evidence row ${id}.`);
    return index;
  };
  return {
    accounts,
    evidence,
    hypotheses,
    calls,
    listAccounts: async () => [...accounts],
    findAccount: async (id) => accounts.find((account) => account.id === id),
    listEvidence: async (accountId, query) =>
      evidence.filter(
        (row) =>
          row.accountId === accountId &&
          (query.signal === undefined || row.signalId === query.signal) &&
          (query.role === undefined || row.speakerRole === query.role) &&
          (query.disputed === "include" || (query.disputed === "only") === (row.status === "disputed")),
      ),
    findEvidence: async (id) => evidence.find((row) => row.id === id),
    evidenceContext: async (id) => {
      const row = evidence.find((candidate) => candidate.id === id);
      if (row === undefined) return undefined;
      const text = `Before that, ${row.quote} And after.`;
      const start = text.indexOf(row.quote);
      return {
        evidence: row,
        passages: [
          { speaker: "Sam Vendor", speakerRole: "vendor" as const, place: "comment 1", text: "How is the rollout going?", containsQuote: false },
          { speaker: row.speaker ?? "unknown", speakerRole: row.speakerRole, place: "comment 2", text, containsQuote: true, quoteStart: start, quoteEnd: start + row.quote.length },
        ],
      };
    },
    listHypotheses: async ({ accountIds, status }) =>
      hypotheses.filter((hypothesis) => (accountIds === undefined || accountIds.includes(hypothesis.accountId)) && (status === "all" || hypothesis.status === status)),
    findHypothesis: async (id) => hypotheses.find((hypothesis) => hypothesis.id === id),
    approve: async (id, review) => {
      const index = hypothesisOf(id);
      const before = hypotheses[index] as HypothesisView;
      if (before.status !== "draft") throw new ConflictError(`Cannot approve hypothesis ${id}: it is ${before.status} already.`);
      calls.push(`approve ${id} by ${review.reviewer}`);
      const after = { ...before, status: "approved" as const, reviewedBy: review.reviewer, reviewComment: review.comment ?? null };
      hypotheses[index] = after;
      return after;
    },
    reject: async (id, review) => {
      const index = hypothesisOf(id);
      calls.push(`reject ${id} by ${review.reviewer}`);
      const after = { ...(hypotheses[index] as HypothesisView), status: "rejected" as const, reviewedBy: review.reviewer, reviewComment: review.comment };
      hypotheses[index] = after;
      return after;
    },
    dispute: async (id, review) => {
      const index = evidenceIndex(id);
      calls.push(`dispute ${id} by ${review.reviewer}`);
      evidence[index] = { ...(evidence[index] as EvidenceView), status: "disputed" };
      return { evidenceId: id, reviewer: review.reviewer, staleHypotheses: [] };
    },
    withdrawDispute: async (id, review) => {
      const index = evidenceIndex(id);
      calls.push(`withdraw ${id} by ${review.reviewer}`);
      evidence[index] = { ...(evidence[index] as EvidenceView), status: "active" };
      return { evidenceId: id, reviewer: review.reviewer, staleHypotheses: [] };
    },
    assessReadiness: async (accountId, options) => ({ accountId, asOf: options.asOf ?? "2026-11-23", verdict: "ready", rulesVersion: "rules-1", gates: [], expansionTypes: [] }),
    recordReadiness: async (accountId, options) => {
      calls.push(`record ${accountId} by ${options.actor}`);
      return {
        assessmentId: "1",
        changed: true,
        readiness: { accountId, asOf: options.asOf ?? "2026-11-23", verdict: "ready", rulesVersion: "rules-1", gates: [], expansionTypes: [] },
        hypotheses: [],
      };
    },
    history: async () => [],
    search: async (_accountId, query) => [{ sourceRef: "tickets/acme.json#1042", citation: "ticket #1042 comment 2", text: `match for ${query.q}`, score: 0.5 }],
    ask: async (_accountId, question) => ({
      question,
      insufficient: false,
      sentences: [{ text: "Marketing asked for logins.", citations: [{ label: "ticket #1042 comment 2", quote: "Our marketing team keeps asking for logins." }] }],
    }),
    report: async (accountId, options) => (options.format === "html" ? `<h1>${accountId}</h1>` : `# ${accountId}\n`),
    portfolio: async (accountIds) =>
      accounts
        .filter((account) => accountIds === undefined || accountIds.includes(account.id))
        .map((account) => ({
          accountId: account.id,
          name: account.name,
          renewalDate: account.renewal_date ?? null,
          arr: account.arr,
          verdict: "ready" as const,
          expansionTypes: [],
          blockingRisks: [],
          champion: account.champion ?? null,
          championStatus: "active",
          awaitingReview: 0,
        })),
    upload: async (accountId, files, actor) => {
      const bad = files.find((file) => file.content.includes("BROKEN"));
      if (bad !== undefined) throw new InputError([{ file: bad.name, record: "1", field: "comments[0].body", reason: "must be a non-empty string" }]);
      calls.push(`upload ${accountId} ${files.length} by ${actor}`);
      return { indexed: files.length, unchanged: 0, chunks: files.length };
    },
  };
}
