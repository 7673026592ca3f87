import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SOURCE = fileURLToPath(new URL("../", import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

const relative = (file: string) => path.relative(SOURCE, file);

describe("layering", () => {
  it("keeps src/cli/ and src/http/ off the database: front ends go through src/app/", () => {
    const frontEnds = [...sourceFiles(path.join(SOURCE, "cli")), ...sourceFiles(path.join(SOURCE, "http"))];
    expect(frontEnds.some((file) => file.endsWith(".tsx"))).toBe(true);
    const offenders = frontEnds.filter((file) => /from\s+["'](\.\.\/)+db\//.test(readFileSync(file, "utf8")));
    expect(offenders.map(relative)).toEqual([]);
  });

  it("keeps SQL inside src/db/", () => {
    // A string literal that starts like a statement: how every query in src/db/ is written.
    const statement = /["'`]\s*(select\s[\s\S]*?\sfrom\s|insert\s+into\s|update\s+\w+\s+set\s|delete\s+from\s|create\s+(table|index)\s)/i;
    const offenders = sourceFiles(SOURCE)
      .filter((file) => !relative(file).startsWith(`db${path.sep}`))
      .filter((file) => statement.test(readFileSync(file, "utf8")));
    expect(offenders.map(relative)).toEqual([]);
  });

  it("the scan does find SQL where it is (so an empty list above means something)", () => {
    const statement = /["'`]\s*(select\s[\s\S]*?\sfrom\s|insert\s+into\s|update\s+\w+\s+set\s|delete\s+from\s|create\s+(table|index)\s)/i;
    expect(statement.test(readFileSync(path.join(SOURCE, "db", "evidence-store.ts"), "utf8"))).toBe(true);
  });
});
