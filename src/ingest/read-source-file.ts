import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { InputError } from "../errors.js";

export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message;
    throw new InputError([{ file, reason }], { cause: error });
  }
}

/** Parses a JSON file; a syntax error names the file and, where the parser says, the line. */
export async function readJson(file: string): Promise<unknown> {
  const text = await readText(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position === null ? undefined : lineAt(text, Number(position[1]));
    throw new InputError([{ file, ...(line === undefined ? {} : { line }), reason: `invalid JSON: ${message}` }], {
      cause: error,
    });
  }
}

export interface CsvRecord {
  /** 1-based line on which the record starts (the header is line 1). */
  readonly line: number;
  readonly values: Record<string, string>;
}

/** Parses a CSV file with a header row; every record keeps the line it came from. */
export async function readCsv(file: string): Promise<CsvRecord[]> {
  const text = await readText(file);
  try {
    const rows = parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
    let previousEnd = 1;
    return rows.map(({ record, info }) => {
      // csv-parse reports the line where a record ends; a quoted field may span several lines.
      const line = previousEnd + 1;
      previousEnd = info.lines;
      return { line, values: record };
    });
  } catch (error) {
    const details = error as { lines?: number; message: string };
    throw new InputError(
      [{ file, ...(details.lines === undefined ? {} : { line: details.lines }), reason: `invalid CSV: ${details.message}` }],
      { cause: error },
    );
  }
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let index = 0; index < position && index < text.length; index += 1) {
    if (text[index] === "\n") line += 1;
  }
  return line;
}
