// The resilience run's load balancer: a small HTTP relay on loopback that
// sends each request to the next app instance in turn, as a round-robin
// balancer without sticky sessions would. Browsers (here: the simulated
// users) see one origin, the one in AUTH_URL, so the Host and Origin headers
// the apps check are the real ones; and a form loaded from one instance is
// posted to the other, which is what proves the instances share no state.
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { UPSTREAM_HEADER } from "./load";

export type Balancer = {
  url: string;
  /** Requests sent to each upstream, in the order given. */
  counts(): number[];
  close(): Promise<void>;
};

/** Relays to the app instances on `upstreamPorts` (127.0.0.1); they may start after it. */
export async function startBalancer(upstreamPorts: number[]): Promise<Balancer> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const counts = new Map<number, number>();
  let next = 0;

  function relay(incoming: IncomingMessage, outgoing: ServerResponse) {
    const port = upstreamPorts[next++ % upstreamPorts.length]!;
    counts.set(port, (counts.get(port) ?? 0) + 1);
    // Like a real balancer: append the client's address; keep Host, so the app sees its public origin.
    const forwardedFor = [incoming.headers["x-forwarded-for"], incoming.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = request(
      { host: "127.0.0.1", port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, "x-forwarded-for": forwardedFor }, agent },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, { ...response.headers, [UPSTREAM_HEADER]: String(port) });
        response.pipe(outgoing);
      },
    );
    upstream.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { [UPSTREAM_HEADER]: String(port) }).end("Bad gateway");
      else outgoing.destroy();
    });
    incoming.pipe(upstream);
  }

  const server = createServer(relay);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => upstreamPorts.map((port) => counts.get(port) ?? 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}
