import {
  approve,
  askHistory,
  assessReadiness,
  dispute,
  evidenceContext,
  findAccount,
  findEvidence,
  findHypothesis,
  gatesOfAssessment,
  history,
  listAccounts,
  listEvidence,
  listHypotheses,
  recordReadiness,
  reject,
  searchHistory,
  uploadSources,
  withdrawDispute,
  type CitedEvidence,
  type Services,
  type StoredHypothesis,
} from "../app/index.js";
import { today } from "../hypotheses/assess-account.js";
import { appReportReader } from "../report/app-report-reader.js";
import { buildAccountReport } from "../report/build-account-report.js";
import { buildPortfolio } from "../report/build-portfolio.js";
import { gatherReportSources } from "../report/gather-report-sources.js";
import { renderAccountHtml } from "../report/render-account-html.js";
import { renderAccountMarkdown } from "../report/render-account-markdown.js";
import { HYPOTHESIS_SECTIONS, SECTION_TITLES } from "../hypotheses/hypothesis-content.js";
import type { ReadinessResult } from "../rules/readiness-contract.js";
import { isSignalId, signalById } from "../taxonomy/signals.js";
import type { EvidenceQuery, EvidenceView, HypothesisView, ReadinessView } from "./schemas/api-schemas.js";
import type { HttpUseCases } from "./use-case-port.js";

function evidenceView(row: CitedEvidence): EvidenceView {
  return {
    id: row.id,
    accountId: row.accountId,
    signalId: row.signalId,
    quote: row.quote,
    quoteStart: row.quoteStart,
    quoteEnd: row.quoteEnd,
    speaker: row.speaker,
    speakerRole: row.speakerRole,
    documentKind: row.documentKind,
    sourceRef: row.sourceRef,
    documentTitle: row.documentTitle,
    occurredAt: row.occurredAt,
    status: row.status,
    citation: row.citation,
  };
}

function matchesQuery(row: CitedEvidence, query: EvidenceQuery): boolean {
  if (query.category !== undefined && (!isSignalId(row.signalId) || signalById(row.signalId).category !== query.category)) return false;
  if (query.role !== undefined && row.speakerRole !== query.role) return false;
  const day = row.occurredAt?.slice(0, 10);
  if (query.from !== undefined && (day === undefined || day < query.from)) return false;
  if (query.to !== undefined && (day === undefined || day > query.to)) return false;
  if (query.disputed === "exclude" && row.status === "disputed") return false;
  if (query.disputed === "only" && row.status !== "disputed") return false;
  return true;
}

/** A passage as a quote under an answer: its words, cut at a sentence-sized length. */
function excerpt(text: string, limit = 280): string {
  const words = text.replace(/\s+/g, " ").trim();
  return words.length <= limit ? words : `${words.slice(0, limit).replace(/\s\S*$/, "")}…`;
}

function readinessView(result: ReadinessResult): ReadinessView {
  return {
    accountId: result.accountId,
    asOf: result.asOf,
    verdict: result.verdict,
    rulesVersion: result.rulesVersion,
    gates: result.gates.map((gate) => ({ gate: gate.gate, status: gate.status, reasons: [...gate.reasons], evidenceIds: [...gate.evidenceIds] })),
    expansionTypes: result.expansionTypes.map((support) => ({ type: support.type, evidenceIds: [...support.evidenceIds], signals: [...support.signals] })),
  };
}

/**
 * The HTTP port bound to the application core: every route calls the same use case as the CLI command of
 * the same name, on services built once for the server's life.
 */
export function bindUseCases(services: Services): HttpUseCases {
  const hypothesisView = async (hypothesis: StoredHypothesis): Promise<HypothesisView> => {
    const content = hypothesis.content as Record<string, { text?: unknown; evidenceIds?: unknown } | undefined>;
    return {
      id: hypothesis.id,
      accountId: hypothesis.accountId,
      expansionType: hypothesis.expansionType,
      verdict: hypothesis.verdict as HypothesisView["verdict"],
      status: hypothesis.status,
      statusReason: hypothesis.statusReason,
      sections: HYPOTHESIS_SECTIONS.flatMap((name) => {
        const section = content[name];
        if (section === undefined || typeof section.text !== "string") return [];
        const evidenceIds = Array.isArray(section.evidenceIds) ? section.evidenceIds.map(String) : [];
        return [{ name, title: SECTION_TITLES[name], text: section.text, evidenceIds }];
      }),
      evidenceIds: [...hypothesis.evidenceIds],
      gates: (await gatesOfAssessment(services, hypothesis)).map((gate) => ({
        gate: gate.gate,
        status: gate.status,
        reasons: [...gate.reasons],
        evidenceIds: [...gate.evidenceIds],
      })),
      rulesVersion: hypothesis.rulesVersion,
      asOf: hypothesis.asOf,
      reviewedBy: hypothesis.reviewedBy,
      reviewedAt: hypothesis.reviewedAt,
      reviewComment: hypothesis.reviewComment,
      overrideReason: hypothesis.overrideReason,
      createdAt: hypothesis.createdAt,
    };
  };

  return {
    listAccounts: async () => listAccounts(services),
    findAccount: async (accountId) => findAccount(services, accountId),
    listEvidence: async (accountId, query) =>
      (await listEvidence(services, { accountId, ...(query.signal === undefined ? {} : { signalId: query.signal }) })).filter((row) => matchesQuery(row, query)).map(evidenceView),
    findEvidence: async (evidenceId) => {
      const row = await findEvidence(services, evidenceId);
      return row === undefined ? undefined : evidenceView(row);
    },
    evidenceContext: async (evidenceId) => {
      const context = await evidenceContext(services, evidenceId);
      return context === undefined ? undefined : { evidence: evidenceView(context.evidence), passages: context.passages.map((passage) => ({ ...passage })) };
    },
    listHypotheses: async ({ accountIds, status }) => {
      const stored = await listHypotheses(services, status === "all" ? {} : { status });
      const visible = stored.filter((hypothesis) => accountIds === undefined || accountIds.includes(hypothesis.accountId));
      return Promise.all(visible.map(hypothesisView));
    },
    findHypothesis: async (hypothesisId) => {
      const hypothesis = await findHypothesis(services, hypothesisId);
      return hypothesis === undefined ? undefined : hypothesisView(hypothesis);
    },
    approve: async (hypothesisId, review) => hypothesisView(await approve(services, hypothesisId, review)),
    reject: async (hypothesisId, review) => hypothesisView(await reject(services, hypothesisId, review)),
    dispute: async (evidenceId, review) => {
      const outcome = await dispute(services, evidenceId, review);
      return { evidenceId: outcome.evidenceId, reviewer: outcome.reviewer, staleHypotheses: [...outcome.staleHypotheses] };
    },
    withdrawDispute: async (evidenceId, review) => {
      const outcome = await withdrawDispute(services, evidenceId, review);
      return { evidenceId: outcome.evidenceId, reviewer: outcome.reviewer, staleHypotheses: [] };
    },
    assessReadiness: async (accountId, options) => readinessView((await assessReadiness(services, { accountId, asOf: options.asOf })).result),
    recordReadiness: async (accountId, options) => {
      const { assessment, recorded } = await recordReadiness(services, { accountId, asOf: options.asOf, actor: options.actor });
      return {
        assessmentId: recorded.assessmentId,
        changed: recorded.unchanged !== true,
        readiness: readinessView(assessment.result),
        hypotheses: recorded.hypotheses.map((hypothesis) => ({ id: hypothesis.id, expansionType: hypothesis.expansionType, status: hypothesis.status, change: hypothesis.change })),
      };
    },
    history: async (accountId) =>
      (await history(services, accountId)).map((event) => ({
        occurredAt: event.occurredAt,
        actor: event.actor,
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        details: event.details,
      })),
    search: async (accountId, query) =>
      (await searchHistory(services, { accountId, query: query.q, limit: query.limit })).passages.map((passage) => ({
        sourceRef: passage.citation.sourceRef,
        citation: passage.citation.label,
        text: passage.text,
        score: passage.score,
      })),
    ask: async (accountId, question) => {
      const result = await askHistory(services, { accountId, question });
      const byNumber = new Map(result.passages.map((passage) => [passage.number, passage]));
      return {
        question: result.question,
        insufficient: result.status === "nothing_found",
        sentences: result.sentences.map((sentence) => ({
          text: sentence.text,
          citations: sentence.citations.flatMap((number) => {
            const passage = byNumber.get(number);
            return passage === undefined ? [] : [{ label: passage.citation.label, quote: excerpt(passage.text) }];
          }),
        })),
      };
    },
    report: async (accountId, options) => {
      const report = buildAccountReport(await gatherReportSources(appReportReader(services), accountId, { asOf: options.asOf ?? today() }));
      return options.format === "html" ? renderAccountHtml(report) : renderAccountMarkdown(report);
    },
    portfolio: async (accountIds, options) => {
      const reader = appReportReader(services);
      // Only the accounts in the token's scope are decided at all.
      const scoped = accountIds === undefined ? reader : { ...reader, accountIds: async () => (await reader.accountIds()).filter((id) => accountIds.includes(id)) };
      const portfolio = await buildPortfolio(scoped, { asOf: options.asOf ?? today() });
      return portfolio.rows.map((row) => ({
        accountId: row.accountId,
        name: row.name,
        renewalDate: row.renewalDate,
        arr: row.arr,
        verdict: row.verdict,
        expansionTypes: [...row.expansionTypes],
        blockingRisks: [...row.blockingRisks],
        champion: row.champion,
        championStatus: row.championStatus,
        awaitingReview: row.awaitingReview,
      }));
    },
    upload: async (accountId, files, actor) => {
      const summary = await uploadSources(services, { accountId, files, actor });
      return { indexed: summary.indexed, unchanged: summary.unchanged, chunks: summary.chunks };
    },
  };
}
