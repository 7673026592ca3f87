import type { z } from "@hono/zod-openapi";
import type {
  AnswerView,
  DisputeOutcomeView,
  EvidenceContextView,
  EvidenceQuery,
  EvidenceView,
  HistoryEntryView,
  HypothesisView,
  PortfolioEntryView,
  ReadinessView,
  RecordedReadinessView,
  SearchHitView,
  UploadFile,
  UploadOutcomeView,
  accountSchema,
} from "./schemas/api-schemas.js";

export type AccountView = z.infer<typeof accountSchema>;

/**
 * What the HTTP front end needs from the application core, one function per use case. The server binds it
 * to the same use cases the CLI calls (`bind-use-cases.ts`); route tests may hand in a double. Scope checks
 * happen before any of these is called, so none of them knows about tokens. Lookups return undefined for
 * "no such thing"; state changes throw the error tree's errors (NotFoundError, ConflictError, InputError).
 */
export interface HttpUseCases {
  listAccounts(): Promise<AccountView[]>;
  findAccount(accountId: string): Promise<AccountView | undefined>;
  listEvidence(accountId: string, query: EvidenceQuery): Promise<EvidenceView[]>;
  findEvidence(evidenceId: string): Promise<EvidenceView | undefined>;
  /** The quote with the comment or call turns around it. */
  evidenceContext(evidenceId: string): Promise<EvidenceContextView | undefined>;
  /** Hypotheses of the given accounts (undefined: every account), filtered by status ("all" for every one). */
  listHypotheses(filter: { accountIds?: readonly string[] | undefined; status: HypothesisView["status"] | "all" }): Promise<HypothesisView[]>;
  findHypothesis(hypothesisId: string): Promise<HypothesisView | undefined>;
  approve(hypothesisId: string, review: { reviewer: string; comment?: string | undefined; overrideReason?: string | undefined }): Promise<HypothesisView>;
  reject(hypothesisId: string, review: { reviewer: string; comment: string }): Promise<HypothesisView>;
  dispute(evidenceId: string, review: { reviewer: string; comment?: string | undefined }): Promise<DisputeOutcomeView>;
  withdrawDispute(evidenceId: string, review: { reviewer: string; comment?: string | undefined }): Promise<DisputeOutcomeView>;
  /** Decides readiness without storing anything. */
  assessReadiness(accountId: string, options: { asOf?: string | undefined }): Promise<ReadinessView>;
  recordReadiness(accountId: string, options: { asOf?: string | undefined; actor: string }): Promise<RecordedReadinessView>;
  history(accountId: string): Promise<HistoryEntryView[]>;
  search(accountId: string, query: { q: string; limit: number }): Promise<SearchHitView[]>;
  ask(accountId: string, question: string): Promise<AnswerView>;
  report(accountId: string, options: { format: "html" | "markdown"; asOf?: string | undefined }): Promise<string>;
  portfolio(accountIds: readonly string[] | undefined, options: { asOf?: string | undefined }): Promise<PortfolioEntryView[]>;
  /** Indexes new tickets or transcripts of one account; a bad record throws InputError and stores nothing. */
  upload(accountId: string, files: readonly UploadFile[], actor: string): Promise<UploadOutcomeView>;
}
