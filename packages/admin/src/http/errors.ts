import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The admin view's one error type; `onError` turns it (and every other error) into a page. */
export class AdminError extends Error {
  override readonly name = 'AdminError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = () => new AdminError(404, 'not_found', 'There is no such page.');
