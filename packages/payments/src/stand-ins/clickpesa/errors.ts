import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error answered in ClickPesa's shape: `{ "message": "..." }`. */
export class ClickPesaApiError extends Error {
  override readonly name = 'ClickPesaApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
  }
}

const FAULT_MESSAGES: Record<number, string> = {
  400: 'Validation error (injected)',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found (injected)',
  409: 'Conflict (injected)',
  429: 'Too many requests',
};

export function faultResponse(status: number): Response {
  const headers: Record<string, string> = status === 429 ? { 'retry-after': '1' } : {};
  return Response.json(
    { message: FAULT_MESSAGES[status] ?? 'Internal server error (injected)' },
    { status, headers },
  );
}
