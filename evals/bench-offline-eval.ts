// Benchmark: the full offline eval (every gold case, scoring, baseline comparison, both reports), timed
// end to end in process. Prints one JSON line; the target is under 30 s on the project's 2-core machine.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { runEvalSuite } from "../src/evals/eval-suite.js";

const started = performance.now();
const result = await runEvalSuite({ extractor: "offline", resultsFolder: await mkdtemp(path.join(tmpdir(), "eval-bench-")) });
const seconds = (performance.now() - started) / 1000;
const run = result.compared[0]?.run;
process.stdout.write(
  `${JSON.stringify({
    benchmark: "eval-offline",
    cases: run?.runs.length ?? 0,
    labels: run?.scored.metrics.perSignal.reduce((total, score) => total + score.support, 0) ?? 0,
    seconds: Number(seconds.toFixed(3)),
    targetSeconds: 30,
    withinTarget: seconds < 30,
    macroF1: Number((run?.scored.metrics.macro.f1 ?? 0).toFixed(4)),
    passed: result.passed,
  })}\n`,
);
