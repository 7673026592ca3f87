import { describeError, exitCodeFor, isHelpOrVersion } from "./exit-codes.js";
import { createProgram } from "./program.js";

const json = process.argv.includes("--json");

// A reader that stops early (`evidence evidence acme | head -1`) closes the pipe: end quietly, as cat does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

try {
  await createProgram({ environment: process.env, workingDirectory: process.cwd() }).parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
  if (!isHelpOrVersion(error)) {
    const described = describeError(error);
    // Commander has printed its own usage message already unless --json asked for one JSON document.
    const printedByCommander = !json && described.kind === "UsageError";
    if (!printedByCommander) process.stderr.write(json ? `${JSON.stringify({ error: described })}\n` : `evidence: ${described.message}\n`);
  }
}
