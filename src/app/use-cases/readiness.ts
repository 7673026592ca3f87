import { finishRun, startRun } from "../../db/run-store.js";
import { ConfigError } from "../../errors.js";
import { assessAccount, today, type ReadinessAssessment } from "../../hypotheses/assess-account.js";
import { recordReadiness as storeReadiness, unchangedAssessment, type RecordedReadiness } from "../../hypotheses/record-readiness.js";
import { listHypotheses } from "../../db/hypothesis-store.js";
import type { VendorProfile } from "../../ingest/vendor-profile.js";
import { taxonomyVersion } from "../../taxonomy/taxonomy-version.js";
import type { Services } from "../services.js";

export interface AssessInput {
  readonly accountId: string;
  /** The decision day, YYYY-MM-DD; default today (UTC). */
  readonly asOf?: string | undefined;
  /** Overrides the vendor profile stored with the account's indexed folder. */
  readonly vendorProfile?: VendorProfile | undefined;
}

function checkedDay(asOf: string | undefined): string {
  const day = asOf ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
    throw new ConfigError(`--as-of "${day}" is not a date: use YYYY-MM-DD, e.g. --as-of 2026-11-23.`);
  }
  return day;
}

/** Decides one account's readiness by the rules and stores nothing (read-only). */
export async function assessReadiness(services: Services, input: AssessInput): Promise<ReadinessAssessment> {
  return assessAccount(services.database, input.accountId, {
    asOf: checkedDay(input.asOf),
    rules: services.rules,
    ...(input.vendorProfile === undefined ? {} : { vendorProfile: input.vendorProfile }),
  });
}

/**
 * Decides readiness and stores the assessment and its hypotheses (drafted by the services' writer), as
 * one recorded run; an approval whose basis changed goes stale. Idempotent: when nothing that feeds the
 * rules changed since the latest run, nothing is stored and `recorded.unchanged` is true.
 */
export async function recordReadiness(
  services: Services,
  input: AssessInput & { readonly actor: string; readonly runArguments?: Record<string, unknown> },
): Promise<{ assessment: ReadinessAssessment; recorded: RecordedReadiness }> {
  const asOf = checkedDay(input.asOf);
  const { database, rules } = services;
  const decided = await assessReadiness(services, { ...input, asOf });
  const repeated = await unchangedAssessment(database, decided);
  if (repeated !== undefined) {
    const open = await listHypotheses(database, { accountId: input.accountId, currentOnly: true });
    const hypotheses = open
      .filter((hypothesis) => hypothesis.status === "draft" || hypothesis.status === "approved" || hypothesis.status === "rejected")
      .map((hypothesis) => ({
        id: hypothesis.id,
        expansionType: hypothesis.expansionType,
        status: hypothesis.status as "draft" | "approved" | "rejected",
        change: (hypothesis.status === "draft" ? "unchanged" : "kept") as "unchanged" | "kept",
      }));
    return { assessment: decided, recorded: { assessmentId: repeated, hypotheses, staled: [], unchanged: true } };
  }
  const runId = await startRun(database, {
    command: "readiness",
    arguments: { account: input.accountId, asOf, rules: rules.file, ...input.runArguments },
    toolVersion: services.toolVersion,
    versions: { rules: rules.rulesVersion, taxonomy: taxonomyVersion() },
  });
  try {
    const assessment = decided;
    const recorded = await storeReadiness(database, assessment, { actor: input.actor, runId, writer: services.writer });
    await finishRun(database, runId, {
      status: "succeeded",
      summary: { account: input.accountId, verdict: assessment.result.verdict, hypotheses: recorded.hypotheses.length, staled: recorded.staled.length },
    });
    return { assessment, recorded };
  } catch (error) {
    await finishRun(database, runId, { status: "failed", summary: { error: (error as Error).message } });
    throw error;
  }
}
