import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { loadTrainingCorpus } from "./load-training-corpus.js";

describe("the training corpus loader", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "training-corpus-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function corpus(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(folder, "case-"));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    return dir;
  }

  it("reads examples with their signals and context, and merges the same sentence written twice", async () => {
    const dir = await corpus({
      "a-seats.yaml": 'examples:\n  - text: "Every licence we bought is taken."\n    signals: [seat_pressure]\n    register: chat\n  - text: "We never run out of seats."\n    signals: []\n    kind: negation\n    looks_like: seat_pressure\n',
      "b-more.yaml": 'examples:\n  - text: "Every licence we bought is taken."\n    signals: [seat_pressure]\n  - text: "Now it is under five percent."\n    signals: [measurable_outcome]\n    before: "We used to lose a third of orders."\n',
    });
    const examples = await loadTrainingCorpus(dir);
    expect(examples.map((example) => example.text)).toEqual(["Every licence we bought is taken.", "We never run out of seats.", "Now it is under five percent."]);
    expect(examples[1]).toMatchObject({ signals: [], kind: "negation", looksLike: "seat_pressure" });
    expect(examples[2]?.before).toBe("We used to lose a third of orders.");
  });

  it("refuses a bad corpus whole, naming the file, the example and the field of every problem", async () => {
    const dir = await corpus({
      "a.yaml": 'examples:\n  - text: "We ran out of seats."\n    signals: [seat_presure]\n  - text: "Lovely weather."\n    signals: []\n  - text: "Fine."\n    signals: [seat_pressure]\n    mood: happy\n  - text: "Every seat is taken."\n    signals: [seat_pressure]\n',
      "b.yaml": 'examples:\n  - text: "Every seat is taken."\n    signals: [org_growth]\n',
      "c.yaml": "examples: [\n",
    });
    const error = await loadTrainingCorpus(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems.map((problem) => `${path.basename(problem.file)} ${problem.record ?? ""} ${problem.field ?? ""}`.trim());
    expect(problems).toEqual(
      expect.arrayContaining(["a.yaml example 1 signals.0", "a.yaml example 2 kind", "a.yaml example 3", "b.yaml example 1 signals", "c.yaml"]),
    );
    expect((error as InputError).message).toMatch(/not a signal id of the taxonomy/);
  });

  it("is empty when the folder does not exist", async () => {
    expect(await loadTrainingCorpus(path.join(folder, "missing"))).toEqual([]);
  });
});
