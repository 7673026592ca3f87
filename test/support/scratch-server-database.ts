import { randomBytes } from "node:crypto";
import pg from "pg";

/** Runs one statement on the server as its own session (CREATE/DROP DATABASE cannot run in a transaction). */
async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database on the PostgreSQL server at `serverUrl`, named `<prefix>_<random>`: its URL, and
 * `drop`, which removes it (ending any session still on it). For benchmarks that must not touch the
 * database the URL names.
 */
export async function scratchServerDatabase(serverUrl: string, prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`) };
}
