import { Option, type Command } from "commander";
import { extractEvidence } from "../../app/index.js";
import { ProviderError } from "../../errors.js";
import type { StoredExtractionSummary } from "../../extract/extract-stored-evidence.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

interface ExtractOptions {
  account?: string;
  extractor?: string;
  model?: string;
  redact: boolean;
  redactPattern: string[];
  concurrency?: string;
  prefilter: boolean;
}

export function registerExtractCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("extract")
    .description(
      "find evidence of the taxonomy's signals in the indexed chunks; every quote is checked against the source and attributed to its speaker",
    )
    .option("--account <id>", "only this account's chunks")
    .addOption(new Option("--extractor <name>", "offline cue patterns (no network) or an OpenAI-compatible model (env EVIDENCE_EXTRACTOR)").choices(["offline", "openai"]))
    .option("--model <name>", "model for --extractor openai (env EVIDENCE_MODEL; base URL from EVIDENCE_OPENAI_BASE_URL or OPENAI_BASE_URL, key from OPENAI_API_KEY)")
    .option("--no-redact", "send text to the model as it is, without replacing emails, phone, card and account numbers")
    .option("--redact-pattern <regex>", "also redact what this regular expression matches (repeatable; env EVIDENCE_REDACT_PATTERNS)", (value: string, previous: string[]) => [...previous, value], [])
    .option("--concurrency <n>", "model requests in flight at once (env EVIDENCE_CONCURRENCY; default 4)")
    .option("--no-prefilter", "send every uncached chunk to the model, not only those with a lexical or semantic cue")
    .addHelpText(
      "after",
      "\nAnswers are cached by chunk content and extractor (provider, model, prompt hash): re-running on an unchanged corpus\n" +
        "makes no model call. Quotes that cannot be found in the source are rejected and counted, never stored.\n\n" +
        "Examples:\n  evidence extract\n  OPENAI_API_KEY=... evidence extract --extractor openai --account brightpath-logistics",
    )
    .action(async (options: ExtractOptions, command: Command) => {
      const context = contextFor(command, dependencies, {
        extractor: options.extractor,
        model: options.model,
        redact: options.redact,
        redactPatterns: options.redactPattern,
        concurrency: options.concurrency,
      });
      // Resolve the model settings before opening the database: a missing key stops here.
      context.settings.models();
      const summary = await context.run((services) => extractEvidence(services, { accountId: options.account, prefilter: options.prefilter }));
      context.output.result(summary, () => renderSummary(summary));
      if (summary.failures.length > 0) {
        throw new ProviderError(
          `${summary.failures.length} chunks could not be extracted (their previous evidence is kept; run again to retry): ${summary.failures[0]?.reason ?? ""}`,
          { retryable: summary.failures.some((failure) => failure.retryable) },
        );
      }
    });
}

function renderSummary(summary: StoredExtractionSummary): string {
  const rejected = Object.entries(summary.rejected).map(([reason, count]) => `${count} ${reason.replaceAll("_", " ")}`);
  return [
    `Extractor: ${summary.extractorId}`,
    `Chunks: ${summary.chunksRead} read, ${summary.cached} answered from the cache, ${summary.sent} sent to the extractor, ${summary.skippedByPrefilter} skipped by the prefilter.`,
    `Evidence: ${summary.evidence.total} stored (${summary.evidence.customer} customer, ${summary.evidence.vendor} vendor, ${summary.evidence.unknown} unknown speaker); ${summary.inserted} new, ${summary.removed} removed.`,
    `Rejected quotes: ${rejected.length === 0 ? "none" : rejected.join(", ")}.`,
    `Failures: ${summary.failures.length === 0 ? "none" : summary.failures.map((failure) => `${failure.sourceRef}: ${failure.reason}`).join("; ")}.`,
    summary.usage.promptTokens + summary.usage.completionTokens > 0 ? `Tokens: ${summary.usage.promptTokens} prompt, ${summary.usage.completionTokens} completion.` : "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}
