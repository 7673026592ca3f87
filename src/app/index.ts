/**
 * The application core: settings, services and use cases. Front ends (cli/, http/) and use-case modules
 * (report/, ask/) import from here, never from db/. See README.md in this folder.
 */
export { loadSettings, requireReviewer, discoverDatabaseDirectory, CONFIG_FILES, type Settings, type SettingsFlags, type SettingsSources } from "./settings.js";
export { createServices, withServices, TOOL_VERSION, type Services, type ServiceOverrides, type OpenDatabase, type Database, type MigrationReport } from "./services.js";
export { listAccounts, importAccounts, latestUsage } from "./use-cases/accounts.js";
export { indexFolders, indexSource, type IndexFoldersInput, type FolderIndexed } from "./use-cases/index-folders.js";
export { extractEvidence } from "./use-cases/extract-evidence.js";
export { assessReadiness, recordReadiness, type AssessInput } from "./use-cases/readiness.js";
export { approve, reject, dispute, withdrawDispute, type ReviewInput, type DisputeOutcome, type WithdrawnDispute, type StoredHypothesis } from "./use-cases/review.js";
export { listDocumentFlags, listEvidence, type CitedEvidence, type EvidenceFilter } from "./use-cases/evidence.js";
export { listHypotheses, HYPOTHESIS_STATUSES, type HypothesisStatus } from "./use-cases/hypotheses.js";
export { history, accountHistory, type AccountHistory, type RecordedAuditEvent, type StoredAssessment } from "./use-cases/history.js";
export { listDisputes, exportDisputes, type DisputedEvidence } from "./use-cases/disputes.js";
export { previousAssessment, disputedQuotes, type RecordedAssessment, type DisputedRow } from "./use-cases/report-history.js";
export { searchHistory, askHistory, queryEmbedder } from "./use-cases/ask-history.js";
export { searchInputSchema, searchResultSchema, SEARCH_METHODS, type SearchInput, type SearchResult } from "../search/search-passages.js";
export { wordCount, type Passage } from "../search/passage.js";
export { askInputSchema, type AskInput } from "../ask/ask-question.js";
export { askResultSchema, type AskResult } from "../ask/answer-schema.js";
export { formatCitation } from "../evidence/cite-evidence.js";
export type { EvidenceId, EvidenceRecord, QuotedEvidence } from "../evidence/evidence-record.js";
export { findAccount, findEvidence, findHypothesis, evidenceContext, gatesOfAssessment, type EvidenceInContext, type ContextPassage } from "./use-cases/review-reads.js";
export { uploadSources, type UploadedSource } from "./use-cases/upload-sources.js";
