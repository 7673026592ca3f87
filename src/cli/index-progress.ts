import cliProgress from "cli-progress";
import type { IndexProgressEvent } from "../index/index-source-folder.js";

export interface IndexProgress {
  /** Called with every event of one folder's run. */
  handle(event: IndexProgressEvent): void;
  /** The run of one folder ended (done or failed). */
  stop(): void;
}

interface Counters {
  total: number;
  done: number;
  indexed: number;
  chunks: number;
  embedded: number;
  startedAt: number;
}

/**
 * Progress of an index run on stderr (stdout stays for results): a bar with documents, chunks,
 * embeddings, rate and ETA on a terminal; one JSON object per line otherwise (CI logs, pipes, `--json`),
 * with the same numbers.
 */
export function createIndexProgress(options: {
  interactive: boolean;
  folder: string;
  write?: (line: string) => void;
  now?: () => number;
}): IndexProgress {
  const now = options.now ?? Date.now;
  const counters: Counters = { total: 0, done: 0, indexed: 0, chunks: 0, embedded: 0, startedAt: now() };
  const count = (event: IndexProgressEvent) => {
    if (event.kind === "start") {
      counters.total = event.documents;
      counters.done = event.unchanged;
      counters.startedAt = now();
    } else if (event.kind === "embedded") {
      counters.embedded += event.texts;
    } else if (event.kind === "document") {
      counters.done += 1;
      if (event.status === "indexed") counters.indexed += 1;
      counters.chunks += event.chunks;
    }
  };
  const rates = () => {
    const seconds = Math.max((now() - counters.startedAt) / 1000, 0.001);
    const documentsPerSecond = counters.indexed / seconds;
    const remaining = counters.total - counters.done;
    return {
      elapsedSeconds: round(seconds),
      documentsPerSecond: round(documentsPerSecond),
      chunksPerSecond: round(counters.chunks / seconds),
      etaSeconds: documentsPerSecond > 0 ? round(remaining / documentsPerSecond) : null,
    };
  };
  return options.interactive ? barProgress(options.folder, counters, count, rates) : jsonLineProgress(options, counters, count, rates);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

type Rates = () => { elapsedSeconds: number; documentsPerSecond: number; chunksPerSecond: number; etaSeconds: number | null };

function jsonLineProgress(
  options: { folder: string; write?: (line: string) => void },
  counters: Counters,
  count: (event: IndexProgressEvent) => void,
  rates: Rates,
): IndexProgress {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const line = (fields: Record<string, unknown>) => write(`${JSON.stringify(fields)}\n`);
  return {
    handle(event) {
      count(event);
      switch (event.kind) {
        case "start":
          line({ event: "start", folder: options.folder, documents: event.documents, changed: event.changed, unchanged: event.unchanged });
          return;
        case "embedded":
          return; // counted; reported with the documents of the batch
        case "document":
          line({
            event: "document",
            status: event.status,
            accountId: event.accountId,
            sourceRef: event.sourceRef,
            chunks: event.chunks,
            done: counters.done,
            total: counters.total,
            chunksSoFar: counters.chunks,
            embedded: counters.embedded,
            ...rates(),
          });
          return;
        case "pruned":
          line({ event: "pruned", documents: event.documents });
          return;
        case "building-indexes":
          line({ event: "building-indexes" });
          return;
      }
    },
    stop() {
      line({ event: "done", folder: options.folder, documents: counters.done, indexed: counters.indexed, chunks: counters.chunks, embedded: counters.embedded, ...rates() });
    },
  };
}

function barProgress(folder: string, counters: Counters, count: (event: IndexProgressEvent) => void, rates: Rates): IndexProgress {
  const bar = new cliProgress.SingleBar(
    {
      format: `${folder} {bar} {value}/{total} documents | {chunks} chunks | {embedded} embedded | {rate} docs/s | ETA {eta_formatted} {stage}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = (stage = "") => ({ chunks: counters.chunks, embedded: counters.embedded, rate: rates().documentsPerSecond.toFixed(1), stage });
  let started = false;
  return {
    handle(event) {
      count(event);
      if (event.kind === "start") {
        bar.start(counters.total, counters.done, payload());
        started = true;
      } else if (started && event.kind === "building-indexes") {
        bar.update(counters.done, payload("(building search indexes)"));
      } else if (started) {
        bar.update(counters.done, payload());
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
