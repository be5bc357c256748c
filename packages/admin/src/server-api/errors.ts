/**
 * The server could not be reached, or it refused a call. `code` and `message` are the server's own
 * (`{ error: { code, message } }`), which never carry a secret or a stack; `unreachable` is ours.
 */
export class ServerApiError extends Error {
  override readonly name = 'ServerApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  static unreachable(): ServerApiError {
    return new ServerApiError(
      503,
      'server_unreachable',
      'The onboarding server did not answer; try again shortly.',
    );
  }
}

/** Turns a non-2xx answer into a `ServerApiError`, keeping the server's code and message. */
export async function refusal(response: Response): Promise<ServerApiError> {
  let code = 'server_error';
  let message = `The onboarding server answered ${response.status}.`;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not our JSON error shape (a proxy's page, say): keep the generic sentence.
  }
  return new ServerApiError(response.status, code, message);
}

/** Runs a call, mapping a network failure or timeout to `unreachable` and a refusal to its error. */
export async function call(send: () => Promise<Response>): Promise<Response> {
  let response: Response;
  try {
    response = await send();
  } catch {
    throw ServerApiError.unreachable();
  }
  if (!response.ok) throw await refusal(response);
  return response;
}
