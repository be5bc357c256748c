import { PaymentProviderError } from '../errors';
import type { ClickPesaSettings } from './options';

export interface ClickPesaCall {
  readonly method: 'GET' | 'POST';
  /** Under the API URL, e.g. `/payments/ABC123`. */
  readonly path: string;
  /** What `errorFor` names: the route with placeholders, never an identifier. */
  readonly label: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

export interface ClickPesaAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** One exchange, with the timeout covering the body too. Redirects are not followed (they would carry the token). */
export async function exchange(settings: ClickPesaSettings, call: ClickPesaCall): Promise<ClickPesaAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    const response = await settings.fetch(`${settings.apiUrl}${call.path}`, {
      method: call.method,
      headers: {
        accept: 'application/json',
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...call.headers,
      },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      redirect: 'manual',
      signal: controller.signal,
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    if (controller.signal.aborted) {
      throw new PaymentProviderError(
        'timeout',
        `ClickPesa ${call.label} did not answer within ${settings.timeoutMs} ms`,
      );
    }
    throw new PaymentProviderError('network', `ClickPesa ${call.label} could not be reached`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}

function retryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after')?.trim();
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * A non-2xx answer as the port's error. ClickPesa's errors are free-text `{ message }` that can repeat the
 * order reference, so only the status is kept.
 */
export function errorFor(label: string, answer: ClickPesaAnswer): PaymentProviderError {
  const { status } = answer;
  const what = `ClickPesa ${label} answered HTTP ${status}`;
  if (status === 401 || status === 403) {
    return new PaymentProviderError('unauthorized', `${what}: check the client id and API key`, { status });
  }
  if (status === 404) return new PaymentProviderError('not_found', `${what}: not found`, { status });
  if (status === 409) return new PaymentProviderError('duplicate', `${what}: already exists`, { status });
  if (status === 429) {
    const seconds = retryAfter(answer.headers);
    return new PaymentProviderError('rate_limited', `${what}: rate limited`, {
      status,
      ...(seconds === undefined ? {} : { retryAfterSeconds: seconds }),
    });
  }
  if (status >= 500)
    return new PaymentProviderError('unavailable', `${what}: ClickPesa is unavailable`, { status });
  if (status >= 400) return new PaymentProviderError('rejected', `${what}: request rejected`, { status });
  return new PaymentProviderError('bad_response', `${what}: unexpected status`, { status });
}

/** The JSON of a 2xx answer, or `bad_response`. */
export function jsonOf(label: string, answer: ClickPesaAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    throw new PaymentProviderError('bad_response', `ClickPesa ${label} answered with a non-JSON body`, {
      status: answer.status,
    });
  }
}
