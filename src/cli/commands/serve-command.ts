import { InvalidArgumentError, type Command } from "commander";
import { appForServices, requireServeConfig } from "../../http/server-app.js";
import { listen } from "../../http/serve.js";
import { contextFor, type ContextDependencies } from "../command-context.js";

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) throw new InvalidArgumentError("give a port number from 0 to 65535");
  return parsed;
}

/** Resolves on the first SIGINT or SIGTERM (Ctrl-C, a process manager stopping the server). */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export function registerServeCommand(program: Command, dependencies: ContextDependencies): void {
  program
    .command("serve")
    .description("serve the JSON API (/api, /openapi.json) and the review page on the same database the CLI uses")
    .option("--port <port>", "port to listen on (0 picks a free one)", port, 8787)
    .option("--host <host>", "address to listen on; 127.0.0.1 keeps it on this machine", "127.0.0.1")
    .addHelpText(
      "after",
      "\nTokens come from \"serve\": { \"tokens\": [...] } in evidence.config.json and from EVIDENCE_TOKENS; create one with\n" +
        "  evidence token create --reviewer \"Maya Chen\" --role reviewer\n\nExample:\n  evidence serve --port 8787\n  open http://127.0.0.1:8787/",
    )
    .action(async (options: { port: number; host: string }, command: Command) => {
      const context = contextFor(command, dependencies);
      // Before the database opens: a server without a token is refused at once.
      requireServeConfig(context.settings);
      await context.run(async (services) => {
        const app = appForServices(services);
        const server = await listen(app, { host: options.host, port: options.port });
        context.output.result({ url: server.url, database: services.database.location }, () =>
          [`Serving ${services.database.location}`, `  review page  ${server.url}/`, `  API          ${server.url}/api (OpenAPI: ${server.url}/openapi.json)`, "Ctrl-C stops it."].join("\n"),
        );
        try {
          await (dependencies.untilStopped?.() ?? stopSignal());
        } finally {
          await server.close();
        }
      });
    });
}
