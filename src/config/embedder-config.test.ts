import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors.js";
import { loadEmbedderConfig } from "./embedder-config.js";

describe("loadEmbedderConfig", () => {
  it("is offline unless told otherwise", () => {
    expect(loadEmbedderConfig({ environment: {} })).toEqual({ provider: "offline" });
  });

  it("lets the flag beat the environment and fills the openai defaults", () => {
    const config = loadEmbedderConfig({
      embedder: "openai",
      dimensions: "256",
      environment: { EVIDENCE_EMBEDDER: "offline", OPENAI_API_KEY: "k", EVIDENCE_EMBEDDING_MODEL: "nomic-embed", OPENAI_BASE_URL: "http://localhost:11434/v1" },
    });
    expect(config).toEqual({ provider: "openai", model: "nomic-embed", dimensions: 256, apiKey: "k", baseURL: "http://localhost:11434/v1", redact: true });
  });

  it("names the variable to set when the key is missing, and the way out", () => {
    expect(() => loadEmbedderConfig({ embedder: "openai", environment: {} })).toThrow(/OPENAI_API_KEY.*--embedder offline/);
  });

  it("refuses an unknown provider and a size that is not a number, naming where they came from", () => {
    expect(() => loadEmbedderConfig({ environment: { EVIDENCE_EMBEDDER: "cohere" } })).toThrow(/"cohere" \(from --embedder or EVIDENCE_EMBEDDER\)/);
    const failure = (() => {
      try {
        loadEmbedderConfig({ embedder: "openai", dimensions: "lots", environment: { OPENAI_API_KEY: "k" } });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(/--embedding-dimensions/);
  });
});
