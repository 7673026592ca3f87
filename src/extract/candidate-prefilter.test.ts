import { describe, expect, it } from "vitest";
import { chunksOf } from "../../test/support/chat-completions.js";
import { ticketWith } from "../../test/support/factories.js";
import { CandidatePrefilter } from "./candidate-prefilter.js";
import { EvidencePrompt } from "./evidence-prompt.js";
import { verifyCandidates } from "./verify-citations.js";

describe("the candidate prefilter", () => {
  // Cues and similarity only, at a fixed bar: what is tested here is the windowing, which must not move
  // when the classifier is retrained or the defaults are re-chosen.
  const prefilter = new CandidatePrefilter({ classifier: false, window: 1, similarityThreshold: 0.4 });

  it("sends only the sentences worth reading, with their neighbours, and quotes from them still verify", async () => {
    const body =
      "Thanks for the call yesterday. The weather has been awful here. Our kids loved the summer fair. The parking is a nightmare. " +
      "Honestly, everyone is sharing two logins because we ran out of seats. Anyway, speak next week.";
    const chunks = chunksOf(ticketWith("7", [["customer", body]]));
    const [sent] = await prefilter.select(chunks);
    expect(sent?.key).toBe(chunks[0]?.key);
    const { messages } = await new EvidencePrompt().render(sent === undefined ? [] : [sent], (text) => text);
    const user = String(messages[1]?.content);
    expect(user).toContain("because we ran out of seats.");
    expect(user).toContain("The parking is a nightmare.");
    expect(user).toContain("Anyway, speak next week.");
    expect(user).not.toContain("The weather has been awful here.");
    // A model's quote of a sent sentence is found in the chunk and attributed to its speaker.
    if (sent === undefined) throw new Error("nothing sent");
    const { accepted } = verifyCandidates(sent, [{ signalId: "seat_pressure", quote: "Honestly, everyone is sharing two logins because we ran out of seats.", confidence: 0.9 }]);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.speakerRole).toBe("customer");
  });

  it("sends nothing from small talk or from the vendor's own pitch", async () => {
    const chunks = chunksOf(
      ticketWith("8", [
        ["customer", "Thanks for the call yesterday. Lovely to meet the new team."],
        ["vendor", "You could add more seats on the Business tier whenever you like."],
      ]),
    );
    expect(await prefilter.select(chunks)).toEqual([]);
  });

  it("can still send whole chunks", async () => {
    const chunks = chunksOf(ticketWith("9", [["customer", "Thanks for the call. We ran out of seats again this week."]]));
    const [sent] = await new CandidatePrefilter({ classifier: false, trim: false }).select(chunks);
    expect(sent).toBe(chunks[0]);
  });
});
