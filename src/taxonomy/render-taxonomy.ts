import { EXPANSION_TYPES } from "./expansion-types.js";
import { SEEDS } from "./seeds.js";
import { SIGNALS, type SignalDefinition } from "./signals.js";
import { taxonomyVersion } from "./taxonomy-version.js";

function expansionOf(signal: SignalDefinition): string {
  if (signal.expansionTypes.length === 0) return "-";
  const types = signal.expansionTypes.join(", ");
  return "expansionNote" in signal && signal.expansionNote !== undefined ? `${types} (${signal.expansionNote})` : types;
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/**
 * The taxonomy as a Markdown document: `prompts/taxonomy.md` is this output (`npm run docs:taxonomy`),
 * and a test fails when the file and the module disagree.
 */
export function renderTaxonomyMarkdown(): string {
  const lines = [
    "<!-- Generated from src/taxonomy/signals.ts by `npm run docs:taxonomy`. Do not edit by hand. -->",
    "# Signal taxonomy",
    "",
    `Version \`${taxonomyVersion()}\`. Evidence counts only when a customer-side speaker said or did it; vendor`,
    "speech is kept apart and never counts as pull (seed 001).",
    "",
    "| category | signal id | meaning | expansion type | seeds |",
    "|---|---|---|---|---|",
    ...SIGNALS.map(
      (signal) =>
        `| ${signal.category} | \`${signal.id}\` | ${cell(signal.definition)} | ${cell(expansionOf(signal))} | ${signal.seeds.join(", ")} |`,
    ),
    "",
    "## Expansion types",
    "",
    ...Object.entries(EXPANSION_TYPES).map(([id, meaning]) => `- \`${id}\`: ${meaning}`),
    "",
    "## Examples",
    "",
  ];
  for (const signal of SIGNALS) {
    lines.push(`### \`${signal.id}\`: ${signal.title}`, "", "Counts:", "");
    lines.push(...signal.positiveExamples.map((example) => `- "${example}"`), "", "Does not count:", "");
    lines.push(...signal.negativeExamples.map((example) => `- "${example.text}" (${example.why})`), "");
  }
  lines.push("## Seeds", "", ...Object.entries(SEEDS).map(([id, seed]) => `- ${id} (\`${seed.file}\`): ${seed.topic}`), "");
  return lines.join("\n");
}

/** The taxonomy for a terminal: one block per category, one line per signal. */
export function renderTaxonomyText(): string {
  const width = Math.max(...SIGNALS.map((signal) => signal.id.length));
  const lines: string[] = [`Signal taxonomy (version ${taxonomyVersion()}, ${SIGNALS.length} signals)`];
  for (const category of ["usage", "relationship", "value", "risk"] as const) {
    lines.push("", category.toUpperCase());
    for (const signal of SIGNALS.filter((item) => item.category === category)) {
      const expansion = signal.expansionTypes.length === 0 ? "" : `  -> ${signal.expansionTypes.join(" / ")}`;
      lines.push(`  ${signal.id.padEnd(width)}  ${signal.title}${expansion}`);
    }
  }
  lines.push("", "Definitions and examples: evidence taxonomy --json, or prompts/taxonomy.md");
  return lines.join("\n");
}
