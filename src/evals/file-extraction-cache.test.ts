import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ChunkExtraction, ExtractionChunk, Extractor } from "../extract/extractor.js";
import { CachedExtractor } from "../extract/cached-extractor.js";
import { FileExtractionCache } from "./file-extraction-cache.js";

/** A fake model that records every chunk it is asked about; chunks whose text says "fail" fail. */
class RecordingExtractor implements Extractor {
  readonly provider = "fake";
  readonly calls: string[][] = [];
  constructor(
    readonly modelId = "model-1",
    readonly promptHash = "prompt-1",
  ) {}

  async extract(chunks: readonly ExtractionChunk[]): Promise<ChunkExtraction[]> {
    this.calls.push(chunks.map((chunk) => chunk.key));
    return chunks.map((chunk) =>
      chunk.text.includes("fail")
        ? { key: chunk.key, candidates: [], failure: { reason: "malformed output", retryable: false }, usage: { promptTokens: 10, completionTokens: 1 }, cached: false }
        : { key: chunk.key, candidates: [{ signalId: "seat_pressure", quote: chunk.text, confidence: 0.7 }], usage: { promptTokens: 10, completionTokens: 5 }, cached: false },
    );
  }
}

const chunk = (key: string, text: string): ExtractionChunk => ({ key, accountId: "a", sourceRef: "doc", kind: "ticket", text, startOffset: 0, segments: [], contentHash: `hash of ${text}` });

describe("the eval's model-response cache", () => {
  it("answers an unchanged chunk from disk with no model call, and only what changed goes to the model", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "eval-cache-"));
    const model = new RecordingExtractor();
    const first = await new CachedExtractor(model, new FileExtractionCache(folder)).extract([chunk("k1", "we need more seats"), chunk("k2", "we are hiring")]);
    expect(first.every((result) => !result.cached)).toBe(true);
    const second = await new CachedExtractor(model, new FileExtractionCache(folder)).extract([chunk("k1", "we need more seats"), chunk("k2", "we are hiring"), chunk("k3", "a new passage")]);
    expect(model.calls).toEqual([["k1", "k2"], ["k3"]]);
    expect(second.map((result) => [result.key, result.cached])).toEqual([["k1", true], ["k2", true], ["k3", false]]);
    expect(second[0]?.candidates).toEqual(first[0]?.candidates);
    // A hit cost nothing this time.
    expect(second[0]?.usage).toBeUndefined();
  });

  it("keys on provider, model, prompt hash and input hash", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "eval-cache-"));
    const input = chunk("k1", "we need more seats");
    const keys = [new RecordingExtractor(), new RecordingExtractor("model-2"), new RecordingExtractor("model-1", "prompt-2")].map((model) => new FileExtractionCache(folder).keyOf(model, input.contentHash));
    expect(new Set(keys).size).toBe(3);
    expect(new FileExtractionCache(folder).keyOf(new RecordingExtractor(), "other")).not.toBe(keys[0]);
    const otherModel = new RecordingExtractor("model-2");
    await new CachedExtractor(new RecordingExtractor(), new FileExtractionCache(folder)).extract([input]);
    await new CachedExtractor(otherModel, new FileExtractionCache(folder)).extract([input]);
    expect(otherModel.calls).toEqual([["k1"]]);
  });

  it("never stores a failure, so the chunk is asked again next run", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "eval-cache-"));
    const model = new RecordingExtractor();
    await new CachedExtractor(model, new FileExtractionCache(folder)).extract([chunk("k1", "this will fail")]);
    const again = await new CachedExtractor(model, new FileExtractionCache(folder)).extract([chunk("k1", "this will fail")]);
    expect(model.calls).toEqual([["k1"], ["k1"]]);
    expect(again[0]?.failure?.reason).toBe("malformed output");
  });
});
