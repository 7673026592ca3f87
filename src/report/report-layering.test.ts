import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPORT = fileURLToPath(new URL("./", import.meta.url));

describe("report/ layering", () => {
  it("reads through src/app, never src/db: no import of the database layer", () => {
    const files = readdirSync(REPORT, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((file) => /from\s+["'](\.\.\/)+db\//.test(readFileSync(path.join(REPORT, file), "utf8")));
    expect(offenders).toEqual([]);
    // The reader goes through the application's use cases.
    expect(readFileSync(path.join(REPORT, "app-report-reader.ts"), "utf8")).toMatch(/from "\.\.\/app\/index\.js"/);
  });
});
