import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors.js";
import { DEFAULT_EXTRACTION_MODEL, loadModelConfig } from "./model-config.js";

describe("loadModelConfig", () => {
  it("defaults to the offline extractor with redaction on", () => {
    expect(loadModelConfig({ environment: {} })).toEqual({ extraction: { extractor: "offline" }, redaction: { enabled: true, extraPatterns: [] }, concurrency: 4 });
  });

  it("lets flags beat the environment and reads the base URL from either variable", () => {
    const environment = { OPENAI_API_KEY: "k", EVIDENCE_MODEL: "env-model", OPENAI_BASE_URL: "http://b.test/v1", EVIDENCE_OPENAI_BASE_URL: "http://a.test/v1" };
    expect(loadModelConfig({ extractor: "openai", model: "flag-model", environment }).extraction).toEqual({ extractor: "openai", model: "flag-model", apiKey: "k", baseURL: "http://a.test/v1" });
    expect(loadModelConfig({ extractor: "openai", environment: { OPENAI_API_KEY: "k" } }).extraction).toMatchObject({ model: DEFAULT_EXTRACTION_MODEL });
  });

  it("names the variable and the flag when the openai extractor has no key", () => {
    const failure = (() => {
      try {
        loadModelConfig({ extractor: "openai", environment: {} });
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(/OPENAI_API_KEY/);
    expect((failure as Error).message).toMatch(/--extractor/);
  });

  it("refuses an unknown extractor, a bad concurrency and a broken redaction pattern", () => {
    expect(() => loadModelConfig({ extractor: "magic", environment: {} })).toThrow(/--extractor/);
    expect(() => loadModelConfig({ concurrency: "0", environment: {} })).toThrow(ConfigError);
    expect(() => loadModelConfig({ redactPatterns: ["(unclosed"], environment: {} })).toThrow(/--redact-pattern/);
    expect(loadModelConfig({ redact: false, environment: { EVIDENCE_REDACT_PATTERNS: '["KCU-\\\\d+"]' } }).redaction).toEqual({ enabled: false, extraPatterns: ["KCU-\\d+"] });
  });
});
