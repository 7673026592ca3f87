import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { InputError, type InputProblem } from "../errors.js";

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
    // A truncated file ends mid-value: the problem is at its last line.
    const line = position !== null ? lineAt(text, Number(position[1])) : /end of JSON input/i.test(message) ? lineAt(text, text.length) : undefined;
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

export interface CsvRead {
  readonly records: CsvRecord[];
  /** Rows that could not be parsed (wrong number of fields, a stray quote): skipped, with their line. */
  readonly problems: InputProblem[];
}

/**
 * Parses a CSV file with a header row. Every record keeps the line it starts on; a malformed row is
 * reported and skipped so that the rows around it can still be used (callers that need a whole file,
 * like accounts, refuse it when there is any problem).
 */
export async function readCsv(file: string): Promise<CsvRead> {
  const text = await readText(file);
  const problems: InputProblem[] = [];
  let rows: Array<{ record: Record<string, string>; info: { lines: number }; raw: string }>;
  try {
    rows = parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      raw: true,
      skip_records_with_error: true,
      on_skip: (error: (Error & { lines?: number }) | undefined) => {
        if (error === undefined) return;
        problems.push({ file, ...(error.lines === undefined ? {} : { line: error.lines }), reason: `invalid CSV row skipped: ${error.message}` });
      },
    }) as typeof rows;
  } catch (error) {
    const details = error as { lines?: number; message: string };
    throw new InputError(
      [{ file, ...(details.lines === undefined ? {} : { line: details.lines }), reason: `invalid CSV: ${details.message}` }],
      { cause: error },
    );
  }
  // csv-parse reports the line where a record ends; a quoted field may span several lines.
  const records = rows.map(({ record, info, raw }) => ({ line: info.lines - internalLineBreaks(raw), values: record }));
  return { records, problems };
}

function internalLineBreaks(raw: string): number {
  const breaks = raw.match(/\r\n|\n|\r/g)?.length ?? 0;
  return /(\r\n|\n|\r)$/.test(raw) ? breaks - 1 : breaks;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let index = 0; index < position && index < text.length; index += 1) {
    if (text[index] === "\n") line += 1;
  }
  return line;
}
