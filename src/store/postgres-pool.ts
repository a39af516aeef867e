import { setTimeout as sleep } from 'node:timers/promises';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { AppError, errorMessage } from '../model/errors.js';
import { backoffMs } from '../net/retry.js';

/** How long each part of talking to PostgreSQL may take, so a stalled server or network fails a call instead of hanging it. */
export interface PostgresTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** The server cancels a longer statement; the client gives up a little later (clientGraceMs). */
  statementMs: number;
  /** The server ends a session idle inside a transaction this long. */
  idleInTransactionMs: number;
}

export const defaultPostgresTimeouts: PostgresTimeouts = {
  connectMs: 10_000,
  statementMs: 60_000,
  idleInTransactionMs: 60_000,
};

/**
 * statement_timeout only helps when the server hears the statement: on a half-open connection
 * (a peer or middlebox gone silent without closing) nothing comes back, so the client stops
 * waiting a little after the server would have cancelled.
 */
function clientGraceMs(t: PostgresTimeouts): number {
  return Math.min(5_000, t.statementMs);
}

const POOL_SIZE = 10;

export function postgresPoolConfig(url: string, t: PostgresTimeouts): pg.PoolConfig {
  return {
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: t.connectMs,
    statement_timeout: t.statementMs,
    idle_in_transaction_session_timeout: t.idleInTransactionMs,
    query_timeout: t.statementMs + clientGraceMs(t),
    // Finds a peer that vanished (no ACKs) while a connection sits idle in the pool.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

/**
 * pg leaves a client whose query read timed out in the pool, where the next query waits behind the
 * lost one: such a client, or one whose connection broke, is destroyed on release instead.
 */
export function discardingTimedOut(pool: pg.Pool, t: PostgresTimeouts): PostgresPool {
  return {
    options: pool.options,
    end: () => pool.end(),
    async connect(): Promise<PostgresPoolClient> {
      const client = await connectWithin(pool, t.connectMs).catch((err: unknown) => {
        throw new AppError(
          'database_unavailable',
          `PostgreSQL: no connection within ${seconds(t.connectMs)} s (DATABASE_CONNECT_TIMEOUT_SECONDS): ${errorMessage(err)}`,
          { cause: err },
        );
      });
      let broken = false;
      // A connection lost between two queries is reported as an 'error' event on the checked-out
      // client (the pool listens only on idle ones); unheard, it would crash the process.
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      const query = ((...args: Parameters<pg.PoolClient['query']>) => {
        const result = (client.query as (...a: unknown[]) => unknown)(...args);
        if (!(result instanceof Promise)) return result;
        return result.catch((err: unknown) => {
          if (!(err instanceof Error) || err.message !== 'Query read timeout') throw err;
          broken = true;
          throw new AppError(
            'database_timeout',
            `PostgreSQL did not answer within ${seconds(t.statementMs + clientGraceMs(t))} s (DATABASE_STATEMENT_TIMEOUT_SECONDS + ${seconds(clientGraceMs(t))}): the connection is stalled; it is dropped`,
            { cause: err },
          );
        });
      }) as PostgresPoolClient['query'];
      return {
        query,
        release: (destroy?: boolean) => {
          client.off('error', onError);
          client.release(Boolean(destroy) || broken);
        },
      };
    },
  };
}

// The server is full (too_many_connections) or starting (cannot_connect_now): both pass, so a fleet
// that briefly holds every connection slot waits for one instead of failing its jobs at once.
const BUSY_SERVER = new Set(['53300', '57P03']);

/** pool.connect, tried again with backoff while the server refuses for a passing reason, up to `withinMs`. */
export async function connectWithin(pool: Pick<pg.Pool, 'connect'>, withinMs: number): Promise<pg.PoolClient> {
  const deadline = Date.now() + withinMs;
  for (let retry = 0; ; retry += 1) {
    try {
      return await pool.connect();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      // The shared backoff's jitter spreads a fleet's processes out; a free slot is worth a second's wait at most.
      const waitMs = Math.min(backoffMs(retry, 50, Math.random), 1_000);
      if (typeof code !== 'string' || !BUSY_SERVER.has(code) || Date.now() + waitMs > deadline) throw err;
      await sleep(waitMs);
    }
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
