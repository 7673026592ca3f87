import cliProgress from "cli-progress";

export interface IndexProgress {
  start(documents: number): void;
  document(event: { sourceRef: string; status: "indexed" | "unchanged"; chunks: number }): void;
  stop(): void;
}

/**
 * Progress of an index run on stderr (stdout stays for results): a bar with rate and ETA on a terminal,
 * one JSON line per document otherwise (CI logs, pipes, `--json`).
 */
export function createIndexProgress(options: { interactive: boolean; write?: (line: string) => void }): IndexProgress {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  let total = 0;
  let done = 0;
  let chunks = 0;
  if (!options.interactive) {
    return {
      start(documents) {
        total = documents;
        write(`${JSON.stringify({ event: "start", documents })}\n`);
      },
      document(event) {
        done += 1;
        chunks += event.chunks;
        write(`${JSON.stringify({ event: "document", ...event, done, total, chunksSoFar: chunks })}\n`);
      },
      stop() {
        write(`${JSON.stringify({ event: "done", documents: done, chunks })}\n`);
      },
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: "documents {bar} {value}/{total} | {chunks} chunks | {speed} docs/s | ETA {eta_formatted}", stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const startedAt = Date.now();
  return {
    start(documents) {
      bar.start(documents, 0, { chunks: 0, speed: "0" });
    },
    document(event) {
      done += 1;
      chunks += event.chunks;
      const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
      bar.update(done, { chunks, speed: (done / seconds).toFixed(1) });
    },
    stop() {
      bar.stop();
    },
  };
}
