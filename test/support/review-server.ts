import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServices, loadSettings, type Services } from "../../src/app/index.js";
import { createToken } from "../../src/config/access-tokens.js";
import type { Database } from "../../src/db/database.js";
import { appForServices } from "../../src/http/server-app.js";

export const REVIEWER_NAME = "Maya Chen";

/** Tokens for the three kinds of caller a test needs. */
export const TOKENS = {
  reviewer: createToken({ reviewer: REVIEWER_NAME, role: "reviewer", accounts: "*" }),
  reader: createToken({ reviewer: "Rui Reader", role: "reader", accounts: "*" }),
  globexOnly: createToken({ reviewer: "Gale Globex", role: "reviewer", accounts: ["globex"] }),
};

/**
 * Services over a shared test database, with the tokens above in the environment (as EVIDENCE_TOKENS), and
 * the server's app built from them exactly as `evidence serve` builds it.
 */
export async function reviewServices(database: Database, environment: NodeJS.ProcessEnv = {}): Promise<{ services: Services; app: ReturnType<typeof appForServices> }> {
  const shared: Database = { ...database, close: async () => undefined };
  const workingDirectory = await mkdtemp(path.join(tmpdir(), "evidence-serve-"));
  const settings = loadSettings({
    environment: { EVIDENCE_TOKENS: JSON.stringify(Object.values(TOKENS).map((token) => token.entry)), EVIDENCE_BODY_LIMIT: "65536", ...environment },
    workingDirectory,
  });
  const services = await createServices(settings, { openDatabase: async () => ({ database: shared, migrations: { applied: [], alreadyApplied: 1 } }) });
  return { services, app: appForServices(services, { logError: (error) => console.error(error) }) };
}
