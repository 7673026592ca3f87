import path from "node:path";
import { z } from "zod";
import { ConfigError } from "../errors.js";

export const DEFAULT_DATABASE_DIRECTORY = "./.evidence/db";

const databaseLocationSchema = z.discriminatedUnion("engine", [
  z.object({ engine: z.literal("pglite"), directory: z.string().min(1) }),
  z.object({ engine: z.literal("postgres"), url: z.string().regex(/^postgres(ql)?:\/\//i) }),
]);

export type DatabaseLocation = z.infer<typeof databaseLocationSchema>;

/** A `postgres://` or `postgresql://` URL means a server; anything else is an embedded PGlite directory. */
export function parseDatabaseLocation(value: string, workingDirectory: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//i.test(value)) {
    return { engine: "postgres", url: value };
  }
  if (value.includes("://")) {
    throw new ConfigError(
      `Unsupported database location "${value}": pass a directory for the embedded database or a postgres:// URL.`,
    );
  }
  return { engine: "pglite", directory: path.resolve(workingDirectory, value) };
}
