import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../test/support/factories.js";
import { createFact } from "../../test/support/evidence-factory.js";
import { evaluateReadiness } from "./evaluate-readiness.js";
import { loadRules } from "./load-rules.js";
import { labelPeople } from "./match-person.js";
import type { EvidenceFact } from "./readiness-contract.js";
import type { LoadedRules } from "./rules-schema.js";

let rules: LoadedRules;
beforeAll(async () => {
  rules = await loadRules();
});

const account = createAccount({ id: "acme", champion: "Ines Baptiste", health: "green", health_trend: "flat", licensed_seats: 100 });

function championGate(evidence: EvidenceFact[]) {
  const result = evaluateReadiness({ account, usage: [], evidence: labelPeople(evidence, account), asOf: "2026-11-23" }, rules);
  return result.gates.find((gate) => gate.gate === "champion_active");
}

describe("issue 16, class 7: who is leaving, and whose engagement it is", () => {
  const engaged = createFact({ id: "1", signalId: "champion_engaged", occurredAt: "2026-10-01", speaker: "Ines Baptiste", quote: "I've booked the two depot leads for Tuesday's session." });

  it("the champion saying a colleague is leaving is not the champion leaving", () => {
    const colleague = createFact({ id: "2", signalId: "champion_departing", occurredAt: "2026-10-10", speaker: "Ines Baptiste", quote: "Our planner Rafe is leaving at Christmas." });
    const pronoun = createFact({ id: "3", signalId: "champion_departing", occurredAt: "2026-10-11", speaker: "Ines Baptiste", quote: "She's handed in her notice, sadly." });
    expect(labelPeople([colleague, pronoun], account).map((fact) => fact.about)).toEqual(["someone_else", "someone_else"]);
    expect(championGate([engaged, colleague, pronoun])?.status).toBe("pass");
  });

  it("the champion saying they are leaving, or anyone naming the champion as leaving, is", () => {
    const own = createFact({ id: "4", signalId: "champion_departing", occurredAt: "2026-10-10", speaker: "Ines Baptiste", quote: "I'm moving to the Lisbon office in January." });
    const named = createFact({ id: "5", signalId: "champion_departing", occurredAt: "2026-10-12", speaker: "Piet Mol", quote: "Ines is leaving us next month." });
    expect(labelPeople([own, named], account).map((fact) => fact.about)).toEqual(["champion", "champion"]);
    expect(championGate([engaged, own])?.status).toBe("fail");
    expect(championGate([engaged, named])?.status).toBe("fail");
  });

  it("engagement counts only from the champion, or naming the champion", () => {
    const colleague = createFact({ id: "6", signalId: "champion_engaged", occurredAt: "2026-11-01", speaker: "Piet Mol", quote: "I've put the training in everyone's calendar." });
    const named = createFact({ id: "7", signalId: "champion_engaged", occurredAt: "2026-11-02", speaker: "Piet Mol", quote: "Ines ran the refresher for the night crew." });
    expect(labelPeople([colleague, named], account).map((fact) => fact.about)).toEqual(["someone_else", "champion"]);
    // Only a colleague's engagement: nothing is known about the champion.
    expect(championGate([colleague])?.status).toBe("unknown");
    expect(championGate([named])?.status).toBe("pass");
  });

  it("an account with no champion on record is read as before", () => {
    const noChampion = createAccount({ id: "acme" });
    const fact = createFact({ signalId: "champion_departing", speaker: "Piet Mol", quote: "Rafe is leaving." });
    expect(labelPeople([fact], noChampion)[0]?.about).toBeUndefined();
  });
});
