import path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { describeProblem, InputError, type InputProblem } from "../../errors.js";
import { indexFolders } from "../../app/index.js";
import type { IndexSummary } from "../../index/index-source-folder.js";
import { createIndexProgress } from "../index-progress.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

interface IndexCommandOptions {
  readonly prune?: boolean;
  readonly reembed?: boolean;
  readonly batchSize: number;
  readonly embedder?: string;
  readonly embeddingModel?: string;
  readonly embeddingDimensions?: string;
  readonly redact?: boolean;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError("expected a whole number of 1 or more");
  return number;
}

export function registerIndexCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("index <folder...>")
    .description("index source folders (tickets, calls, accounts, usage) into the database; unchanged documents are skipped")
    .option("--prune", "also delete stored documents of the folder's accounts whose ticket or call is no longer in the folder")
    .option("--reembed", "forget every stored document and vector (of all folders) and index again with the current embedder")
    .option("--batch-size <chunks>", "chunks embedded and written per transaction (several documents, each whole)", positiveInteger, 512)
    .option("--embedder <offline|openai>", "offline (default, no network, no key) or an OpenAI-compatible API (env EVIDENCE_EMBEDDER; key OPENAI_API_KEY, endpoint EVIDENCE_OPENAI_BASE_URL or OPENAI_BASE_URL)")
    .option("--embedding-model <id>", "model of the openai embedder (env EVIDENCE_EMBEDDING_MODEL; default text-embedding-3-small)")
    .option("--embedding-dimensions <n>", "vector size asked of the openai embedder (env EVIDENCE_EMBEDDING_DIMENSIONS; default 1536)")
    .option("--no-redact", "send text to the openai embedder as it is, without replacing emails, phone, card and account numbers")
    .addHelpText(
      "after",
      [
        "",
        "Each folder is laid out as data/README.md describes. A changed ticket or call replaces its stored",
        "chunks in one transaction; an unchanged one costs nothing. Interrupting the job is safe: run it again.",
        "Bad records are listed (file, line or record, field) and skipped; the rest is indexed and the exit",
        "code is 65. Progress goes to stderr: a bar on a terminal, JSON lines otherwise or with --json.",
        "",
        "--prune only looks at the accounts listed in the folder's accounts file, and keeps every document of",
        "a file that had problems in this run (a file that cannot be read is not a file that is gone).",
        "",
        "Examples:",
        "  evidence index data/demo",
        "  OPENAI_API_KEY=... evidence --db ./.evidence/openai index data/demo --embedder openai",
        "  evidence --db postgres://localhost/cs index exports/2026-11 --prune",
      ].join("\n"),
    )
    .action(async (folders: string[], options: IndexCommandOptions, command: Command) => {
      const context = contextFor(command, dependencies, {
        embedder: options.embedder,
        embeddingModel: options.embeddingModel,
        embeddingDimensions: options.embeddingDimensions,
        redact: options.redact,
      });
      // Resolve the embedder settings before opening the database: a missing key stops here.
      context.settings.embedder();
      const absolutes = folders.map((folder) => path.resolve(dependencies.workingDirectory, folder));
      // Folders are reported as the user named them.
      const shown = (absolute: string) => folders[absolutes.indexOf(absolute)] ?? absolute;
      const { embedderId, results } = await context.run(async (services) => ({
        embedderId: services.embedder().modelId,
        results: await indexFolders(services, {
          folders: absolutes,
          prune: options.prune === true,
          reembed: options.reembed === true,
          chunksPerBatch: options.batchSize,
          progress: (absolute) =>
            createIndexProgress({
              interactive: process.stderr.isTTY === true && !context.settings.json,
              folder: shown(absolute),
              ...(dependencies.writeProgress === undefined ? {} : { write: dependencies.writeProgress }),
            }),
        }),
      }));
      context.output.result({ embedder: embedderId, results: results.map(({ folder, summary }) => ({ folder: shown(folder), summary })) }, () =>
        results.map(({ folder, summary }) => `${shown(folder)}: ${describeSummary(summary)}`).join("\n"),
      );
      for (const warning of results.flatMap(({ summary }) => [...summary.warnings])) {
        process.stderr.write(`warning: ${describeProblem(warning)}\n`);
      }
      const problems: InputProblem[] = results.flatMap(({ summary }) => [...summary.problems]);
      if (problems.length > 0) {
        const rejected = results.reduce((total, { summary }) => total + summary.rejected, 0);
        throw new InputError(problems, { headline: `${rejected} ${rejected === 1 ? "record" : "records"} rejected; everything else was indexed:` });
      }
    });
}

/** "12 indexed (48 chunks), 40 unchanged, 1 rejected" (and ", 3 pruned" when pruning). */
export function describeSummary(summary: IndexSummary): string {
  const pruned = summary.pruned > 0 ? `, ${summary.pruned} pruned` : "";
  const warned = summary.warnings.length > 0 ? `, ${summary.warnings.length} blank turns skipped` : "";
  return `${summary.indexed} indexed (${summary.chunks} chunks), ${summary.unchanged} unchanged, ${summary.rejected} rejected${pruned}${warned}`;
}
