import type { Context } from 'hono';

/** Browsers ask for HTML; API clients (and anything that does not say) get JSON. */
export function wantsHtml(c: Context): boolean {
  const accept = c.req.header('accept') ?? '';
  return accept.includes('text/html');
}
