import { readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { InputError, type InputProblem } from "../errors.js";
import { readText } from "../ingest/read-source-file.js";
import { isSignalId, type SignalId } from "../taxonomy/signals.js";

/**
 * The labelled training corpus (`evals/training/*.yaml`): sentences written apart from the gold set, each
 * with the signals it shows (none for a negative, which then says what kind of negative it is). Only the
 * sentence classifier trains on it; no eval scores it.
 */

export const DEFAULT_TRAINING_FOLDER = "evals/training";

export const TRAINING_NEGATIVE_KINDS = ["negation", "hypothetical", "resolved", "sarcasm", "not_the_signal", "small_talk", "someone_else"] as const;

const signalIdSchema = z.string().refine((value): value is SignalId => isSignalId(value), { message: "not a signal id of the taxonomy" });

const trainingExampleSchema = z
  .strictObject({
    text: z.string().trim().min(3, "must be a sentence of at least 3 characters"),
    signals: z.array(signalIdSchema),
    kind: z.enum(TRAINING_NEGATIVE_KINDS).optional(),
    looks_like: signalIdSchema.optional(),
    /** The sentence or turn before this one, read as context. */
    before: z.string().optional(),
    register: z.string().optional(),
  })
  .superRefine((example, context) => {
    if (example.signals.length === 0 && example.kind === undefined) context.addIssue({ code: "custom", path: ["kind"], message: `a negative (no signals) needs kind: one of ${TRAINING_NEGATIVE_KINDS.join(", ")}` });
  });

const trainingFileSchema = z.strictObject({ examples: z.array(z.unknown()).min(1, "must list at least one example") });

export interface TrainingExample {
  readonly file: string;
  readonly text: string;
  readonly signals: readonly SignalId[];
  readonly kind?: (typeof TRAINING_NEGATIVE_KINDS)[number];
  readonly looksLike?: SignalId;
  readonly before?: string;
}

/**
 * Reads every `*.yaml` file of the folder (none when the folder is missing). Every problem is reported
 * with its file, example number (1-based) and field, and a corpus with any problem is refused whole.
 *
 * @example const examples = await loadTrainingCorpus("evals/training"); examples.filter((e) => e.signals.length === 0).length
 */
export async function loadTrainingCorpus(folder: string = DEFAULT_TRAINING_FOLDER): Promise<TrainingExample[]> {
  if (!existsSync(folder)) return [];
  const files = (await readdir(folder)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  const problems: InputProblem[] = [];
  const examples: TrainingExample[] = [];
  const seen = new Map<string, { where: string; signals: string }>();
  for (const name of files) {
    const file = path.join(folder, name);
    let raw: unknown;
    try {
      raw = parseYaml(await readText(file));
    } catch (error) {
      problems.push({ file, reason: `not valid YAML: ${(error as Error).message}` });
      continue;
    }
    const parsedFile = trainingFileSchema.safeParse(raw);
    if (!parsedFile.success) {
      for (const issue of parsedFile.error.issues) problems.push({ file, ...(issue.path.length === 0 ? {} : { field: issue.path.join(".") }), reason: issue.message });
      continue;
    }
    parsedFile.data.examples.forEach((item, index) => {
      const record = `example ${index + 1}`;
      const parsed = trainingExampleSchema.safeParse(item);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ file, record, ...(issue.path.length === 0 ? {} : { field: issue.path.join(".") }), reason: issue.message });
        return;
      }
      const { text, signals, kind, looks_like: looksLike, before } = parsed.data;
      // Two writers may well write the same sentence: the same labels twice is one example, different
      // labels are a disagreement someone must settle.
      const labels = [...new Set(signals)].sort().join(",");
      const earlier = seen.get(text);
      if (earlier !== undefined) {
        if (earlier.signals !== labels) problems.push({ file, record, field: "signals", reason: `the same text is ${earlier.where} with signals [${earlier.signals}]` });
        return;
      }
      seen.set(text, { where: `${record} of ${file}`, signals: labels });
      examples.push({ file, text, signals: [...new Set(signals)] as SignalId[], ...(kind === undefined ? {} : { kind }), ...(looksLike === undefined ? {} : { looksLike }), ...(before === undefined ? {} : { before }) });
    });
  }
  if (problems.length > 0) throw new InputError(problems, { headline: `${problems.length} problems in the training corpus ${folder}:` });
  return examples;
}
