/** The real PostgreSQL server of `.ci/run` (`pg-test-server start` exports it), when there is one. */
export const SERVER_URL: string | undefined = process.env.DATABASE_URL_TEST?.trim() || undefined;

/** Why the real-server cases are skipped, or undefined when they run. */
export const SERVER_SKIP_REASON: string | undefined =
  SERVER_URL === undefined ? "DATABASE_URL_TEST is not set (.ci/run starts a PostgreSQL 15 server and sets it)" : undefined;

/** The name the real-server engine carries in test titles; .ci/run counts tests by it. */
export const SERVER_LABEL = "a real PostgreSQL 15 server";
