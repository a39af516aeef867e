import { createConnection, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  /** `host:port` of the proxy on 127.0.0.1. */
  address: string;
  /** Stop forwarding in both directions while keeping every connection open: a half-open peer. */
  stall(): void;
  /** Refuse new connections and cut the open ones: the database is down. */
  down(): void;
  /** Forward again, and accept new connections. */
  up(): void;
  close(): Promise<void>;
}

/** A TCP proxy on 127.0.0.1 to `target`, which a test can stall or take down. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'up' | 'stalled' | 'down' = 'up';
  const open = new Set<Socket>();
  const server = createServer((client) => {
    if (mode === 'down') {
      client.destroy();
      return;
    }
    const upstream = createConnection(target);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk: Buffer) => {
        if (mode === 'up') to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    stall: () => {
      mode = 'stalled';
    },
    down: () => {
      mode = 'down';
      for (const s of open) s.destroy();
    },
    up: () => {
      mode = 'up';
    },
    close: async () => {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The same database URL, dialled through `address`. */
export function viaProxy(databaseUrl: string, address: string): string {
  const url = new URL(databaseUrl);
  url.host = address;
  return url.toString();
}
