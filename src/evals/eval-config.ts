import { readFile } from "node:fs/promises";
import { z } from "zod";
import { parse as parseYaml } from "yaml";
import { ConfigError } from "../errors.js";

export const DEFAULT_EVAL_CONFIG_FILE = "evals/eval-config.yaml";

const shareSchema = z.number().min(0).max(1);
const priceSchema = z.strictObject({ input_per_1k: z.number().nonnegative(), output_per_1k: z.number().nonnegative() });

export const evalConfigSchema = z.strictObject({
  version: z.number().int().positive(),
  max_macro_f1_drop: shareSchema,
  max_signal_f1_drop: shareSchema,
  min_citation_validity: shareSchema,
  concurrency: z.number().int().positive().max(64).default(4),
  prices: z.record(z.string(), priceSchema).default({}),
});

export type EvalConfig = z.infer<typeof evalConfigSchema>;
export type ModelPrice = z.infer<typeof priceSchema>;

/** The thresholds a run is judged by: the config file's, each overridable from the command line. */
export interface EvalThresholds {
  readonly maxMacroF1Drop: number;
  readonly maxSignalF1Drop: number;
  readonly minCitationValidity: number;
}

/** Reads and validates the eval settings once; an error names the file and the field. */
export async function loadEvalConfig(file: string = DEFAULT_EVAL_CONFIG_FILE): Promise<EvalConfig> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`Cannot read the eval config ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = evalConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`Invalid eval config ${file}:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data;
}

export function thresholdsOf(config: EvalConfig, overrides: Partial<EvalThresholds> = {}): EvalThresholds {
  return {
    maxMacroF1Drop: overrides.maxMacroF1Drop ?? config.max_macro_f1_drop,
    maxSignalF1Drop: overrides.maxSignalF1Drop ?? config.max_signal_f1_drop,
    minCitationValidity: overrides.minCitationValidity ?? config.min_citation_validity,
  };
}
