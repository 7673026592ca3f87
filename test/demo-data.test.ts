import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_FOLDER } from "../src/cli/commands/demo-command.js";
import { readSourceFolder, type SourceFolder } from "../src/ingest/read-source-folder.js";
import { resolveSpeakerRole } from "../src/ingest/speaker-role.js";
import { roleDirectoryOf } from "../src/ingest/vendor-profile.js";

const words = (text: string) => text.split(/\s+/).filter((word) => /\w/.test(word)).length;

describe("the demo dataset", () => {
  let demo: SourceFolder;

  beforeAll(async () => {
    demo = await readSourceFolder(DEMO_FOLDER);
  });

  it("validates without a single problem", () => {
    expect(demo.problems).toEqual([]);
  });

  it("has 8 accounts, each with 3-10 tickets and 2-4 calls", () => {
    expect(demo.accounts).toHaveLength(8);
    for (const account of demo.accounts) {
      const tickets = demo.tickets.filter((ticket) => ticket.account_id === account.id).length;
      const calls = demo.calls.filter((call) => call.accountId === account.id).length;
      expect({ account: account.id, ticketsInRange: tickets >= 3 && tickets <= 10, callsInRange: calls >= 2 && calls <= 4 }).toEqual({
        account: account.id,
        ticketsInRange: true,
        callsInRange: true,
      });
    }
  });

  it("keeps a JSON transcript's start time, not just its day (issue 16, class 11)", () => {
    const call = demo.calls.find((item) => item.file.endsWith("2026-06-24-quarterly-business-review.json"));
    expect(call?.startedAt).toMatch(/^2026-06-24T\d\d:\d\d/);
    expect(call?.startedAt).not.toMatch(/T00:00:00/);
  });

  it("uses every input format: tickets as JSON and CSV, calls as WebVTT, SRT, text and JSON", async () => {
    expect(new Set(demo.calls.map((call) => call.format))).toEqual(new Set(["vtt", "srt", "txt", "json"]));
    const ticketFiles = await readdir(path.join(DEMO_FOLDER, "tickets"));
    expect(new Set(ticketFiles.map((file) => path.extname(file)))).toEqual(new Set([".json", ".csv"]));
  });

  it("has calls of realistic length (1,500-5,000 spoken words)", () => {
    for (const call of demo.calls) {
      const spoken = call.turns.reduce((total, turn) => total + words(turn.text), 0);
      expect({ file: path.basename(call.file), spoken: spoken >= 1500 && spoken <= 5000 ? "in range" : spoken }).toEqual({
        file: path.basename(call.file),
        spoken: "in range",
      });
    }
  });

  it("gives every speaker a customer or vendor role through vendor.json", () => {
    const directory = roleDirectoryOf(demo.vendor);
    const unresolved = new Set<string>();
    for (const call of demo.calls) {
      for (const turn of call.turns) {
        if (resolveSpeakerRole({ name: turn.speaker }, directory) === "unknown") unresolved.add(`${path.basename(call.file)}: ${turn.speaker}`);
      }
    }
    for (const ticket of demo.tickets) {
      for (const comment of ticket.comments) {
        if (resolveSpeakerRole(comment.author, directory) === "unknown") unresolved.add(`ticket ${ticket.id}: ${comment.author.name}`);
      }
    }
    expect([...unresolved]).toEqual([]);
  });

  it("has usage data for every account but the one with too little data", () => {
    const withUsage = new Set(demo.usage.map((metric) => metric.account_id));
    expect(demo.accounts.filter((account) => !withUsage.has(account.id)).map((account) => account.id)).toEqual(["alder-architects"]);
  });
});
