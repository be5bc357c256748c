import { KycProviderError } from '../errors';
import { errorForStatus } from './http-errors';

export interface IdenfyHttp {
  baseUrl: string;
  /** The full `Authorization` header value. */
  authorization: string;
  timeoutMs: number;
  fetch: typeof fetch;
  now: () => number;
}

async function exchange(http: IdenfyHttp, path: string, body: unknown, signal: AbortSignal) {
  const response = await http.fetch(`${http.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: http.authorization,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(body),
    redirect: 'manual',
    signal,
  });
  // The body is read under the same deadline: a server that stalls mid-body is a timeout too.
  return { response, text: await response.text() };
}

/**
 * POSTs JSON to iDenfy and returns the parsed 2xx body. Exactly one attempt: retrying is the
 * caller's decision, because a token call consumes a verification credit.
 */
export async function postJson(http: IdenfyHttp, path: string, body: unknown): Promise<unknown> {
  const endpoint = `POST ${path}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), http.timeoutMs);
  let result: Awaited<ReturnType<typeof exchange>>;
  try {
    result = await exchange(http, path, body, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      throw new KycProviderError('timeout', `iDenfy ${endpoint} did not answer within ${http.timeoutMs} ms`, {
        cause: error,
      });
    }
    throw new KycProviderError('network', `iDenfy ${endpoint} could not be reached`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  const { response, text } = result;
  if (response.status < 200 || response.status > 299) {
    throw errorForStatus(endpoint, response, text, http.now());
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new KycProviderError(
      'bad_response',
      `iDenfy ${endpoint} answered HTTP ${response.status} with a non-JSON body`,
      {
        status: response.status,
      },
    );
  }
}
