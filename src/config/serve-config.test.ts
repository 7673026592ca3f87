import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors.js";
import { createToken, hashToken } from "./access-tokens.js";
import { DEFAULT_BODY_LIMIT_BYTES, loadServeConfig } from "./serve-config.js";

describe("loadServeConfig", () => {
  it("adds EVIDENCE_TOKENS to the file's tokens, and the environment's body limit beats the file's", () => {
    const fromFile = createToken({ reviewer: "Maya Chen", role: "reviewer", accounts: "*" }).entry;
    const fromEnvironment = createToken({ reviewer: "Rui", role: "reader", accounts: ["acme"] }).entry;
    const config = loadServeConfig({
      file: { tokens: [fromFile], bodyLimitBytes: 10_000 },
      environment: { EVIDENCE_TOKENS: JSON.stringify([fromEnvironment]), EVIDENCE_BODY_LIMIT: "20000" },
    });
    expect(config.tokens).toEqual([fromFile, fromEnvironment]);
    expect(config.bodyLimitBytes).toBe(20_000);
    expect(loadServeConfig({ environment: {} })).toEqual({ tokens: [], bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES });
  });

  it("names the source and the field of a bad token entry", () => {
    const entry = { reviewer: "Maya", role: "admin", accounts: "*", sha256: hashToken("x") };
    expect(() => loadServeConfig({ environment: { EVIDENCE_TOKENS: JSON.stringify([entry]) } })).toThrow(/EVIDENCE_TOKENS: \[0\]\.role: must be "reader" or "reviewer"/);
    expect(() => loadServeConfig({ environment: { EVIDENCE_TOKENS: "[{" } })).toThrow(ConfigError);
    expect(() => loadServeConfig({ environment: { EVIDENCE_TOKENS: JSON.stringify([{ ...entry, role: "reader", sha256: "evd_plain-token" }]) } })).toThrow(
      /\[0\]\.sha256: must be the 64 hex digits/,
    );
    expect(() => loadServeConfig({ environment: { EVIDENCE_BODY_LIMIT: "lots" } })).toThrow(/EVIDENCE_BODY_LIMIT/);
  });

  it("stores a token only as its sha-256", () => {
    const { token, entry } = createToken({ reviewer: "Maya", role: "reviewer", accounts: "*" });
    expect(token).toMatch(/^evd_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(entry)).not.toContain(token);
    expect(entry.sha256).toBe(hashToken(token));
  });
});
