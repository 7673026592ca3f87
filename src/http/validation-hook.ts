import type { ZodError } from "zod";
import { InputError, type InputProblem } from "../errors.js";

const TARGET_NAMES: Record<string, string> = {
  json: "request body",
  form: "form",
  query: "query string",
  param: "path",
  header: "headers",
  cookie: "cookies",
};

/** Zod issues as the error tree's input problems, each naming the field ("files[0].name"). */
export function problemsOf(error: ZodError, target: string): InputProblem[] {
  const file = TARGET_NAMES[target] ?? target;
  return error.issues.flatMap((issue) => {
    const base = issue.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("").replace(/^\./, "");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        file,
        field: base === "" ? key : `${base}.${key}`,
        reason: key === "reviewer" ? "not accepted: the reviewer is the token's owner" : "unknown field",
      }));
    }
    return [{ file, ...(base === "" ? {} : { field: base }), reason: issue.message }];
  });
}

/**
 * Every route's validation failure: thrown as an InputError, so `app.onError` turns it into a 422 problem like
 * any other bad input.
 */
export function throwValidationError(result: { success: boolean; target: string; error?: ZodError }): void {
  if (result.success || result.error === undefined) return;
  const problems = problemsOf(result.error, result.target);
  throw new InputError(problems, { headline: `The ${TARGET_NAMES[result.target] ?? result.target} is not valid:`, cause: result.error });
}
