import type { Context } from 'hono';

/**
 * A list page's query as the URL gives it: its own filters, then the email search, the server's cursor
 * and the page size that every list takes. The pager keeps all of them but the cursor.
 */
export function listQuery<Filter extends string>(
  c: Context,
  filters: readonly Filter[],
): Record<Filter | 'q' | 'cursor' | 'limit', string | undefined> {
  const names = [...filters, 'q', 'cursor', 'limit'] as const;
  return Object.fromEntries(names.map((name) => [name, c.req.query(name)])) as Record<
    Filter | 'q' | 'cursor' | 'limit',
    string | undefined
  >;
}
