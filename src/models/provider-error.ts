import OpenAI from "openai";
import { ProviderError } from "../errors.js";

/** Statuses worth another try: the SDK retries these itself; what still fails is reported as retryable. */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The one translation of an OpenAI SDK failure (after the SDK's own retries with back-off and
 * Retry-After) into a ProviderError that keeps the HTTP status and the cause.
 *
 * @example throw providerErrorFrom(error, "Embedding request", client.baseURL)
 */
export function providerErrorFrom(error: unknown, what: string, baseURL: string): ProviderError {
  const status = error instanceof OpenAI.APIError ? error.status : undefined;
  return new ProviderError(`${what} to ${baseURL} failed${status === undefined ? "" : ` with HTTP ${status}`}: ${(error as Error).message}`, {
    ...(status === undefined ? {} : { status }),
    retryable: isRetryableStatus(status),
    cause: error,
  });
}
