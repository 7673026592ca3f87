import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Writes `files` (relative path -> content) into a new temporary folder and returns its path. */
export async function writeTempFiles(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "evidence-test-"));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(folder, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return folder;
}

/**
 * A source folder of one account, "acme", sold by the Lumen vendor profile (vendor domain lumen.example),
 * holding the given tickets in tickets/acme.json.
 */
export async function writeAcmeSourceFolder(tickets: readonly unknown[]): Promise<string> {
  return writeTempFiles({
    "vendor.json": JSON.stringify({ product: "Lumen", vendor: "Lumen Metrics", vendor_email_domains: ["lumen.example"], tiers: [{ id: "team", name: "Team", capabilities: ["dashboards"] }] }),
    "accounts.json": JSON.stringify([{ id: "acme", name: "Acme", tier: "team", arr: 1000, health: "green" }]),
    "tickets/acme.json": JSON.stringify(tickets),
  });
}
