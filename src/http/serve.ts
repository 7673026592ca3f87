import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";

export interface RunningServer {
  /** The address it listens on, e.g. http://127.0.0.1:8787 (the real port when 0 was asked for). */
  readonly url: string;
  /** Stops accepting connections and closes the open ones; resolves when the port is free. */
  close(): Promise<void>;
}

/**
 * Listens on `host:port` with a hono app. Port 0 picks a free port (tests, the load script). Keep-alive
 * sockets are closed on `close()`, so a test or Ctrl-C never waits for idle browsers.
 *
 * @example const server = await listen(app, { host: "127.0.0.1", port: 8787 }); console.log(server.url);
 */
export async function listen(app: Pick<Hono, "fetch">, options: { host: string; port: number }): Promise<RunningServer> {
  let server: ServerType | undefined;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, resolve);
    server.once("error", reject);
  });
  const running = server as ServerType & { closeAllConnections?: () => void };
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        running.close((error) => (error === undefined ? resolve() : reject(error)));
        running.closeAllConnections?.();
      }),
  };
}
