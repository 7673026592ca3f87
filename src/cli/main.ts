import { describeError, exitCodeFor } from "./exit-codes.js";
import { createProgram } from "./program.js";

const json = process.argv.includes("--json");
try {
  await createProgram({ environment: process.env, workingDirectory: process.cwd() }).parseAsync(process.argv);
} catch (error) {
  const described = describeError(error);
  process.stderr.write(json ? `${JSON.stringify({ error: described })}\n` : `evidence: ${described.message}\n`);
  process.exitCode = exitCodeFor(error);
}
