import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseError } from "../errors.js";
import { describeHolder, lockDirectory } from "./directory-lock.js";

const directory = async () => path.join(await mkdtemp(path.join(tmpdir(), "evidence-lock-")), "db");

describe("lockDirectory", () => {
  it("fails clearly when a live process holds the lock and the wait runs out", async () => {
    const target = await directory();
    const held = await lockDirectory(target);
    const failure = await lockDirectory(target, { timeoutMs: 0 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseError);
    expect((failure as Error).message).toMatch(new RegExp(`in use by another process \\(pid ${process.pid} on `));
    expect((failure as Error).message).toMatch(/--db postgres:\/\//);
    await held.release();
    const again = await lockDirectory(target, { timeoutMs: 0 });
    await again.release();
  });

  it("takes over a lock left by a process that died", async () => {
    const target = await directory();
    // A pid that surely belongs to no running process: one that just exited.
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    await writeFile(`${target}.lock`, JSON.stringify({ pid: dead, hostname: hostname(), command: "index", since: "2026-01-01T00:00:00Z" }));
    const lock = await lockDirectory(target, { timeoutMs: 0 });
    expect(JSON.parse(await readFile(lock.file, "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it("tells the caller once that it is waiting, then gets the lock when it is released", async () => {
    const target = await directory();
    const held = await lockDirectory(target);
    const waits: number[] = [];
    const waiting = lockDirectory(target, { timeoutMs: 10_000, pollMs: 10, onWait: (holder) => waits.push(holder?.pid ?? -1) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await held.release();
    const lock = await waiting;
    expect(waits).toEqual([process.pid]);
    await lock.release();
  });

  it("never removes a lock that is not its own", async () => {
    const target = await directory();
    const lock = await lockDirectory(target);
    const someoneElse = JSON.stringify({ pid: process.pid, hostname: hostname(), command: "other", since: "now" });
    await writeFile(lock.file, someoneElse);
    await lock.release();
    expect(await readFile(lock.file, "utf8")).toBe(someoneElse);
  });

  it("tells a waiting command that the holder is a server, which does not finish by itself", () => {
    const holder = { pid: 42, hostname: "box", since: "2026-12-03T14:00:00Z" };
    expect(describeHolder({ ...holder, command: "serve --port 8787" })).toContain("stop it (Ctrl-C)");
    expect(describeHolder({ ...holder, command: "index data/demo" })).not.toContain("Ctrl-C");
  });
});
