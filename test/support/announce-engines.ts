import { SERVER_SKIP_REASON, SERVER_URL } from "./server-url.js";

/** Vitest global set-up: says once per run whether the real-server cases run, and why not. */
export default function announceEngines(): void {
  if (SERVER_SKIP_REASON !== undefined) {
    process.stderr.write(`Skipping the real PostgreSQL server cases: ${SERVER_SKIP_REASON}.\n`);
  } else {
    process.stderr.write(`Real PostgreSQL server cases run on ${new URL(SERVER_URL ?? "").host}, one database per test file.\n`);
  }
}
