import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { ChatPromptTemplate, PromptTemplate } from "@langchain/core/prompts";
import type { BaseMessage } from "@langchain/core/messages";
import { SIGNALS, type SignalDefinition } from "../taxonomy/signals.js";
import { taxonomyVersion } from "../taxonomy/taxonomy-version.js";
import { quarantinedSpans } from "./detect-instructions.js";
import type { ContextTurn, ExtractionChunk } from "./extractor.js";

const PROMPT_FILES = {
  system: "extract-evidence.system.md",
  user: "extract-evidence.user.md",
  repair: "extract-evidence.repair.md",
} as const;

export type PromptFileTexts = Record<keyof typeof PROMPT_FILES, string>;

const PROMPTS_FOLDER = new URL("../../prompts/", import.meta.url);

/** Reads the prompt files (at call time, never at import). */
export function readPromptFiles(folder: URL = PROMPTS_FOLDER): PromptFileTexts {
  const read = (name: string) => readFileSync(new URL(name, folder), "utf8");
  return { system: read(PROMPT_FILES.system), user: read(PROMPT_FILES.user), repair: read(PROMPT_FILES.repair) };
}

/** The taxonomy as the model reads it: id, definition, what counts, what does not and why. */
export function renderTaxonomyForPrompt(signals: readonly SignalDefinition[] = SIGNALS): string {
  return signals
    .map((signal) =>
      [
        `## ${signal.id} (${signal.category}): ${signal.title}`,
        signal.definition,
        ...signal.positiveExamples.map((example) => `- counts: "${example}"`),
        ...signal.negativeExamples.map((example) => `- does not count: "${example.text}" (${example.why})`),
      ].join("\n"),
    )
    .join("\n\n");
}

/** What stands in, in a passage, for a sentence that addresses the analyzer: the model never reads it. */
export const WITHHELD_INSTRUCTION = "[withheld: text addressed to the analyzer]";

/**
 * A passage as the model sees it: one line per speaker turn, with name and role, inside markers, with the
 * turns or comments around it as context lines (never to be quoted). A sentence that addresses the
 * analyzer is replaced by a marker: it cannot instruct the model, and it can never become evidence.
 */
export function renderPassage(id: string, chunk: ExtractionChunk, redact: (text: string) => string, boundary: string): string {
  const lines = chunk.segments
    .map((segment) => {
      const start = Math.max(segment.start, chunk.startOffset) - chunk.startOffset;
      const end = Math.min(segment.end, chunk.startOffset + chunk.text.length) - chunk.startOffset;
      if (end <= start) return undefined;
      let words = "";
      let cursor = start;
      for (const span of quarantinedSpans(chunk.text, start, end)) {
        words += `${chunk.text.slice(cursor, span.start)}${WITHHELD_INSTRUCTION}`;
        cursor = span.end;
      }
      words += chunk.text.slice(cursor, end);
      return `${segment.speaker} (${segment.speakerRole}): ${redact(words).replace(/\s*\n\s*/g, " ")}`;
    })
    .filter((line) => line !== undefined);
  const contextLine = (turn: ContextTurn) => {
    const words = quarantinedSpans(turn.text).reduceRight((text, span) => `${text.slice(0, span.start)}${WITHHELD_INSTRUCTION}${text.slice(span.end)}`, turn.text);
    return `CONTEXT ${turn.position.toUpperCase()} (do not quote) ${turn.speaker} (${turn.speakerRole}): ${redact(words)}`;
  };
  const context = chunk.context ?? [];
  const account = chunk.account;
  const accountLine =
    account === undefined
      ? []
      : [
          `ACCOUNT (on record, do not quote): champion ${account.champion === undefined ? "not on record" : redact(account.champion)}; the vendor's own products, tiers and add-ons (never another tool): ${account.productNames.length === 0 ? "not on record" : account.productNames.join(", ")}`,
        ];
  return [
    `BEGIN PASSAGE ${id} ${boundary}`,
    `(${chunk.kind})`,
    ...accountLine,
    ...context.filter((turn) => turn.position === "before").map(contextLine),
    ...lines,
    ...context.filter((turn) => turn.position === "after").map(contextLine),
    `END PASSAGE ${id} ${boundary}`,
  ].join("\n");
}

export interface RenderedRequest {
  readonly messages: BaseMessage[];
  /** Passage id sent to the model -> chunk key. */
  readonly chunkKeyOf: ReadonlyMap<string, string>;
}

/**
 * The extraction prompt: system and user templates from `prompts/`, rendered with LangChain prompt
 * templates, the taxonomy injected from the taxonomy module. Its hash (prompt files + taxonomy) is
 * recorded with every evidence row.
 */
export class EvidencePrompt {
  readonly hash: string;
  private readonly chat: ChatPromptTemplate;
  private readonly repairTemplate: PromptTemplate;
  private readonly taxonomy = renderTaxonomyForPrompt();

  constructor(readonly files: PromptFileTexts = readPromptFiles()) {
    this.chat = ChatPromptTemplate.fromMessages(
      [
        ["system", files.system],
        ["human", files.user],
      ],
      { templateFormat: "mustache" },
    );
    this.repairTemplate = PromptTemplate.fromTemplate(files.repair, { templateFormat: "mustache" });
    this.hash = createHash("sha256")
      .update(JSON.stringify([files.system, files.user, files.repair, taxonomyVersion()]))
      .digest("hex")
      .slice(0, 16);
  }

  /** Every variable the templates use, for the test that checks each one is supplied. */
  get inputVariables(): { chat: string[]; repair: string[] } {
    return { chat: [...this.chat.inputVariables].sort(), repair: [...this.repairTemplate.inputVariables].sort() };
  }

  async render(chunks: readonly ExtractionChunk[], redact: (text: string) => string): Promise<RenderedRequest> {
    const ids = chunks.map((_, index) => `c${index + 1}`);
    const boundary = createHash("sha256").update(chunks.map((chunk) => chunk.contentHash).join(",")).digest("hex").slice(0, 10);
    const passages = chunks.map((chunk, index) => renderPassage(ids[index] ?? "", chunk, redact, boundary)).join("\n\n");
    const messages = await this.chat.formatMessages({ taxonomy: this.taxonomy, chunkIds: ids.join(", "), boundary, passages });
    return { messages, chunkKeyOf: new Map(chunks.map((chunk, index) => [ids[index] ?? "", chunk.key])) };
  }

  async renderRepair(issues: string, chunkIds: readonly string[]): Promise<string> {
    return this.repairTemplate.format({ issues, chunkIds: chunkIds.join(", ") });
  }
}
