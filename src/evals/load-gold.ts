import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { InputError, type InputProblem } from "../errors.js";
import type { Account } from "../ingest/account-schema.js";
import { callDocument, ticketDocument, type CanonicalDocument } from "../ingest/canonical-document.js";
import { readText } from "../ingest/read-source-file.js";
import type { RoleDirectory, SpeakerRole } from "../ingest/speaker-role.js";
import { ticketSchema } from "../ingest/ticket-schema.js";
import { plainTextFormat } from "../ingest/transcript-formats/plain-text-format.js";
import type { UsageMetric } from "../ingest/usage-schema.js";
import { loadVendorProfile, roleDirectoryOf, type VendorProfile } from "../ingest/vendor-profile.js";
import type { Verdict } from "../rules/readiness-contract.js";
import type { SignalId } from "../taxonomy/signals.js";
import { validateRecord } from "../ingest/validate-records.js";
import { goldCaseSchema, type GoldCaseFile, type GoldDocumentFile, type GoldSplit, type HardNegativeKind } from "./gold-schema.js";

/** A labelled span of a gold document, in the document's full-text offsets. */
export interface GoldSpan {
  readonly caseId: string;
  readonly sourceRef: string;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  readonly speaker: string;
}

export interface GoldLabel extends GoldSpan {
  readonly signalId: SignalId;
  readonly speakerRole: SpeakerRole;
}

export interface HardNegative extends GoldSpan {
  readonly looksLike: SignalId;
  readonly kind: HardNegativeKind;
  readonly why: string;
}

export interface GoldReadiness {
  readonly account: Account;
  readonly usage: readonly UsageMetric[];
  readonly asOf: string;
  readonly expectedVerdict: Verdict;
  readonly why: string;
}

export interface GoldCase {
  readonly id: string;
  readonly file: string;
  /** `tune` (from `cases/`) or `holdout` (from `holdout/`): see GOLD_SPLITS. */
  readonly split: GoldSplit;
  readonly accountId: string;
  readonly description: string;
  readonly documents: readonly CanonicalDocument[];
  readonly labels: readonly GoldLabel[];
  readonly hardNegatives: readonly HardNegative[];
  /** Only hard negatives are scored here; see `negatives_only` in gold-schema.ts. */
  readonly negativesOnly: boolean;
  readonly readiness?: GoldReadiness;
}

export interface GoldSet {
  readonly folder: string;
  /** sha256 of the vendor profile and every case file: a baseline made on other gold is flagged. */
  readonly contentHash: string;
  readonly vendor: VendorProfile;
  readonly cases: readonly GoldCase[];
}

export const DEFAULT_GOLD_FOLDER = "evals/gold";

/** Where each split's case files live inside the gold folder; `holdout/` may be absent. */
const SPLIT_FOLDERS: ReadonlyArray<{ readonly split: GoldSplit; readonly folder: string; readonly required: boolean }> = [
  { split: "tune", folder: "cases", required: true },
  { split: "holdout", folder: "holdout", required: false },
];

/**
 * Reads the gold set: `vendor.json` (the gold vendor profile, which gives speakers their roles), every
 * `cases/*.yaml` (the `tune` split) and every `holdout/*.yaml` (the `holdout` split, optional). Each
 * document becomes the same canonical document production builds, and each label's quote is located in
 * it: it must occur exactly once within one speaker's words, spoken by the role the label states. Every
 * problem is reported with its file, record and field; a gold set with any problem is refused whole,
 * because a wrong label silently skews every score. Case ids are unique across both splits.
 *
 * @example const gold = await loadGoldSet("evals/gold"); gold.cases.filter((c) => c.split === "holdout").length
 */
export async function loadGoldSet(folder: string = DEFAULT_GOLD_FOLDER): Promise<GoldSet> {
  const vendor = await loadVendorProfile(path.join(folder, "vendor.json"));
  const hash = createHash("sha256").update(await readText(path.join(folder, "vendor.json")));
  const directory = roleDirectoryOf(vendor);
  const problems: InputProblem[] = [];
  const cases: GoldCase[] = [];
  const seenIds = new Set<string>();
  for (const { split, folder: splitFolder, required } of SPLIT_FOLDERS) {
    const casesFolder = path.join(folder, splitFolder);
    if (!required && !existsSync(casesFolder)) continue;
    const files = (await readdir(casesFolder)).filter((name) => /\.ya?ml$/i.test(name)).sort();
    for (const name of files) {
      const file = path.join(casesFolder, name);
      let raw: unknown;
      try {
        const text = await readText(file);
        // Tune files hash under their bare name, as before the holdout existed.
        hash.update(split === "tune" ? name : `${splitFolder}/${name}`).update(text);
        raw = parseYaml(text);
      } catch (error) {
        problems.push({ file, reason: `not valid YAML: ${(error as Error).message}` });
        continue;
      }
      const parsed = await parseGoldCase(raw, file, directory, split);
      if (!parsed.success) {
        problems.push(...parsed.problems);
        continue;
      }
      if (seenIds.has(parsed.data.id)) problems.push({ file, record: parsed.data.id, field: "id", reason: "another case has this id" });
      seenIds.add(parsed.data.id);
      cases.push(parsed.data);
    }
  }
  if (problems.length > 0) throw new InputError(problems, { headline: `${problems.length} problems in the gold set ${folder}:` });
  return { folder, contentHash: hash.digest("hex"), vendor, cases };
}

/** Validates one case file and builds its documents and located labels. */
export async function parseGoldCase(
  raw: unknown,
  file: string,
  directory: RoleDirectory,
  split: GoldSplit = "tune",
): Promise<{ success: true; data: GoldCase } | { success: false; problems: InputProblem[] }> {
  const validated = validateRecord(goldCaseSchema, raw, { file, record: path.basename(file) });
  if (!validated.success) return validated;
  const caseFile = validated.data;
  const problems: InputProblem[] = [];
  if (caseFile.participants.length > 0) directory = { ...directory, participants: [...caseFile.participants, ...directory.participants] };
  const documents = new Map<string, CanonicalDocument>();
  for (const [index, documentFile] of caseFile.documents.entries()) {
    if (documents.has(documentFile.id)) {
      problems.push({ file, record: caseFile.id, field: `documents.${index}.id`, reason: `duplicate document id "${documentFile.id}"` });
      continue;
    }
    const built = await buildDocument(caseFile, documentFile, file, directory);
    if ("problem" in built) problems.push({ file, record: caseFile.id, field: `documents.${index}`, reason: built.problem });
    else documents.set(documentFile.id, built.document);
  }
  const locate = (documentId: string, quote: string, field: string): (GoldSpan & { speakerRole: SpeakerRole }) | undefined => {
    const document = documents.get(documentId);
    if (document === undefined) {
      problems.push({ file, record: caseFile.id, field, reason: `no document "${documentId}" in this case` });
      return undefined;
    }
    const spans = spokenOccurrences(document, quote);
    if (spans.length !== 1) {
      const reason = spans.length === 0 ? "is not found verbatim within one speaker's words" : `occurs ${spans.length} times; quote more words`;
      problems.push({ file, record: caseFile.id, field, reason: `quote "${quote}" ${reason} in document "${documentId}"` });
      return undefined;
    }
    const [span] = spans;
    return span === undefined ? undefined : { caseId: caseFile.id, sourceRef: document.sourceRef, quote, ...span };
  };
  const labels: GoldLabel[] = [];
  for (const [index, label] of caseFile.labels.entries()) {
    const span = locate(label.document, label.quote, `labels.${index}.quote`);
    if (span === undefined) continue;
    if (span.speakerRole !== label.speaker_role) {
      problems.push({
        file,
        record: caseFile.id,
        field: `labels.${index}.speaker_role`,
        reason: `says ${label.speaker_role} but ${span.speaker} resolves to ${span.speakerRole} with the gold vendor profile`,
      });
      continue;
    }
    labels.push({ ...span, signalId: label.signal, speakerRole: label.speaker_role });
  }
  const hardNegatives: HardNegative[] = [];
  for (const [index, negative] of caseFile.hard_negatives.entries()) {
    const span = locate(negative.document, negative.quote, `hard_negatives.${index}.quote`);
    if (span === undefined) continue;
    const { speakerRole: _role, ...rest } = span;
    hardNegatives.push({ ...rest, looksLike: negative.looks_like, kind: negative.kind, why: negative.why });
  }
  if (problems.length > 0) return { success: false, problems };
  const readiness = caseFile.readiness;
  return {
    success: true,
    data: {
      id: caseFile.id,
      file,
      split,
      accountId: caseFile.account_id,
      description: caseFile.description,
      documents: [...documents.values()],
      labels,
      hardNegatives,
      negativesOnly: caseFile.negatives_only,
      ...(readiness === undefined
        ? {}
        : {
            readiness: {
              account: { id: caseFile.account_id, ...readiness.account },
              usage: readiness.usage.map((row) => ({ account_id: caseFile.account_id, ...row })),
              asOf: readiness.as_of,
              expectedVerdict: readiness.expected_verdict,
              why: readiness.why,
            },
          }),
    },
  };
}

async function buildDocument(
  caseFile: GoldCaseFile,
  documentFile: GoldDocumentFile,
  file: string,
  directory: RoleDirectory,
): Promise<{ document: CanonicalDocument } | { problem: string }> {
  const sourceFile = `gold/${caseFile.id}/${documentFile.id}`;
  if (documentFile.kind === "ticket") {
    const opened = Date.parse(documentFile.created_at);
    const ticket = ticketSchema.safeParse({
      id: documentFile.id,
      account_id: caseFile.account_id,
      subject: documentFile.subject,
      status: documentFile.status,
      created_at: documentFile.created_at,
      comments: documentFile.comments.map((comment, index) => ({
        id: String(index + 1),
        // Comments without a time follow the opening one, a few hours apart, which keeps them in order.
        created_at: comment.at ?? new Date(opened + index * 3 * 3_600_000).toISOString(),
        author: { ...comment.by, ...(comment.role === undefined ? {} : { role: comment.role }) },
        body: comment.body,
      })),
    });
    if (!ticket.success) return { problem: ticket.error.issues.map((issue) => issue.message).join("; ") };
    return { document: ticketDocument(ticket.data, directory, sourceFile) };
  }
  const parsed = await plainTextFormat.parse(documentFile.transcript, file);
  if (parsed.problems.length > 0) return { problem: parsed.problems.map((problem) => `line ${problem.line ?? "?"}: ${problem.reason}`).join("; ") };
  const call = { file: sourceFile, accountId: caseFile.account_id, format: "txt" as const, date: documentFile.date, title: documentFile.title, turns: parsed.turns };
  return { document: callDocument(call, directory, sourceFile) };
}

/** Where `quote` occurs in the document inside exactly one speaker's words, with that speaker. */
function spokenOccurrences(document: CanonicalDocument, quote: string): Array<{ start: number; end: number; speaker: string; speakerRole: SpeakerRole }> {
  const found: Array<{ start: number; end: number; speaker: string; speakerRole: SpeakerRole }> = [];
  for (let at = document.fullText.indexOf(quote); at !== -1; at = document.fullText.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    const segment = document.segments.find((candidate) => candidate.start <= at && candidate.end >= end);
    if (segment !== undefined) found.push({ start: at, end, speaker: segment.speaker, speakerRole: segment.speakerRole });
  }
  return found;
}
