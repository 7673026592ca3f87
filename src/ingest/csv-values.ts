/**
 * CSV cells are all text. These helpers turn them into the values the JSON shape has, leaving anything
 * unexpected as text so the shared zod schema reports it against the right field.
 */
export function optionalCell(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

export function numberCell(value: string | undefined): number | string | undefined {
  const cell = optionalCell(value);
  if (cell === undefined) return undefined;
  const number = Number(cell.replace(/[_,](?=\d{3}\b)/g, ""));
  return Number.isFinite(number) ? number : cell;
}

export function listCell(value: string | undefined): string[] | undefined {
  const cell = optionalCell(value);
  if (cell === undefined) return undefined;
  return cell
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Drops keys whose value is undefined, so optional fields stay absent rather than `undefined`. */
export function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
