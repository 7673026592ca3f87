import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeTempFiles } from "../../test/support/temp-files.js";
import { InputError } from "../errors.js";
import { loadTickets } from "./load-tickets.js";

const comment = (id: string, body: string) => ({
  id,
  created_at: "2026-06-02T14:10:00Z",
  author: { name: "Dana Okafor", email: "dana@brightpath.example" },
  body,
});

const ticket = {
  id: "1001",
  account_id: "brightpath-logistics",
  subject: "SSO loop",
  status: "solved",
  created_at: "2026-06-02T14:10:00Z",
  comments: [comment("1", "We keep getting bounced back to the login page.")],
};

describe("loadTickets", () => {
  it("keeps good tickets and reports the bad ones by ticket and field", async () => {
    const folder = await writeTempFiles({
      "tickets.json": JSON.stringify({ tickets: [ticket, { ...ticket, id: "1002", status: "done", comments: [comment("1", "")] }] }),
    });
    const file = path.join(folder, "tickets.json");
    const load = await loadTickets(file);
    expect(load.tickets.map((item) => item.id)).toEqual(["1001"]);
    expect(load.problems).toEqual([
      expect.objectContaining({ file, record: "ticket 1002", field: "status" }),
      expect.objectContaining({ file, record: "ticket 1002", field: "comments.0.body" }),
    ]);
  });

  it("groups CSV rows into tickets with their comments, quoted newlines included", async () => {
    const folder = await writeTempFiles({
      "tickets.csv": [
        "ticket_id,account_id,subject,status,ticket_created_at,comment_id,author_name,author_email,author_role,created_at,body",
        '3001,orchard,Export,open,2026-06-01T09:00:00Z,1,Hannah Brooks,hannah@orchard.example,customer,2026-06-01T09:00:00Z,"Line one,\nline two"',
        "3001,orchard,Export,open,2026-06-01T09:00:00Z,2,Sam Ortiz,sam.ortiz@lumen.example,,2026-06-01T10:00:00Z,Looking now.",
        "3002,orchard,Roles,closed,,1,Hannah Brooks,,,2026-06-03T09:00:00Z,Fixed",
      ].join("\n"),
    });
    const load = await loadTickets(path.join(folder, "tickets.csv"));
    expect(load.problems).toEqual([]);
    expect(load.tickets.map((item) => [item.id, item.comments.length])).toEqual([
      ["3001", 2],
      ["3002", 1],
    ]);
    expect(load.tickets[0]?.comments[0]).toMatchObject({ body: "Line one,\nline two", author: { role: "customer" } });
    expect(load.tickets[1]?.created_at).toBe("2026-06-03T09:00:00Z");
  });

  it("refuses a CSV without the required columns, naming them", async () => {
    const folder = await writeTempFiles({ "tickets.csv": "ticket_id,body\n1,hello" });
    await expect(loadTickets(path.join(folder, "tickets.csv"))).rejects.toThrow(/missing column\(s\): account_id, subject, status/);
  });

  it("skips a CSV row that cannot be parsed, naming its line, and keeps the other rows", async () => {
    const folder = await writeTempFiles({
      "tickets.csv": [
        "ticket_id,account_id,subject,status,ticket_created_at,comment_id,author_name,author_email,author_role,created_at,body",
        "7001,northwind,Slow dashboard,open,2026-09-20T13:00:00Z,1,Aiko Tanaka,aiko@northwind.example,,2026-09-20T13:00:00Z,It takes a minute to load.",
        "7002,northwind,Contractor seat,solved,2026-10-02T09:10:00Z,1,Aiko Tanaka",
        '7003,northwind,Alerts,open,2026-10-12T11:00:00Z,1,Aiko Tanaka,aiko@northwind.example,,2026-10-12T11:00:00Z,"Two lines,\nin one body."',
      ].join("\n"),
    });
    const file = path.join(folder, "tickets.csv");
    const load = await loadTickets(file);
    expect(load.tickets.map((item) => item.id)).toEqual(["7001", "7003"]);
    expect(load.problems).toEqual([expect.objectContaining({ file, line: 3, reason: expect.stringMatching(/Invalid Record Length/) })]);
  });

  it("names the file and the last line of a truncated JSON export", async () => {
    const folder = await writeTempFiles({ "tickets.json": `${JSON.stringify({ tickets: [ticket] }, null, 2).slice(0, 200)}` });
    const file = path.join(folder, "tickets.json");
    const failure = await loadTickets(file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InputError);
    const [problem] = (failure as InputError).problems;
    expect(problem).toMatchObject({ file, reason: expect.stringMatching(/invalid JSON/) });
    expect(problem?.line).toBeGreaterThan(1);
  });

  it("reads a Zendesk export in the same call, told apart by its shape", async () => {
    const folder = await writeTempFiles({
      "export.json": JSON.stringify({
        tickets: [{ id: 35436, subject: "Own dashboard", status: "hold", created_at: "2026-10-09T14:02:11Z", requester_id: 1, organization_id: 7, comments: [{ id: 10, author_id: 1, public: true, created_at: "2026-10-09T14:02:11Z", body: "Could the hygienists get their own view?" }] }],
        users: [{ id: 1, name: "Grace Whitfield", email: "grace@harborview.example", role: "end-user" }],
        organizations: [{ id: 7, name: "Harborview", external_id: "harborview-dental" }],
      }),
    });
    const load = await loadTickets(path.join(folder, "export.json"));
    expect(load.problems).toEqual([]);
    expect(load.tickets).toEqual([
      expect.objectContaining({ id: "35436", account_id: "harborview-dental", status: "on_hold", comments: [expect.objectContaining({ id: "10", author: { name: "Grace Whitfield", email: "grace@harborview.example", role: "customer" } })] }),
    ]);
  });
});
