import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../context';

export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  const { db, logger } = c.get('deps');
  try {
    await sql`select 1`.execute(db);
    return c.json({ ok: true, database: 'up' });
  } catch (error) {
    logger.warn('health check: database unreachable', { error });
    c.header('Retry-After', '5');
    return c.json({ ok: false, database: 'down' }, 503);
  }
});
