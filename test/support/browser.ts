import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";

/** Debian's chromium: the tests never download a browser (`.ci/run` installs this one when it is missing). */
export const CHROMIUM = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where browser tests leave screenshots (gitignored). */
export const ARTIFACTS_DIRECTORY = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIRECTORY, { recursive: true });
  return path.join(ARTIFACTS_DIRECTORY, name);
}
