import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// One launcher for every browser test: Debian's chromium, with the network features that phone home off.
export { launchChromium } from "./chromium.js";

/** Where browser tests leave screenshots (gitignored). */
export const ARTIFACTS_DIRECTORY = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIRECTORY, { recursive: true });
  return path.join(ARTIFACTS_DIRECTORY, name);
}
