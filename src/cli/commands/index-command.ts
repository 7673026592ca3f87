import path from "node:path";
import type { Command } from "commander";
import { InputError, type InputProblem } from "../../errors.js";
import { indexSourceFolder, type IndexSummary } from "../../index/index-source-folder.js";
import { readSourceFolder } from "../../ingest/read-source-folder.js";
import { HashingEmbedder } from "../../models/hashing-embedder.js";
import { createIndexProgress } from "../index-progress.js";
import { contextFor, TOOL_VERSION, withDatabase, type ContextDependencies } from "../command-context.js";

export function registerIndexCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("index <folder...>")
    .description("index source folders (tickets, calls, accounts, usage) into the database; unchanged documents are skipped")
    .action(async (folders: string[], _options: unknown, command: Command) => {
      const context = contextFor(command, dependencies);
      const embedder = new HashingEmbedder();
      const progress = createIndexProgress({ interactive: process.stderr.isTTY === true && !context.config.json, ...(dependencies.writeProgress === undefined ? {} : { write: dependencies.writeProgress }) });
      const results: Array<{ folder: string; summary: IndexSummary }> = [];
      await withDatabase(context, async (database) => {
        for (const folder of folders) {
          const absolute = path.resolve(dependencies.workingDirectory, folder);
          const source = await readSourceFolder(absolute);
          const summary = await indexSourceFolder(database, source, {
            embedder,
            toolVersion: TOOL_VERSION,
            onStart: (documents) => progress.start(documents),
            onDocument: (event) => progress.document(event),
          }).finally(() => progress.stop());
          results.push({ folder, summary });
        }
      });
      context.output.result({ embedder: embedder.modelId, results }, () =>
        results
          .map(({ folder, summary }) => `${folder}: ${summary.indexed} indexed (${summary.chunks} chunks), ${summary.unchanged} unchanged, ${summary.rejected} rejected`)
          .join("\n"),
      );
      const problems: InputProblem[] = results.flatMap(({ summary }) => [...summary.problems]);
      if (problems.length > 0) {
        throw new InputError(problems, { headline: `${problems.length} records rejected; everything else was indexed:` });
      }
    });
}
