import type { Command } from "commander";
import { askHistory, askInputSchema, type AskResult } from "../../app/index.js";
import { contextFor, type ContextDependencies } from "../command-context.js";
import { addFilterOptions, optionProblems, renderPassage } from "./search-command.js";

interface AskOptions {
  passages?: string;
  since?: string;
  until?: string;
  kind?: string;
  role?: string;
  person?: string;
  answerer?: string;
  model?: string;
  redact?: boolean;
}

export function registerAskCommand(program: Command, dependencies: ContextDependencies): void {
  addFilterOptions(
    program
      .command("ask <account> <question>")
      .description("answer a question from an account's history: every sentence cites the passages it comes from")
      .option("--passages <n>", "passages the answer may draw on (default 6)")
      .option("--answerer <offline|openai>", "offline (default): the passages' own sentences; openai: a model writes the answer and every citation is checked (env EVIDENCE_ANSWERER)")
      .option("--model <id>", "model of the openai answerer (env EVIDENCE_MODEL; key OPENAI_API_KEY, endpoint EVIDENCE_OPENAI_BASE_URL or OPENAI_BASE_URL)")
      .option("--no-redact", "send text to the model as it is, without replacing emails, phone, card and account numbers"),
  )
    .addHelpText("after", '\nExamples:\n  evidence ask brightpath-logistics "do they need more seats?"\n  evidence ask kestrel-credit-union "who is our champion and are they still engaged?" --json')
    .action(async (account: string, question: string, options: AskOptions, command: Command) => {
      // The answer model is configured as the extractor's is (--model, OPENAI_API_KEY, endpoint, redaction).
      const context = contextFor(command, dependencies, {
        extractor: options.answerer ?? dependencies.environment.EVIDENCE_ANSWERER ?? "offline",
        model: options.model,
        redact: options.redact,
      });
      const parsed = askInputSchema.safeParse({
        accountId: account,
        question,
        ...(options.passages === undefined ? {} : { passages: Number(options.passages) }),
        since: options.since,
        until: options.until,
        kind: options.kind,
        speakerRole: options.role,
        person: options.person,
      });
      if (!parsed.success) throw optionProblems(parsed.error);
      const result = await context.run((services) => askHistory(services, parsed.data));
      context.output.result(result, () => renderAnswer(result));
    });
}

/** The answer grouped by source: each passage cited once with its place, its sentences under it. */
export function renderAnswer(result: AskResult): string {
  const lines: string[] = [];
  if (result.facts.length > 0) {
    lines.push("On record:", ...result.facts.map((fact) => `  ${fact.label}: ${fact.value}`), "");
  }
  if (result.status === "nothing_found") {
    lines.push(
      result.facts.length > 0
        ? `No passage of ${result.accountId}'s history answers "${result.question}" beyond the facts on record above.`
        : `Nothing in ${result.accountId}'s history answers "${result.question}".`,
    );
    if (result.closest.length > 0) {
      lines.push("", "Closest, not an answer:");
      for (const passage of result.closest) lines.push(...renderPassage(passage, "  -", false));
    }
    return lines.join("\n");
  }
  if (result.answerKind === "generated") {
    lines.push(result.sentences.map((sentence) => `${sentence.text} ${sentence.citations.map((number) => `[${number}]`).join("")}`).join(" "), "");
    const cited = [...new Set(result.sentences.flatMap((sentence) => sentence.citations))].sort((a, b) => a - b);
    for (const number of cited) {
      const passage = result.passages[number - 1];
      if (passage !== undefined) lines.push(`[${number}] ${passage.citation.label}`);
    }
  } else {
    lines.push("From the sources (their own words):");
    const byPassage = new Map<number, string[]>();
    for (const sentence of result.sentences) {
      const number = sentence.citations[0] ?? 0;
      byPassage.set(number, [...(byPassage.get(number) ?? []), sentence.text]);
    }
    for (const [number, sentences] of byPassage) {
      const passage = result.passages[number - 1];
      lines.push("", `[${number}] ${passage?.citation.label ?? ""}`, ...sentences.map((sentence) => `    "${sentence}"`));
    }
  }
  if (result.citationCheck.fellBack) lines.push("", `(The model's answer failed the citation check ${result.citationCheck.failedAttempts} times; shown instead: the passages' own sentences.)`);
  return lines.join("\n");
}
