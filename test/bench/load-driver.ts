import { performance } from "node:perf_hooks";

export interface LoadResult {
  readonly requests: number;
  readonly concurrency: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** Responses other than the expected status (a load check that hides failures measures nothing). */
  readonly unexpected: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Sends `requests` requests, `concurrency` at a time (a bounded load: the next starts when one ends), and
 * measures each from send to the last byte of the body.
 */
export async function runLoad(options: {
  readonly requests: number;
  readonly concurrency: number;
  readonly expectStatus: number;
  readonly send: (index: number) => Promise<Response>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let unexpected = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let index = next++; index < options.requests; index = next++) {
      const sent = performance.now();
      const response = await options.send(index);
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      if (response.status !== options.expectStatus) unexpected += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.requests) }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((left, right) => left - right);
  return {
    requests: options.requests,
    concurrency: options.concurrency,
    seconds: round(seconds),
    requestsPerSecond: round(options.requests / seconds),
    p50Ms: round(percentile(latencies, 0.5)),
    p95Ms: round(percentile(latencies, 0.95)),
    maxMs: round(percentile(latencies, 1)),
    unexpected,
  };
}
