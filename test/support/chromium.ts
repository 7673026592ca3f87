import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's chromium package: the only browser this project drives (never a downloaded one). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

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

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Launches the system chromium headless, with the network features that phone home turned off. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Loads an HTML string with every network request refused (the report must need none), and returns the
 * page for screenshots or printing, plus the URLs it tried to fetch.
 */
export async function openHtml(browser: Browser, html: string, viewport = { width: 1000, height: 1400 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requested: string[] = [];
  await page.route("**/*", async (route) => {
    requested.push(route.request().url());
    await route.abort();
  });
  await page.setContent(html, { waitUntil: "load" });
  return { page, requested, close: () => context.close() };
}

/** Prints the loaded page to PDF on a paper size and counts its pages. */
export async function pdfPageCount(page: import("playwright-core").Page, format: "A4" | "Letter"): Promise<{ pages: number; bytes: number }> {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format, printBackground: true, preferCSSPageSize: true });
  const text = pdf.toString("latin1");
  const pages = (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  return { pages, bytes: pdf.length };
}
