import { describe, expect, it } from "vitest";
import { extractThroughCache, type AnswerToStore, type ExtractionCacheStore, type ExtractorIdentity } from "./cached-extractor.js";
import type { CandidateEvidence, ChunkExtraction, ExtractionChunk, Extractor } from "./extractor.js";

/** A store in memory, recording what it was asked to keep. */
class MemoryStore implements ExtractionCacheStore {
  readonly entries = new Map<string, readonly CandidateEvidence[]>();
  readonly written: string[] = [];
  async read(_extractor: ExtractorIdentity, contentHashes: readonly string[]) {
    return new Map(contentHashes.flatMap((hash) => (this.entries.has(hash) ? [[hash, this.entries.get(hash) ?? []] as const] : [])));
  }
  async write(_extractor: ExtractorIdentity, answers: readonly AnswerToStore[]) {
    for (const answer of answers) {
      this.written.push(answer.contentHash);
      this.entries.set(answer.contentHash, answer.candidates);
    }
  }
}

class EchoExtractor implements Extractor {
  readonly provider = "fake";
  readonly modelId = "m";
  readonly promptHash = "p";
  readonly asked: string[] = [];
  async extract(chunks: readonly ExtractionChunk[]): Promise<ChunkExtraction[]> {
    this.asked.push(...chunks.map((chunk) => chunk.key));
    return chunks.map((chunk) => ({ key: chunk.key, candidates: [{ signalId: "seat_pressure", quote: chunk.text, confidence: 0.6 }], cached: false }));
  }
}

const chunk = (key: string): ExtractionChunk => ({ key, accountId: "a", sourceRef: "doc", kind: "ticket", text: `text ${key}`, startOffset: 0, segments: [], contentHash: `hash ${key}` });

describe("extractThroughCache", () => {
  it("shows the prefilter only uncached chunks, and stores only what the extractor answered", async () => {
    const store = new MemoryStore();
    store.entries.set("hash k1", []);
    const shown: string[] = [];
    const prefilter = { select: async (chunks: readonly ExtractionChunk[]) => (shown.push(...chunks.map((item) => item.key)), chunks.filter((item) => item.key !== "k3")) };
    const extractor = new EchoExtractor();
    const outcome = await extractThroughCache(extractor, store, [chunk("k1"), chunk("k2"), chunk("k3")], prefilter);
    expect(shown).toEqual(["k2", "k3"]);
    expect(extractor.asked).toEqual(["k2"]);
    expect(store.written).toEqual(["hash k2"]);
    expect(outcome.results.map((result) => [result.key, result.cached, result.candidates.length])).toEqual([["k1", true, 0], ["k2", false, 1], ["k3", false, 0]]);
    expect([outcome.sent, outcome.skippedByPrefilter]).toEqual([1, 1]);
  });
});
