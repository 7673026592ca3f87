import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { isMap, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { InputError, type InputProblem } from "../errors.js";
import { readinessRulesSchema, type LoadedRules } from "./rules-schema.js";

/** The rules shipped with the program; `--rules <file>` picks another. */
export const DEFAULT_RULES_FILE = fileURLToPath(new URL("./readiness-rules.yaml", import.meta.url));

/**
 * Reads, parses and validates a rules file. Every problem names the file, the field and, where the YAML
 * has one, the line.
 *
 * @example const { rules, rulesVersion } = await loadRules(); // rulesVersion "2026.12-1+3f9c0a1b2c4d"
 */
export async function loadRules(file: string = DEFAULT_RULES_FILE): Promise<LoadedRules> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError([{ file, reason: `cannot read the rules file: ${(error as Error).message}` }], { cause: error });
  }
  return parseRules(text, file);
}

/** Parses rules from text (the file name is for messages). */
export function parseRules(text: string, file: string): LoadedRules {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const headline = `Rules file ${file} is not valid; nothing was decided:`;
  if (document.errors.length > 0) {
    const problems: InputProblem[] = document.errors.map((error) => ({
      file,
      ...(error.linePos?.[0] === undefined ? {} : { line: error.linePos[0].line }),
      reason: `YAML: ${error.message.split("\n")[0] ?? error.message}`,
    }));
    throw new InputError(problems, { headline });
  }
  const parsed = readinessRulesSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const problems: InputProblem[] = parsed.error.issues.map((issue) => {
      const line = lineOf(document, lineCounter, issue.path);
      return {
        file,
        ...(line === undefined ? {} : { line }),
        ...(issue.path.length === 0 ? {} : { field: issue.path.map(String).join(".") }),
        reason: explain(issue),
      };
    });
    throw new InputError(problems, { headline });
  }
  const contentHash = createHash("sha256").update(text).digest("hex").slice(0, 12);
  return { rules: parsed.data, file, contentHash, rulesVersion: `${parsed.data.version}+${contentHash}` };
}

// Signal maps are keyed by signal id; "Unrecognized key" alone would not say which ids fit.
const SIGNAL_MAPS: Record<string, string> = { weights: "risk", value_offsets: "value" };

function explain(issue: { code: string; path: readonly PropertyKey[]; message: string }): string {
  const category = SIGNAL_MAPS[String(issue.path.at(-1))];
  if (issue.code === "unrecognized_keys" && category !== undefined) {
    return `${issue.message}: only ${category} signals of the taxonomy can be listed here (see: evidence taxonomy)`;
  }
  return issue.message;
}

/** The line of the deepest node on `path` that exists, so a missing field points at its parent. */
function lineOf(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = document.contents;
  let offset: number | undefined = (node as { range?: [number] } | null)?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value ?? item.key) === String(key));
      if (pair === undefined) break;
      offset = (pair.key as { range?: [number] } | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      offset = (node as { range?: [number] } | null)?.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
