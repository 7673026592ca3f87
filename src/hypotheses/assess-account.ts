import type { Queryable } from "../db/database.js";
import { accountUsage, activeEvidence, findAccount } from "../db/readiness-input-store.js";
import { storedVendorProfile } from "../db/vendor-profile-store.js";
import { InputError, NotFoundError } from "../errors.js";
import type { Account } from "../ingest/account-schema.js";
import { validateRecord } from "../ingest/validate-records.js";
import { vendorProfileSchema, type VendorProfile } from "../ingest/vendor-profile.js";
import { evaluateReadiness } from "../rules/evaluate-readiness.js";
import { loadRules } from "../rules/load-rules.js";
import { labelOfferings } from "../rules/match-offering.js";
import { labelPeople } from "../rules/match-person.js";
import type { EvidenceFact, ReadinessInput, ReadinessResult } from "../rules/readiness-contract.js";
import type { LoadedRules } from "../rules/rules-schema.js";
import { toEvidenceFact } from "../evidence/cite-evidence.js";

export interface AssessOptions {
  /** The decision day (ISO date); default today (UTC). */
  readonly asOf?: string;
  /** Default: the rules shipped in src/rules/readiness-rules.yaml. */
  readonly rules?: LoadedRules;
  /** Tells a tier ask from an add-on ask. Default: the profile stored when the account's folder was indexed. */
  readonly vendorProfile?: VendorProfile;
}

/** One account's readiness: the rules' result, and the input it was decided from (for citations). */
export interface ReadinessAssessment {
  readonly account: Account;
  readonly input: ReadinessInput;
  readonly result: ReadinessResult;
  readonly rules: LoadedRules;
  /** Evidence rows handed to the rules that a vendor or unknown speaker said: never counted. */
  readonly notCustomerSide: number;
  /** Rows left out because their signal is not in the taxonomy any more, or they carry no date. */
  readonly unreadable: number;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Loads an account's facts, usage and active evidence (with each quote's place and time) and runs the
 * readiness rules on them. Disputed evidence is not read. Never calls a model.
 *
 * @example const assessment = await assessAccount(database, "brightpath-logistics", { asOf: "2026-11-23" });
 *          console.log(renderReadiness(assessment));
 */
export async function assessAccount(database: Queryable, accountId: string, options: AssessOptions = {}): Promise<ReadinessAssessment> {
  const account = await findAccount(database, accountId);
  if (account === undefined) {
    throw new NotFoundError(`No account "${accountId}" is stored. List them with: evidence accounts list`);
  }
  const [usage, stored, rules, vendorProfile] = await Promise.all([
    accountUsage(database, accountId),
    activeEvidence(database, accountId),
    options.rules ?? loadRules(),
    options.vendorProfile ?? indexedVendorProfile(database, accountId),
  ]);
  const facts = stored.map(toEvidenceFact).filter((fact): fact is EvidenceFact => fact !== undefined);
  const input: ReadinessInput = {
    account,
    usage,
    evidence: labelPeople(labelOfferings(facts, vendorProfile, account), account),
    asOf: options.asOf ?? today(),
  };
  return {
    account,
    input,
    result: evaluateReadiness(input, rules),
    rules,
    notCustomerSide: facts.filter((fact) => fact.speakerRole !== "customer").length,
    unreadable: stored.length - facts.length,
  };
}

/** The vendor profile stored with the account when its folder was indexed; validated as it was then. */
async function indexedVendorProfile(database: Queryable, accountId: string): Promise<VendorProfile | undefined> {
  const stored = await storedVendorProfile(database, accountId);
  if (stored === undefined) return undefined;
  const result = validateRecord(vendorProfileSchema, stored.profile, { file: `stored ${stored.sourceRef}`, record: `vendor profile of ${accountId}` });
  if (!result.success) throw new InputError(result.problems, { headline: "The stored vendor profile is no longer valid; index the folder again:" });
  return result.data;
}
