import Table from "cli-table3";

/** Where commands write results: human text, or one JSON document with `--json`. */
export interface Output {
  readonly json: boolean;
  /** Prints the JSON document with --json, the text otherwise. */
  result(data: unknown, text: () => string): void;
  /** Progress and notes for people; silent with --json so stdout stays parseable. */
  note(text: string): void;
  /** The terminal's width in characters: tables wrap and quotes are cut to it. */
  readonly columns: number;
}

/**
 * The terminal's width; unlimited when stdout is not a terminal (a pipe or a file gets whole lines, as
 * scripts and `grep` expect).
 */
export function terminalColumns(): number {
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : Number.POSITIVE_INFINITY;
}

export function createOutput(json: boolean, write: (text: string) => void = (text) => process.stdout.write(text), columns: number = terminalColumns()): Output {
  return {
    json,
    columns,
    result(data, text) {
      write(json ? `${JSON.stringify(data, null, 2)}\n` : `${text()}\n`);
    },
    note(text) {
      if (!json) write(`${text}\n`);
    },
  };
}

/** Cuts text to `width` characters, ending in an ellipsis when it was longer (the full text is in --json and --full). */
export function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length <= width ? flat : `${flat.slice(0, Math.max(1, width - 1)).trimEnd()}…`;
}

const GAP = 2;
const NARROWEST = 8;
const BORDERLESS = {
  top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "",
  left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: " ".repeat(GAP),
};

/** Column widths that fit `columns`: the widest text columns give way first, never below a readable minimum. */
function fittedWidths(natural: readonly number[], numeric: readonly boolean[], columns: number): number[] {
  const widths = [...natural];
  const available = columns - GAP * (widths.length - 1);
  for (let total = widths.reduce((sum, width) => sum + width, 0); total > available; total -= 1) {
    let widest = -1;
    for (const [column, width] of widths.entries()) {
      if (!numeric[column] && width > NARROWEST && (widest === -1 || width > (widths[widest] ?? 0))) widest = column;
    }
    if (widest === -1) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

/**
 * A borderless text table (cli-table3) with aligned columns, numbers right-aligned, wrapped at word
 * boundaries to fit `columns` (default: the terminal's width).
 */
export function formatTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, options: { columns?: number } = {}): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const natural = header.map((_, column) => Math.max(1, ...cells.map((row) => (row[column] ?? "").length)));
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === "number"));
  const widths = fittedWidths(natural, numeric, options.columns ?? terminalColumns());
  const table = new Table({
    head: [...header],
    chars: BORDERLESS,
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0, compact: true },
    colWidths: widths,
    colAligns: numeric.map((isNumber) => (isNumber ? "right" : "left")),
    wordWrap: true,
    wrapOnWordBoundary: true,
  });
  table.push(widths.map((width) => "-".repeat(width)), ...cells.slice(1).map((row) => [...row]));
  return table
    .toString()
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
}
