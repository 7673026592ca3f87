import { describe, expect, it } from "vitest";
import { isZendeskExport, ticketsFromZendesk } from "./zendesk-export.js";

const users = [
  { id: 411001, name: "Grace Whitfield", email: "grace@harborview.example", role: "end-user", organization_id: 77001 },
  { id: 411101, name: "Aiko Tanaka", email: "aiko@northwind.example", role: "end-user", organization_id: 77002 },
  { id: 900101, name: "Marcus Lee", email: "marcus.lee@lumen.example", role: "agent", organization_id: null },
];
const organizations = [
  { id: 77001, name: "Harborview Dental Group", external_id: "harborview-dental" },
  { id: 77002, name: "Northwind Labs", external_id: "northwind-labs" },
  { id: 77003, name: "Prospect without an account", external_id: null },
];
const comment = (id: number, authorId: number, body: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: "Comment",
  author_id: authorId,
  public: true,
  created_at: `2026-10-09T1${id % 10}:00:00Z`,
  body,
  html_body: `<p>${body}</p>`,
  via: { channel: "web" },
  ...extra,
});
const ticket = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  url: `https://lumen.zendesk.example/api/v2/tickets/${id}.json`,
  subject: "Own dashboard for the hygienists",
  status: "open",
  priority: "normal",
  created_at: "2026-10-09T14:02:11Z",
  requester_id: 411001,
  organization_id: 77001,
  tags: ["dashboards"],
  via: { channel: "email" },
  ...extra,
});

describe("isZendeskExport", () => {
  it("recognises Zendesk's shape and leaves the native one alone", () => {
    expect(isZendeskExport({ tickets: [ticket(1)], users })).toBe(true);
    expect(isZendeskExport({ tickets: [ticket(1)] })).toBe(true);
    expect(isZendeskExport({ tickets: [{ id: "1001", account_id: "acme", comments: [] }] })).toBe(false);
    expect(isZendeskExport([ticket(1)])).toBe(false);
  });
});

describe("ticketsFromZendesk", () => {
  it("resolves authors through users, roles from Zendesk roles, and the account from the organization", () => {
    const { candidates, problems } = ticketsFromZendesk("export.json", {
      tickets: [
        ticket(35436, {
          status: "hold",
          comments: [
            comment(1, 411001, "Eight hygienists would use it daily."),
            comment(2, 900101, "Internal: flag to the account executive.", { public: false }),
            comment(3, 900101, "A dashboard per team is included in your plan."),
          ],
        }),
      ],
      users,
      organizations,
    });
    expect(problems).toEqual([]);
    expect(candidates).toEqual([
      {
        record: "ticket 35436",
        value: expect.objectContaining({
          id: "35436",
          account_id: "harborview-dental",
          status: "on_hold",
          comments: [
            { id: "1", created_at: "2026-10-09T11:00:00Z", author: { name: "Grace Whitfield", email: "grace@harborview.example", role: "customer" }, body: "Eight hygienists would use it daily." },
            { id: "3", created_at: "2026-10-09T13:00:00Z", author: { name: "Marcus Lee", email: "marcus.lee@lumen.example", role: "vendor" }, body: "A dashboard per team is included in your plan." },
          ],
        }),
      },
    ]);
  });

  it("takes comments from a top-level list in time order, and the account from the requester's organization", () => {
    const { candidates, problems } = ticketsFromZendesk("export.json", {
      tickets: [ticket(36001, { organization_id: null, requester_id: 411101 })],
      comments: [
        { ticket_id: 36001, ...comment(2, 900101, "Forecasting is part of the add-on.") },
        { ticket_id: 36001, ...comment(1, 411101, "Could Lumen forecast our runs?", { plain_body: "Could Lumen forecast our runs?" }) },
      ],
      users,
      organizations,
    });
    expect(problems).toEqual([]);
    const value = candidates[0]?.value as { account_id: string; comments: Array<{ id: string }> };
    expect(value.account_id).toBe("northwind-labs");
    expect(value.comments.map((item) => item.id)).toEqual(["1", "2"]);
  });

  it("rejects only the bad tickets, naming record and Zendesk field", () => {
    const { candidates, problems } = ticketsFromZendesk("export.json", {
      tickets: [
        ticket(1, { comments: [comment(1, 411001, "Fine.")] }),
        ticket(2, { comments: [comment(1, 411001, "Fine."), comment(2, 9999, "Who am I?")] }),
        ticket(3, { created_at: "yesterday", comments: [comment(1, 411001, "Fine.")] }),
        ticket(4, { organization_id: 77003, comments: [comment(1, 411001, "Fine.")] }),
        ticket(5, { comments: [comment(1, 900101, "Only an internal note.", { public: false })] }),
        ticket(6, { comments: [comment(1, 411001, "   ", { html_body: "<p></p>" })] }),
      ],
      users,
      organizations,
    });
    expect(candidates.map((candidate) => candidate.record)).toEqual(["ticket 1"]);
    expect(problems).toEqual([
      expect.objectContaining({ file: "export.json", record: "ticket 2", field: "comments.1.author_id", reason: expect.stringMatching(/user 9999/) }),
      expect.objectContaining({ record: "ticket 3", field: "created_at" }),
      expect.objectContaining({ record: "ticket 4", field: "organization_id", reason: expect.stringMatching(/organization 77003/) }),
      expect.objectContaining({ record: "ticket 5", field: "comments", reason: expect.stringMatching(/no public comments/) }),
      expect.objectContaining({ record: "ticket 6", field: "comments.0.body" }),
    ]);
  });

  it("reports a malformed user by its id and then the tickets that needed it", () => {
    const { problems } = ticketsFromZendesk("export.json", {
      tickets: [ticket(1, { comments: [comment(1, 411001, "Fine.")] })],
      users: [{ id: 411001, name: "Grace Whitfield", role: "customer" }],
      organizations,
    });
    expect(problems).toEqual([
      expect.objectContaining({ record: "user 411001", field: "role" }),
      expect.objectContaining({ record: "ticket 1", field: "comments.0.author_id" }),
    ]);
  });
});
