import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Services, Settings } from "../app/index.js";
import type { ServeConfig } from "../config/serve-config.js";
import { ConfigError } from "../errors.js";
import { createTokenRegistry } from "./access/token-registry.js";
import { createHttpApp } from "./app.js";
import { bindUseCases } from "./bind-use-cases.js";
import type { HttpEnv } from "./http-env.js";

/** The server's settings, refused when no token is configured: a server that answers nobody is a mistake. */
export function requireServeConfig(settings: Pick<Settings, "serve">): ServeConfig {
  const serve = settings.serve();
  if (serve.tokens.length === 0) {
    throw new ConfigError(
      'No API token is configured, so nobody could sign in. Create one with: evidence token create --reviewer "Your Name" --role reviewer, ' +
        'then put the printed entry in "serve": { "tokens": [...] } of evidence.config.json or in EVIDENCE_TOKENS.',
    );
  }
  return serve;
}

/**
 * The server's app over services built once: tokens and the body limit from the settings, routes bound to
 * the same use cases as the CLI. A server without a token would answer nobody, so it refuses to start.
 */
export function appForServices(services: Services, options: { logError?: (error: unknown) => void } = {}): OpenAPIHono<HttpEnv> {
  const serve = requireServeConfig(services.settings);
  return createHttpApp({
    useCases: bindUseCases(services),
    tokens: createTokenRegistry(serve.tokens),
    bodyLimitBytes: serve.bodyLimitBytes,
    version: services.toolVersion,
    ...(options.logError === undefined ? {} : { logError: options.logError }),
  });
}
