import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { BaseMessage } from "@langchain/core/messages";
import { ChatPromptTemplate, PromptTemplate } from "@langchain/core/prompts";
import type { AccountFact, NumberedPassage } from "./answer-schema.js";

const PROMPT_FILES = { system: "ask.system.md", user: "ask.user.md", repair: "ask.repair.md" } as const;
export type AskPromptTexts = Record<keyof typeof PROMPT_FILES, string>;
const PROMPTS_FOLDER = new URL("../../prompts/", import.meta.url);

/** Reads the prompt files (at call time, never at import). */
export function readAskPromptFiles(folder: URL = PROMPTS_FOLDER): AskPromptTexts {
  const read = (name: string) => readFileSync(new URL(name, folder), "utf8");
  return { system: read(PROMPT_FILES.system), user: read(PROMPT_FILES.user), repair: read(PROMPT_FILES.repair) };
}

/** One passage as the model reads it: its place, then one line per speaker turn, inside markers. */
export function renderAskPassage(passage: NumberedPassage, redact: (text: string) => string, boundary: string): string {
  const lines = passage.turns.map((turn) => `${turn.speaker} (${turn.speakerRole}): ${redact(passage.text.slice(turn.textStart, turn.textEnd)).replace(/\s*\n\s*/g, " ")}`);
  return [`BEGIN PASSAGE ${passage.number} ${boundary}`, `(${redact(passage.citation.label)})`, ...lines, `END PASSAGE ${passage.number} ${boundary}`].join("\n");
}

/** The ask prompt from `prompts/ask.*.md`, rendered with LangChain templates; its hash names the prompt. */
export class AskPrompt {
  readonly hash: string;
  private readonly chat: ChatPromptTemplate;
  private readonly repairTemplate: PromptTemplate;

  constructor(readonly files: AskPromptTexts = readAskPromptFiles()) {
    this.chat = ChatPromptTemplate.fromMessages(
      [
        ["system", files.system],
        ["human", files.user],
      ],
      { templateFormat: "mustache" },
    );
    this.repairTemplate = PromptTemplate.fromTemplate(files.repair, { templateFormat: "mustache" });
    this.hash = createHash("sha256").update(JSON.stringify([files.system, files.user, files.repair])).digest("hex").slice(0, 16);
  }

  get inputVariables(): { chat: string[]; repair: string[] } {
    return { chat: [...this.chat.inputVariables].sort(), repair: [...this.repairTemplate.inputVariables].sort() };
  }

  async render(request: { accountId: string; question: string; passages: readonly NumberedPassage[]; facts: readonly AccountFact[] }, redact: (text: string) => string): Promise<BaseMessage[]> {
    const boundary = createHash("sha256").update(request.passages.map((passage) => `${passage.chunkId}`).join(",") + request.question).digest("hex").slice(0, 10);
    return this.chat.formatMessages({
      account: request.accountId,
      question: redact(request.question),
      facts: request.facts.length === 0 ? "(none)" : request.facts.map((fact) => `- ${fact.label}: ${redact(fact.value)} (${fact.source})`).join("\n"),
      count: String(request.passages.length),
      boundary,
      passages: request.passages.map((passage) => renderAskPassage(passage, redact, boundary)).join("\n\n"),
    });
  }

  async renderRepair(problems: string, count: number): Promise<string> {
    return this.repairTemplate.format({ problems, count: String(count) });
  }
}
