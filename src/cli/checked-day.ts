import { ConfigError } from "../errors.js";

/**
 * A YYYY-MM-DD day from an option, or a ConfigError (exit 2) naming the option. Commands check their day
 * options with it before opening the database, so a typo is reported as a typo even where no database is.
 */
export function checkedDay(value: string, option: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ConfigError(`${option} "${value}" is not a date: use YYYY-MM-DD, e.g. ${option} 2026-11-23.`);
  }
  return value;
}

/** The same for an option that may be absent. */
export function checkedOptionalDay(value: string | undefined, option: string): string | undefined {
  return value === undefined ? undefined : checkedDay(value, option);
}
