import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { EXPANSION_TYPES } from "../../taxonomy/expansion-types.js";
import { renderTaxonomyMarkdown, renderTaxonomyText } from "../../taxonomy/render-taxonomy.js";
import { SIGNALS } from "../../taxonomy/signals.js";
import { taxonomyVersion } from "../../taxonomy/taxonomy-version.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

export function registerTaxonomyCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("taxonomy")
    .description("print the signal taxonomy: every signal with its meaning, examples and expansion type")
    .option("--markdown", "print the Markdown reference (the source of prompts/taxonomy.md)")
    .option("--output <file>", "write to a file instead of standard output")
    .action(async (options: { markdown?: boolean; output?: string }, command: Command) => {
      const context = contextFor(command, dependencies);
      if (options.markdown === true) {
        const markdown = renderTaxonomyMarkdown();
        if (options.output === undefined) context.output.result({ markdown }, () => markdown);
        else {
          await writeFile(options.output, markdown);
          context.output.note(`Wrote ${options.output}`);
        }
        return;
      }
      context.output.result(
        { version: taxonomyVersion(), expansionTypes: EXPANSION_TYPES, signals: SIGNALS },
        renderTaxonomyText,
      );
    });
}
