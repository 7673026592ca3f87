import { writeTempFiles } from "./temp-files.js";

const ticket = (id: string, accountId: string, createdAt: string, subject: string, comments: Array<[name: string, email: string, body: string]>) => ({
  id,
  account_id: accountId,
  subject,
  status: "open",
  created_at: createdAt,
  comments: comments.map(([name, email, body], index) => ({ id: String(index + 1), created_at: createdAt, author: { name, email }, body })),
});

/**
 * Two accounts of the Lumen vendor for search and ask tests. Acme talks about seats, a competitor and its
 * champion; Globex alone mentions "Zeppelin", so a search for it inside Acme must find nothing. Acme's
 * call has a blank turn, which is skipped with a warning.
 */
export async function writeAskSourceFolder(): Promise<string> {
  return writeTempFiles({
    "vendor.json": JSON.stringify({
      product: "Lumen",
      vendor: "Lumen Metrics",
      vendor_email_domains: ["lumen.example"],
      tiers: [{ id: "team", name: "Team", capabilities: ["dashboards"] }],
      participants: [{ name: "Priya Raman", role: "vendor" }],
    }),
    "accounts.json": JSON.stringify([
      { id: "acme", name: "Acme", tier: "team", arr: 1000, health: "green", champion: "Dana Okafor", renewal_date: "2027-03-31", domains: ["acme.example"] },
      { id: "globex", name: "Globex", tier: "team", arr: 1000, health: "green", domains: ["globex.example"] },
    ]),
    "tickets/acme.json": JSON.stringify([
      ticket("101", "acme", "2026-06-02T10:00:00Z", "Seats", [
        ["Dana Okafor", "dana@acme.example", "We are at 120 of 120 seats and two shift leads share one login."],
        ["Sam Ortiz", "sam@lumen.example", "Thanks Dana, I have looped in your account manager about more seats."],
      ]),
      ticket("102", "acme", "2026-09-15T10:00:00Z", "Dashboards in Tableau", [
        ["Luis Romero", "luis@acme.example", "The finance team still rebuilds the dispatch dashboards in Tableau every Friday."],
      ]),
    ]),
    "tickets/globex.json": JSON.stringify([
      ticket("201", "globex", "2026-07-01T10:00:00Z", "Zeppelin import", [["Hank Scorpio", "hank@globex.example", "Our Zeppelin import of seats fails every night."]]),
    ]),
    "calls/acme/2026-10-20-quarterly-review.txt": [
      "[00:00:05] Priya Raman: Welcome everyone, shall we start with the seat numbers?",
      "[00:00:12] Dana Okafor: Yes. We are opening the Memphis hub in January and will need forty more seats.",
      "[00:00:20] Luis Romero:",
      "[00:00:31] Luis Romero: I will run dispatch at the Memphis hub and train the new dispatchers myself.",
      "",
    ].join("\n"),
  });
}
