import { createHash } from "node:crypto";
import { SIGNALS } from "./signals.js";

/** A short content hash of the taxonomy: recorded with every run, so a change to it is never silent. */
export function taxonomyVersion(): string {
  return createHash("sha256").update(JSON.stringify(SIGNALS)).digest("hex").slice(0, 12);
}
