import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * A query that got no answer within the deadline. Its connection was destroyed, so whatever the server
 * does with the query later can never be mistaken for the answer to another one.
 */
export class QueryDeadlineError extends Error {
  override readonly name = 'QueryDeadlineError';
  readonly code = 'QUERY_DEADLINE';
  constructor(readonly deadlineMs: number) {
    super(`the database did not answer within ${deadlineMs} ms`);
  }
}

/**
 * The pool as Kysely sees it, with a client-side deadline on every query. `statement_timeout` cannot help
 * when the server is the thing that hangs (stopped processes, a dead network path): then only the client
 * can give up. pg's own `query_timeout` is not used because it leaves the connection in use: its late
 * answer, or a ROLLBACK that was never sent, would leak into the next checkout. Here a late connection is
 * destroyed and handed back as broken, so the pool drops it and opens a fresh one once the server is back.
 */
export function withQueryDeadline(pool: pg.Pool, deadlineMs: number): PostgresPool {
  const guarded = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = guarded.get(client);
      if (wrapper === undefined) {
        wrapper = guard(client, deadlineMs);
        guarded.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

function guard(client: pg.PoolClient, deadlineMs: number): PostgresPoolClient {
  let broken = false;
  const query = (sql: string, parameters: ReadonlyArray<unknown>) =>
    new Promise<PostgresQueryResult<unknown>>((resolve, reject) => {
      const timer = setTimeout(() => {
        broken = true;
        reject(new QueryDeadlineError(deadlineMs));
        destroyConnection(client);
      }, deadlineMs);
      client.query(sql, [...parameters]).then(
        (result) => {
          clearTimeout(timer);
          resolve(result as unknown as PostgresQueryResult<unknown>);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  return {
    query: ((sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>) =>
      typeof sqlOrCursor === 'string'
        ? query(sqlOrCursor, parameters ?? [])
        : // Cursors (streaming) are long-lived by design; they keep pg's own behaviour.
          client.query(sqlOrCursor as never)) as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy === true || broken),
  };
}

/** pg has no public "abort this connection now"; destroying its socket is what its own pipeline mode does. */
function destroyConnection(client: pg.PoolClient): void {
  const { connection } = client as unknown as { connection?: { stream?: { destroy(): void } } };
  connection?.stream?.destroy();
}
