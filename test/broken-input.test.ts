import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodeFor } from "../src/cli/exit-codes.js";
import { InputError, type InputProblem } from "../src/errors.js";
import { readSourceFolder } from "../src/ingest/read-source-folder.js";
import { startPgliteEngine, type TestEngine } from "./support/engines.js";
import { runInProcess } from "./support/run-cli.js";

// Every format, most records fine, some broken the way real exports break (see the folder's README).
const MESSY_EXPORT = fileURLToPath(new URL("./fixtures/messy-export/", import.meta.url));

function where(problem: InputProblem) {
  return {
    file: path.relative(MESSY_EXPORT, problem.file).split(path.sep).join("/"),
    ...(problem.line === undefined ? {} : { line: problem.line }),
    ...(problem.record === undefined ? {} : { record: problem.record }),
    ...(problem.field === undefined ? {} : { field: problem.field }),
  };
}

describe("a messy export", () => {
  it("reports every broken record with its file, line or record, and field", async () => {
    const source = await readSourceFolder(MESSY_EXPORT);
    expect(source.problems.map(where)).toEqual([
      { file: "usage.csv", line: 5, record: "#4", field: "value" },
      { file: "tickets/harborview-dental.json", record: "ticket 5002", field: "comments.0.created_at" },
      { file: "tickets/northwind-labs.csv", line: 4 },
      { file: "tickets/northwind-labs.csv", line: 5, record: "ticket 7003", field: "comments.0.body" },
      { file: "tickets/truncated.json", line: 7 },
      { file: "tickets/zendesk-2026-10.json", record: "ticket 35437", field: "comments.1.author_id" },
      { file: "tickets/zendesk-2026-10.json", record: "ticket 35439", field: "status" },
      { file: "calls/harborview-dental/2026-09-02-quarterly-review.vtt", line: 8, field: "timing" },
      { file: "calls/harborview-dental/2026-09-02-quarterly-review.vtt", line: 14, field: "timing" },
      { file: "calls/harborview-dental/2026-09-02-quarterly-review.vtt", record: "cue at 00:00:41", field: "speaker" },
      { file: "calls/harborview-dental/2026-10-07-renewal-call.srt", line: 6, field: "timing" },
      { file: "calls/harborview-dental/2026-10-21-check-in.txt", line: 4, field: "timestamp" },
      { file: "calls/harborview-dental/2026-11-04-exec-sync.json", line: 4 },
      { file: "calls/harborview-dental/2026-11-18-training.json", record: "turn 2", field: "start" },
      { file: "calls/northwind-labs/onboarding.vtt" },
    ]);
    expect(source.problems.every((problem) => problem.reason.length > 10)).toBe(true);
    // A bad usage row skips the whole usage file, so stored usage is never half replaced.
    expect(source.usage).toEqual([]);
  });

  describe("indexed with the CLI", () => {
    let engine: TestEngine;
    let failure: unknown;
    const written: string[] = [];

    beforeAll(async () => {
      engine = await startPgliteEngine();
      failure = await runInProcess(engine.database, ["index", "messy-export"], {
        workingDirectory: path.dirname(MESSY_EXPORT),
        write: (text) => written.push(text),
      }).catch((error: unknown) => error);
    });

    afterAll(async () => {
      await engine?.stop();
    });

    it("indexes every valid record, even from the files that also hold broken ones", async () => {
      const stored = await engine.database.query<{ source_ref: string; account_id: string }>("select source_ref, account_id from documents order by source_ref");
      expect(stored).toEqual([
        { source_ref: "calls/harborview-dental/2026-09-02-quarterly-review.vtt", account_id: "harborview-dental" },
        { source_ref: "calls/harborview-dental/2026-10-07-renewal-call.srt", account_id: "harborview-dental" },
        { source_ref: "calls/harborview-dental/2026-10-21-check-in.txt", account_id: "harborview-dental" },
        // One bad turn costs that turn: the rest of the JSON transcript is indexed.
        { source_ref: "calls/harborview-dental/2026-11-18-training.json", account_id: "harborview-dental" },
        { source_ref: "calls/northwind-labs/2026-08-30-kickoff.vtt", account_id: "northwind-labs" },
        { source_ref: "calls/northwind-labs/recording-0412.vtt", account_id: "northwind-labs" },
        { source_ref: "tickets/harborview-dental.json#5001", account_id: "harborview-dental" },
        { source_ref: "tickets/northwind-labs.csv#7001", account_id: "northwind-labs" },
        { source_ref: "tickets/northwind-labs.csv#7004", account_id: "northwind-labs" },
        { source_ref: "tickets/zendesk-2026-10.json#35436", account_id: "harborview-dental" },
        { source_ref: "tickets/zendesk-2026-10.json#35438", account_id: "northwind-labs" },
        { source_ref: "tickets/zendesk-comments-list.json#36001", account_id: "harborview-dental" },
      ]);
    });

    it("keeps Zendesk internal notes out and gives speakers their roles from every source", async () => {
      const notes = await engine.database.query("select id from chunks where text like '%upsell opportunity%'");
      expect(notes).toEqual([]);
      const roles = await engine.database.query<{ speaker: string; speaker_role: string }>(
        `select distinct segment->>'speaker' as speaker, segment->>'speakerRole' as speaker_role
           from documents, jsonb_array_elements(metadata->'segments') as segment order by 1`,
      );
      expect(roles).toEqual(
        expect.arrayContaining([
          { speaker: "Grace Whitfield", speaker_role: "customer" },
          { speaker: "Marcus Lee", speaker_role: "vendor" },
          // Named only by the sidecar of recording-0412.vtt.
          { speaker: "Jonas Berg", speaker_role: "customer" },
        ]),
      );
      const sidecarCall = await engine.database.query<{ title: string; occurred_at: unknown }>(
        "select title, occurred_at::date::text as occurred_at from documents where source_ref = 'calls/northwind-labs/recording-0412.vtt'",
      );
      expect(sidecarCall).toEqual([{ title: "Lab operations review", occurred_at: "2026-10-28" }]);
    });

    it("prints 'N indexed, M unchanged, K rejected' and exits with 65", () => {
      expect(written.join("")).toMatch(/^messy-export: 12 indexed \(\d+ chunks\), 0 unchanged, 15 rejected\n$/);
      expect(failure).toBeInstanceOf(InputError);
      expect(exitCodeFor(failure)).toBe(65);
      expect((failure as Error).message).toMatch(/^15 records rejected; everything else was indexed:/);
      expect((failure as Error).message).toContain('2026-10-21-check-in.txt, line 4, field "timestamp"');
    });
  });
});
