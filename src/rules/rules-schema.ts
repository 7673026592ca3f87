import { z } from "zod";
import { healthSchema } from "../ingest/account-schema.js";
import { SIGNALS, type SignalCategory, type SignalId } from "../taxonomy/signals.js";

/** The taxonomy's signal ids of some categories, as a zod enum: an error lists the ids that would fit. */
function signalOf(...categories: SignalCategory[]) {
  const ids = SIGNALS.filter((signal) => categories.includes(signal.category)).map((signal) => signal.id as SignalId);
  return z.enum(ids as [SignalId, ...SignalId[]]);
}

const EXPANSION_SIGNAL_IDS = SIGNALS.filter((signal) => signal.expansionTypes.length > 0).map((signal) => signal.id as SignalId);

const windowDaysSchema = z.number().int().positive().max(3660);
const bandSchema = healthSchema.exclude(["unknown"]);

/** The readiness rules file (`readiness-rules.yaml`): every threshold the rule layer uses, validated once. */
export const readinessRulesSchema = z.strictObject({
  version: z.union([z.string().trim().min(1), z.number()]).transform(String),
  healthy_footprint: z.strictObject({
    passing_health: z.array(bandSchema).min(1),
    passing_when_trending_up: z.array(bandSchema).default([]),
  }),
  measurable_outcome: z.strictObject({
    window_days: windowDaysSchema,
    failing_signals: z.array(signalOf("risk")).default([]),
  }),
  champion_active: z.strictObject({
    window_days: windowDaysSchema,
  }),
  customer_pull: z.strictObject({
    window_days: windowDaysSchema,
    also_pull: z.array(z.enum(EXPANSION_SIGNAL_IDS as [SignalId, ...SignalId[]])).default([]),
    corroboration: z.strictObject({
      distinct_documents: z.number().int().min(1),
      distinct_speakers: z.number().int().min(1),
    }),
    seat_utilisation: z.strictObject({
      metric: z.string().trim().min(1),
      /** Other names the same number goes by in usage exports, tried in order when `metric` is absent. */
      metric_aliases: z.array(z.string().trim().min(1)).default([]),
      above_ratio: z.number().positive().max(1),
      max_age_days: windowDaysSchema,
    }),
  }),
  blocking_risks: z.strictObject({
    window_days: windowDaysSchema,
    always_block: z.array(signalOf("risk")).default([]),
    weights: z.partialRecord(signalOf("risk"), z.number().nonnegative()),
    value_offsets: z.partialRecord(signalOf("value"), z.number().nonnegative()).default({}),
    block_at: z.number().positive(),
  }),
});

export type ReadinessRules = z.output<typeof readinessRulesSchema>;

/** A validated rules file and where it came from. */
export interface LoadedRules {
  readonly rules: ReadinessRules;
  readonly file: string;
  /** Short sha256 of the file's bytes. */
  readonly contentHash: string;
  /** What results record: `<version>+<contentHash>`. */
  readonly rulesVersion: string;
}
