import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors.js";
import { evalExtractorFactory } from "./create-eval-extractor.js";

describe("the eval's extractor factory", () => {
  const environment = { OPENAI_API_KEY: "test-key" };

  it("makes the offline extractor, and refuses a model or prompt for it", async () => {
    const create = evalExtractorFactory({});
    expect((await create({ name: "offline" })).provider).toBe("offline");
    await expect(create({ name: "offline", model: "gpt-4o-mini" })).rejects.toThrow(ConfigError);
  });

  it("makes a model extractor whose prompt hash follows the prompt file, so cache and baseline tell variants apart", async () => {
    const create = evalExtractorFactory(environment);
    const shipped = await create({ name: "openai", model: "gpt-4o-mini" });
    expect([shipped.provider, shipped.modelId]).toEqual(["openai", "gpt-4o-mini"]);
    const variant = path.join(await mkdtemp(path.join(tmpdir(), "prompt-")), "system.md");
    await writeFile(variant, `${await readFile("prompts/extract-evidence.system.md", "utf8")}\nQuote whole sentences.\n`);
    const tried = await create({ name: "openai", model: "gpt-4o-mini", promptFile: variant });
    expect(tried.promptHash).not.toBe(shipped.promptHash);
  });

  it("names what is missing: the API key, or an unreadable prompt file", async () => {
    await expect(evalExtractorFactory({})({ name: "openai" })).rejects.toThrow(/OPENAI_API_KEY/);
    await expect(evalExtractorFactory(environment)({ name: "openai", promptFile: "/no/such/prompt.md" })).rejects.toThrow(/Cannot read the prompt file \/no\/such\/prompt\.md/);
  });
});
