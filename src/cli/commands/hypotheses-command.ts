import { Option, type Command } from "commander";
import { HYPOTHESIS_STATUSES, listHypotheses, type HypothesisStatus, type StoredHypothesis } from "../../app/index.js";
import { HYPOTHESIS_SECTIONS, SECTION_TITLES } from "../../hypotheses/hypothesis-content.js";
import { contextFor, type ContextDependencies } from "../command-context.js";
import { formatTable } from "../output.js";

export function registerHypothesesCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("hypotheses")
    .description("list expansion hypotheses with their verdict and review status")
    .option("--account <id>", "only this account")
    .addOption(
      new Option("--status <status>", "only hypotheses in this status; all also lists those a newer draft superseded (hidden by default)").choices([
        ...HYPOTHESIS_STATUSES,
        "all",
      ]),
    )
    .option("--full", "print every section of each hypothesis with the evidence ids it cites")
    .addHelpText("after", "\nExamples:\n  evidence hypotheses --status draft\n  evidence hypotheses --account brightpath-logistics --full")
    .action(async (options: { account?: string; status?: HypothesisStatus | "all"; full?: boolean }, command: Command) => {
      const context = contextFor(command, dependencies);
      const status = options.status === "all" ? undefined : options.status;
      // An explicit status shows every hypothesis in it; the default listing hides superseded ones.
      const currentOnly = options.status === undefined;
      const hypotheses = await context.read((services) => listHypotheses(services, { accountId: options.account, status, currentOnly }));
      context.output.result({ hypotheses }, () => renderHypotheses(hypotheses, options.full === true, context.output.columns));
    });
}

function note(hypothesis: StoredHypothesis): string {
  const replaced = hypothesis.supersededBy === null ? "" : `superseded by #${hypothesis.supersededBy}; `;
  if (hypothesis.status === "stale") return `${replaced}${hypothesis.statusReason ?? ""}`;
  if (hypothesis.overrideReason !== null) return `override: ${hypothesis.overrideReason}`;
  return hypothesis.reviewComment ?? "";
}

export function renderHypotheses(hypotheses: readonly StoredHypothesis[], full: boolean, columns?: number): string {
  if (hypotheses.length === 0) return "No hypotheses. Draft them with: evidence readiness <account>";
  const table = formatTable(
    ["id", "account", "expansion", "verdict", "status", "replaces", "reviewer", "note"],
    hypotheses.map((hypothesis) => [
      hypothesis.id,
      hypothesis.accountId,
      hypothesis.expansionType,
      hypothesis.verdict,
      hypothesis.status,
      hypothesis.supersedesId === null ? "-" : `#${hypothesis.supersedesId}`,
      hypothesis.reviewedBy ?? "-",
      note(hypothesis),
    ]),
    columns === undefined ? {} : { columns },
  );
  if (!full) return table;
  const blocks = hypotheses.map((hypothesis) => {
    const content = hypothesis.content as Partial<Record<(typeof HYPOTHESIS_SECTIONS)[number], { text?: string; evidenceIds?: string[] }>>;
    const lines = [`#${hypothesis.id} ${hypothesis.accountId}: ${hypothesis.expansionType} (verdict ${hypothesis.verdict}, ${hypothesis.status}, as of ${hypothesis.asOf ?? "?"})`];
    for (const name of HYPOTHESIS_SECTIONS) {
      const section = content[name];
      const cites = section?.evidenceIds?.length ? ` [${section.evidenceIds.map((id) => `#${id}`).join(" ")}]` : "";
      lines.push(`  ${SECTION_TITLES[name]}${cites}`, `    ${section?.text ?? "-"}`);
    }
    return lines.join("\n");
  });
  return [table, ...blocks].join("\n\n");
}
