import { describe, expect, it } from "vitest";
import { HashingEmbedder, tokenize } from "./hashing-embedder.js";

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

describe("HashingEmbedder", () => {
  const embedder = new HashingEmbedder();

  it("is deterministic, unit length and of the declared size", async () => {
    const [first] = await embedder.embedDocuments(["We will need forty more seats in January."]);
    const second = await embedder.embedQuery("We will need forty more seats in January.");
    expect(first).toEqual(second);
    expect(second).toHaveLength(1024);
    expect(Math.hypot(...second)).toBeCloseTo(1, 6);
    expect(embedder.modelId).toBe("hashing-v2-d1024-w-c4x0.35-log");
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

describe("HashingEmbedder settings", () => {
  it("puts every setting in the model id, so different settings never share a database", () => {
    const ids = new Set(
      [
        new HashingEmbedder(),
        new HashingEmbedder({ dimensions: 384 }),
        new HashingEmbedder({ characterNgrams: [] }),
        new HashingEmbedder({ characterNgrams: [3, 4, 5] }),
        new HashingEmbedder({ wordBigramWeight: 0.7 }),
        new HashingEmbedder({ weighting: "binary" }),
        new HashingEmbedder({ characterNgramWeight: 0.5 }),
      ].map((embedder) => embedder.modelId),
    );
    expect(ids.size).toBe(7);
  });

  it("matches word forms through character n-grams that whole words miss", async () => {
    const cosine = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
    const withGrams = new HashingEmbedder();
    const wordsOnly = new HashingEmbedder({ characterNgrams: [] });
    const similarity = async (embedder: HashingEmbedder) => cosine(await embedder.embedQuery("forecasting"), await embedder.embedQuery("forecasts"));
    expect(await similarity(wordsOnly)).toBeLessThan(0.2);
    expect(await similarity(withGrams)).toBeGreaterThan(0.3);
  });
});
