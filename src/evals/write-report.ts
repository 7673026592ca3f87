import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EvalReport } from "./report-model.js";
import { renderHtml, renderMarkdown } from "./render-report.js";
import type { EvalRun } from "./run-eval.js";

export const DEFAULT_RESULTS_FOLDER = "evals/results";

/**
 * Writes `report.md`, `report.html` and `results.json` (every case's predictions, scores and examples)
 * into `<folder>/<timestamp>/`, a folder git ignores. Returns the folder written.
 */
export async function writeReport(folder: string, report: EvalReport, runs: readonly EvalRun[]): Promise<string> {
  const target = path.join(folder, report.createdAt.replace(/[:.]/g, "-"));
  await mkdir(target, { recursive: true });
  await writeFile(path.join(target, "report.md"), renderMarkdown(report));
  await writeFile(path.join(target, "report.html"), await renderHtml(report));
  await writeFile(path.join(target, "results.json"), `${JSON.stringify(runs, null, 2)}\n`);
  return target;
}
