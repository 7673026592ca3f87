import type { AccountFact, ModelAnswer, NumberedPassage } from "./answer-schema.js";

export interface AnswerRequest {
  readonly accountId: string;
  readonly question: string;
  readonly passages: readonly NumberedPassage[];
  readonly facts: readonly AccountFact[];
}

/**
 * The narrow interface of a model that writes cited answers. `answer` makes a first attempt; `repair`
 * gets the problems the citation check found in it and makes one more. Both return text as the source
 * wrote it (placeholders of redacted data restored), so the check compares the passages' own words.
 *
 * @example const first = await answerer.answer(request); const second = await answerer.repair(request, first, ["..."]);
 */
export interface Answerer {
  readonly provider: string;
  readonly modelId: string;
  readonly promptHash: string;
  answer(request: AnswerRequest): Promise<ModelAnswer>;
  repair(request: AnswerRequest, previous: ModelAnswer, problems: readonly string[]): Promise<ModelAnswer>;
}
