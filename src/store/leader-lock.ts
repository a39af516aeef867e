import pg from 'pg';
import type { Logger } from '../logger.js';
import { errorMessage } from '../model/errors.js';

export interface Leadership {
  /** True while this process holds the lock on its live connection. */
  readonly leading: boolean;
  stop(): Promise<void>;
}

/**
 * Exactly one process leads: it holds the PostgreSQL session advisory lock `key` on a connection of
 * its own. The lock goes with the session, so when the leader's process dies (or its connection
 * breaks) the database releases it and a standby, asking every `retryMs`, takes over. The leader
 * checks its connection at the same pace and stops leading the moment it is gone.
 */
export function electLeader(
  connectionString: string,
  key: number,
  opts: { retryMs: number; log: Logger; what: string; onChange?: (leading: boolean) => void },
): Leadership {
  let client: pg.Client | undefined;
  let leading = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const setLeading = (value: boolean) => {
    if (leading === value) return;
    leading = value;
    opts.log.info(value ? `this process is now the ${opts.what}` : `this process stopped being the ${opts.what}`);
    opts.onChange?.(value);
  };
  const drop = async () => {
    setLeading(false);
    const old = client;
    client = undefined;
    await old?.end().catch(() => undefined);
  };
  const attempt = async () => {
    try {
      if (!client) {
        const fresh = new pg.Client({ connectionString, keepAlive: true, connectionTimeoutMillis: opts.retryMs });
        fresh.on('error', (err) => {
          opts.log.warn(`${opts.what} lock connection: ${errorMessage(err)}`);
          if (client === fresh) void drop();
        });
        await fresh.connect();
        client = fresh;
      }
      if (leading) await client.query('select 1');
      else {
        const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [key]);
        setLeading(rows[0]?.locked === true);
      }
    } catch (err) {
      opts.log.warn(`${opts.what} lock: ${errorMessage(err)}`);
      await drop();
    }
  };
  const loop = async () => {
    await attempt();
    if (!stopped) timer = setTimeout(() => void loop(), opts.retryMs);
  };
  void loop();
  return {
    get leading() {
      return leading;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await drop();
    },
  };
}
