import type { ReportReader } from "./gather-report-sources.js";
import type { ChampionStatus, PortfolioReport, PortfolioRow } from "./report-model.js";
import type { ReadinessResult } from "../rules/readiness-contract.js";
import { signalById } from "../taxonomy/signals.js";

export interface PortfolioOptions {
  readonly asOf: string;
  /** Only accounts renewing before this day (YYYY-MM-DD); accounts with no renewal date are left out then. */
  readonly renewalBefore?: string | undefined;
  readonly generatedAt?: string;
  /** How a row links to its account's report; default `<account-id>.html` beside the portfolio file. */
  readonly reportLink?: (accountId: string) => string;
}

function championStatusOf(result: ReadinessResult): ChampionStatus {
  const gate = result.gates.find((item) => item.gate === "champion_active");
  if (gate === undefined || gate.status === "unknown") return "unknown";
  if (gate.status === "pass") return "active";
  return gate.data?.["lastDeparting"] !== null && gate.data?.["lastDeparting"] !== undefined ? "leaving" : "silent";
}

/**
 * Every account on one page, soonest renewal first (accounts with no renewal date last, then by name):
 * verdict, supported expansion types, blocking risks, champion status and hypotheses awaiting review.
 * Readiness is decided as of `asOf` and not recorded.
 *
 * @example const portfolio = await buildPortfolio(reader, { asOf: "2026-11-23", renewalBefore: "2027-04-01" });
 */
export async function buildPortfolio(reader: ReportReader, options: PortfolioOptions): Promise<PortfolioReport> {
  const link = options.reportLink ?? ((accountId: string) => `${accountId}.html`);
  const rows: (PortfolioRow & { readonly rulesVersion: string })[] = [];
  for (const accountId of await reader.accountIds()) {
    const [assessed, hypotheses] = await Promise.all([reader.assess(accountId, options.asOf), reader.hypotheses(accountId)]);
    const renewal = assessed.account.renewal_date ?? null;
    if (options.renewalBefore !== undefined && (renewal === null || renewal >= options.renewalBefore)) continue;
    rows.push({
      accountId,
      name: assessed.account.name,
      renewalDate: renewal,
      arr: assessed.account.arr,
      verdict: assessed.result.verdict,
      expansionTypes: assessed.result.expansionTypes.map((support) => support.type),
      blockingRisks: assessed.result.blockingRisks.map((risk) => signalById(risk.signalId).title),
      champion: assessed.account.champion ?? null,
      championStatus: championStatusOf(assessed.result),
      awaitingReview: hypotheses.filter((hypothesis) => hypothesis.status === "draft").length,
      reportLink: link(accountId),
      rulesVersion: assessed.result.rulesVersion,
    });
  }
  rows.sort(
    (left, right) =>
      (left.renewalDate ?? "9999-12-31").localeCompare(right.renewalDate ?? "9999-12-31") || left.name.localeCompare(right.name),
  );
  return {
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    asOf: options.asOf,
    renewalBefore: options.renewalBefore ?? null,
    rows: rows.map(({ rulesVersion: _version, ...row }) => row),
    rulesVersion: rows[0]?.rulesVersion ?? null,
  };
}
