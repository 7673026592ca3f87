import { describe, expect, it } from "vitest";
import { HashingEmbedder, tokenize } from "./hashing-embedder.js";

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

describe("HashingEmbedder", () => {
  const embedder = new HashingEmbedder();

  it("is deterministic, unit length and of the declared size", async () => {
    const [first] = await embedder.embedDocuments(["We will need forty more seats in January."]);
    const second = await embedder.embedQuery("We will need forty more seats in January.");
    expect(first).toEqual(second);
    expect(second).toHaveLength(384);
    expect(Math.hypot(...second)).toBeCloseTo(1, 6);
    expect(embedder.modelId).toBe("hashing-v1-d384-n4");
  });

  it("puts a question nearer the passage that answers it than an unrelated one", async () => {
    const [seats, weather, forecast] = await embedder.embedDocuments([
      "Honestly we ran out of seats, two shift leads share one login on nights.",
      "The storm knocked the power out on the coast road for a whole day.",
      "Our planning team forecasts patient volume in a separate tool with spreadsheets.",
    ]);
    const query = await embedder.embedQuery("are they running out of licences or seats?");
    const scores = [seats, weather, forecast].map((vector) => cosine(query, vector ?? []));
    expect(scores[0]).toBeGreaterThan(Math.max(scores[1] ?? 0, scores[2] ?? 0));
  });

  it("returns a zero vector for text with no content words instead of dividing by zero", async () => {
    const vector = await embedder.embedQuery("um, yeah. okay.");
    expect(vector.every((value) => value === 0)).toBe(true);
  });
});

describe("tokenize", () => {
  it("lowercases, drops filler words and folds simple plurals", () => {
    expect(tokenize("Yeah, we need more Seats and dashboards")).toEqual(["need", "more", "seat", "dashboard"]);
  });
});
