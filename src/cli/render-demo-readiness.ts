import type { ReadinessAssessment } from "../hypotheses/assess-account.js";
import type { RecordedReadiness } from "../hypotheses/record-readiness.js";
import { summariseGate } from "../rules/gate-registry.js";
import type { GateStatus, Verdict } from "../rules/readiness-contract.js";
import { DEMO_AS_OF, type DemoScenario } from "./demo-scenarios.js";
import { formatTable } from "./output.js";

/** One account's readiness as the demo reports it (and prints with --json). */
export interface DemoReadiness {
  readonly accountId: string;
  readonly scenario: string | null;
  readonly expected: Verdict | null;
  readonly verdict: Verdict;
  /** Null when the account has no scenario (a folder other than the bundled demo). */
  readonly matchesScenario: boolean | null;
  readonly expansionTypes: readonly string[];
  readonly gates: ReadonlyArray<{ readonly gate: string; readonly status: GateStatus; readonly reason: string }>;
  readonly assessmentId: string;
  readonly hypotheses: number;
}

export interface DemoReadinessReport {
  readonly asOf: string;
  readonly asOfIsDemoDefault: boolean;
  readonly rulesVersion: string;
  readonly accounts: readonly DemoReadiness[];
}

const MARK: Record<GateStatus, string> = { pass: "PASS", fail: "FAIL", unknown: " ?? " };

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

export function summariseDemoReadiness(
  assessment: ReadinessAssessment,
  recorded: RecordedReadiness,
  scenario: DemoScenario | undefined,
): DemoReadiness {
  const { result } = assessment;
  return {
    accountId: result.accountId,
    scenario: scenario?.scenario ?? null,
    expected: scenario?.expected ?? null,
    verdict: result.verdict,
    matchesScenario: scenario === undefined ? null : scenario.expected === result.verdict,
    expansionTypes: result.expansionTypes.map((support) => support.type),
    gates: result.gates.map((gate) => ({ gate: gate.gate, status: gate.status, reason: summariseGate(gate, result) })),
    assessmentId: recorded.assessmentId,
    hypotheses: recorded.hypotheses.length,
  };
}

/**
 * Readiness for the demo: a table of verdicts against each account's scenario, then one short block per
 * account with every gate and the sentence that decided it.
 */
export function renderDemoReadiness(report: DemoReadinessReport): string {
  const asOf = report.asOfIsDemoDefault
    ? `as of ${report.asOf}, the day the demo data is written as of (another day: --as-of YYYY-MM-DD)`
    : `as of ${report.asOf} (--as-of; the demo data is written as of ${DEMO_AS_OF})`;
  const withScenario = report.accounts.filter((account) => account.matchesScenario !== null);
  const matching = withScenario.filter((account) => account.matchesScenario === true).length;
  const lines = [
    `Readiness ${asOf}.`,
    `Decided by the readiness rules ${report.rulesVersion}, never by a model; each result and its hypotheses are stored.`,
    "",
    formatTable(
      ["account", "scenario", "expected", "verdict", "match", "expansion types"],
      report.accounts.map((account) => [
        account.accountId,
        account.scenario ?? "-",
        account.expected ?? "-",
        account.verdict,
        account.matchesScenario === null ? "-" : account.matchesScenario ? "yes" : "NO",
        account.expansionTypes.join(", ") || "-",
      ]),
    ),
  ];
  if (withScenario.length > 0) lines.push(`${matching} of ${withScenario.length} accounts reach the verdict their scenario was written for.`);
  const width = Math.max(0, ...report.accounts.flatMap((account) => account.gates.map((gate) => gate.gate.length)));
  for (const account of report.accounts) {
    const types = account.expansionTypes.length === 0 ? "" : ` (${account.expansionTypes.join(", ")})`;
    lines.push("", `${account.accountId}: ${account.verdict}${types}`);
    for (const gate of account.gates) lines.push(`  ${MARK[gate.status]}  ${gate.gate.padEnd(width)}  ${shorten(gate.reason, 110)}`);
  }
  lines.push(
    "",
    "Every gate with its evidence and quotes: evidence readiness <account> --as-of " + report.asOf,
    `The pre-QBR report of every account, one page each: evidence portfolio --as-of ${report.asOf} --out reports/index.html --with-reports`,
    "Drafted hypotheses to review: evidence hypotheses. Score the extractor against the gold set: npm run eval.",
  );
  return lines.join("\n");
}
