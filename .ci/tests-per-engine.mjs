// Prints how many tests passed, failed and were skipped on each database engine, from vitest's JSON
// report. Suites say their engine in their title (test/support/engines.ts); the rest run on PGlite in
// process or need no database at all.
import { readFileSync } from "node:fs";

const ENGINES = [
  ["real PostgreSQL 15 server", "a real PostgreSQL 15 server"],
  ["pg over a PGlite socket", "pg over a PGlite socket server"],
];
const OTHER = "PGlite in process, or no database";

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
const counts = new Map([...ENGINES.map(([name]) => name), OTHER].map((name) => [name, { passed: 0, failed: 0, skipped: 0 }]));
for (const file of report.testResults) {
  for (const test of file.assertionResults) {
    const title = [...test.ancestorTitles, test.title].join(" > ");
    const engine = ENGINES.find(([, label]) => title.includes(label))?.[0] ?? OTHER;
    const status = test.status === "passed" ? "passed" : test.status === "failed" ? "failed" : "skipped";
    counts.get(engine)[status] += 1;
  }
}
console.log("Tests per engine:");
for (const [engine, { passed, failed, skipped }] of counts) {
  console.log(`  ${engine.padEnd(36)} ${String(passed).padStart(4)} passed  ${failed} failed  ${skipped} skipped`);
}
