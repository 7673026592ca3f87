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
