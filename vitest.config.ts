import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One line per run saying whether the real PostgreSQL server cases run (DATABASE_URL_TEST).
    globalSetup: ["test/support/announce-engines.ts"],
  },
});
