import { describe, expect, it } from "vitest";
import { createIndexProgress } from "./index-progress.js";

describe("index progress as JSON lines", () => {
  it("reports documents, chunks, embeddings, rate and ETA from the events of a run", () => {
    const lines: string[] = [];
    let now = 1_000;
    const progress = createIndexProgress({ interactive: false, folder: "exports", write: (line) => lines.push(line), now: () => now });
    progress.handle({ kind: "start", documents: 10, changed: 4, unchanged: 6 });
    progress.handle({ kind: "embedded", texts: 9 });
    now += 2_000;
    progress.handle({ kind: "document", accountId: "acme", sourceRef: "tickets/acme.json#1", status: "indexed", chunks: 5 });
    progress.handle({ kind: "document", accountId: "acme", sourceRef: "tickets/acme.json#2", status: "indexed", chunks: 4 });
    progress.handle({ kind: "building-indexes" });
    progress.stop();
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events[0]).toEqual({ event: "start", folder: "exports", documents: 10, changed: 4, unchanged: 6 });
    // Two documents in two seconds, two still to go: one document per second, two seconds left.
    expect(events[2]).toMatchObject({ event: "document", sourceRef: "tickets/acme.json#2", done: 8, total: 10, chunksSoFar: 9, embedded: 9, documentsPerSecond: 1, chunksPerSecond: 4.5, etaSeconds: 2 });
    expect(events[3]).toEqual({ event: "building-indexes" });
    expect(events[4]).toMatchObject({ event: "done", folder: "exports", documents: 8, indexed: 2, chunks: 9, embedded: 9 });
    expect(lines.every((line) => line.endsWith("\n") && !line.slice(0, -1).includes("\n"))).toBe(true);
  });

  it("gives no ETA before anything was indexed", () => {
    const lines: string[] = [];
    const progress = createIndexProgress({ interactive: false, folder: "f", write: (line) => lines.push(line), now: () => 0 });
    progress.handle({ kind: "start", documents: 3, changed: 0, unchanged: 3 });
    progress.stop();
    expect(JSON.parse(lines[1] ?? "{}")).toMatchObject({ event: "done", documents: 3, indexed: 0, etaSeconds: null });
  });
});
