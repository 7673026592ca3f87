import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { GoldSplit } from "../src/evals/gold-schema.js";
import { loadGoldSet, type GoldSet } from "../src/evals/load-gold.js";
import { SIGNAL_IDS } from "../src/taxonomy/signals.js";

const VERDICTS = ["ready", "fix_footprint", "no_pull", "insufficient_evidence"] as const;

describe("the committed gold set", () => {
  let gold: GoldSet;
  beforeAll(async () => {
    gold = await loadGoldSet("evals/gold");
  });

  const inSplit = (split: GoldSplit) => gold.cases.filter((goldCase) => goldCase.split === split);

  it("has at least 150 positive labels in the tune split and every signal at least 4 times", () => {
    const labels = inSplit("tune").flatMap((goldCase) => goldCase.labels);
    expect(labels.length).toBeGreaterThanOrEqual(150);
    for (const signalId of SIGNAL_IDS) {
      expect(labels.filter((label) => label.signalId === signalId).length, signalId).toBeGreaterThanOrEqual(4);
    }
  });

  it("has at least 40 hard negatives in the tune split covering vendor speech, negation, hypotheticals, resolved issues and sarcasm", () => {
    const negatives = inSplit("tune").flatMap((goldCase) => goldCase.hardNegatives);
    expect(negatives.length).toBeGreaterThanOrEqual(40);
    for (const kind of ["vendor_speech", "negation", "hypothetical", "resolved", "sarcasm"]) {
      expect(negatives.some((negative) => negative.kind === kind), kind).toBe(true);
    }
  });

  it("holds out its own floor: at least 50 labels over at least 18 signals, 20 hard negatives of every kind but disputes, and an account case", () => {
    const holdout = inSplit("holdout");
    const labels = holdout.flatMap((goldCase) => goldCase.labels);
    expect(labels.length).toBeGreaterThanOrEqual(50);
    expect(new Set(labels.map((label) => label.signalId)).size).toBeGreaterThanOrEqual(18);
    const negatives = holdout.flatMap((goldCase) => goldCase.hardNegatives);
    expect(negatives.length).toBeGreaterThanOrEqual(20);
    for (const kind of ["vendor_speech", "negation", "hypothetical", "resolved", "sarcasm", "not_the_signal"]) {
      expect(negatives.some((negative) => negative.kind === kind), kind).toBe(true);
    }
    expect(holdout.some((goldCase) => goldCase.readiness !== undefined)).toBe(true);
    // Every holdout file is read from holdout/, so nobody mistakes it for tuning material.
    for (const goldCase of holdout) expect(path.basename(path.dirname(goldCase.file))).toBe("holdout");
  });

  it("keeps the holdout apart from the tune split: no shared case, account or customer speaker", () => {
    const speakers = (split: GoldSplit) =>
      new Set(inSplit(split).flatMap((goldCase) => goldCase.documents.flatMap((document) => document.segments.filter((segment) => segment.speakerRole === "customer").map((segment) => segment.speaker))));
    const tuneSpeakers = speakers("tune");
    const tuneAccounts = new Set(inSplit("tune").map((goldCase) => goldCase.accountId));
    for (const goldCase of inSplit("holdout")) expect(tuneAccounts.has(goldCase.accountId), goldCase.accountId).toBe(false);
    for (const speaker of speakers("holdout")) expect(tuneSpeakers.has(speaker), speaker).toBe(false);
  });

  it("has an account case for every verdict", () => {
    const verdicts = new Set(gold.cases.flatMap((goldCase) => (goldCase.readiness === undefined ? [] : [goldCase.readiness.expectedVerdict])));
    expect([...verdicts].sort()).toEqual([...VERDICTS].sort());
  });

  it("quotes every label verbatim from its document, inside the words of a speaker with the labelled role", () => {
    for (const goldCase of gold.cases) {
      const byRef = new Map(goldCase.documents.map((document) => [document.sourceRef, document]));
      for (const span of [...goldCase.labels, ...goldCase.hardNegatives]) {
        const document = byRef.get(span.sourceRef);
        expect(document?.fullText.slice(span.start, span.end), `${goldCase.id}: ${span.quote}`).toBe(span.quote);
        const segment = document?.segments.find((candidate) => candidate.start <= span.start && candidate.end >= span.end);
        expect(segment?.speaker).toBe(span.speaker);
      }
      for (const label of goldCase.labels) expect(label.speakerRole, label.quote).toBe("customer");
    }
  });

  it("is written fresh: no company, person or sentence of data/demo appears in it", async () => {
    const demoText = await readAll("data/demo");
    const goldText = await readAll("evals/gold");
    const demoVendor = JSON.parse(await readFile("data/demo/vendor.json", "utf8")) as { participants: Array<{ name: string }> };
    for (const person of demoVendor.participants) expect(goldText).not.toContain(person.name);
    for (const label of gold.cases.flatMap((goldCase) => goldCase.labels)) expect(demoText).not.toContain(label.quote);
  });

  it("keeps every case file readable as plain YAML with the documented keys", async () => {
    for (const file of gold.cases.map((goldCase) => goldCase.file)) {
      const raw = parseYaml(await readFile(file, "utf8")) as Record<string, unknown>;
      expect(Object.keys(raw)).toEqual(expect.arrayContaining(["id", "account_id", "description", "documents", "labels"]));
    }
  });
});

async function readAll(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), "utf8")),
  );
  return texts.join("\n");
}
