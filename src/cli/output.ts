/** Where commands write results: human text, or one JSON document with `--json`. */
export interface Output {
  readonly json: boolean;
  /** Prints the JSON document with --json, the text otherwise. */
  result(data: unknown, text: () => string): void;
  /** Progress and notes for people; silent with --json so stdout stays parseable. */
  note(text: string): void;
}

export function createOutput(json: boolean, write: (text: string) => void = (text) => process.stdout.write(text)): Output {
  return {
    json,
    result(data, text) {
      write(json ? `${JSON.stringify(data, null, 2)}\n` : `${text()}\n`);
    },
    note(text) {
      if (!json) write(`${text}\n`);
    },
  };
}

/** A plain text table with aligned columns; numbers are right-aligned. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === "number"));
  const line = (row: readonly string[]) =>
    row
      .map((value, column) => (numeric[column] ? value.padStart(widths[column] ?? 0) : value.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...cells.slice(1).map(line)].join("\n");
}
