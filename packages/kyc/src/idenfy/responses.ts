import { KycProviderError } from '../errors';
import type { KycSessionRequest, KycSessionToken, KycStatusReport } from '../provider';
import {
  asObject,
  FieldError,
  nullableString,
  optionalSeconds,
  overallStatus,
  requiredString,
  stringList,
} from './fields';

// iDenfy's documented defaults, used when a 200 omits the durations.
const DEFAULT_EXPIRY_SECONDS = 3600;
const DEFAULT_SESSION_SECONDS = 600;

function badResponse<T>(endpoint: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    throw new KycProviderError('bad_response', `iDenfy ${endpoint} answered 200 but ${error.message}`, {
      status: 200,
    });
  }
}

/** Reads a 200 from `POST /api/v2/token`. `startedAt` is when the call began (ms). */
export function parseTokenResponse(
  json: unknown,
  request: KycSessionRequest,
  startedAt: number,
  defaultRedirectUrl: (authToken: string) => string,
): KycSessionToken {
  return badResponse('POST /api/v2/token', () => {
    const body = asObject(json, 'body');
    // clientId and redirectUrl are echoed by iDenfy; a stand-in that leaves them out is still usable.
    const clientId = body.clientId === undefined ? request.clientId : requiredString(body, 'clientId');
    if (clientId !== request.clientId)
      throw new FieldError('clientId', 'does not match the requested clientId');
    const authToken = requiredString(body, 'authToken');
    const redirectUrl =
      body.redirectUrl === undefined ? defaultRedirectUrl(authToken) : requiredString(body, 'redirectUrl');
    if (!URL.canParse(redirectUrl)) throw new FieldError('redirectUrl', 'must be an absolute URL');
    const expiryTimeSeconds =
      optionalSeconds(body, 'expiryTime') ?? request.expiryTimeSeconds ?? DEFAULT_EXPIRY_SECONDS;
    const sessionLengthSeconds =
      optionalSeconds(body, 'sessionLength') ?? request.sessionLengthSeconds ?? DEFAULT_SESSION_SECONDS;
    return {
      authToken,
      scanRef: requiredString(body, 'scanRef'),
      clientId,
      redirectUrl,
      expiresAt: new Date(startedAt + expiryTimeSeconds * 1000),
      expiryTimeSeconds,
      sessionLengthSeconds,
    };
  });
}

/** Reads a 200 from `POST /api/v2/status`. */
export function parseStatusResponse(json: unknown, scanRef: string): KycStatusReport {
  return badResponse('POST /api/v2/status', () => {
    const body = asObject(json, 'body');
    const reportedRef = body.scanRef === undefined ? scanRef : requiredString(body, 'scanRef');
    if (reportedRef !== scanRef) throw new FieldError('scanRef', 'does not match the requested scanRef');
    const status = overallStatus(body, 'status');
    return {
      scanRef,
      clientId: body.clientId === undefined ? '' : requiredString(body, 'clientId'),
      status,
      // Newer answers carry `final`; otherwise only ACTIVE and REVIEWING can still change.
      final: typeof body.final === 'boolean' ? body.final : status !== 'ACTIVE' && status !== 'REVIEWING',
      autoDocument: nullableString(body, 'autoDocument'),
      autoFace: nullableString(body, 'autoFace'),
      manualDocument: nullableString(body, 'manualDocument'),
      manualFace: nullableString(body, 'manualFace'),
      fraudTags: stringList(body, 'fraudTags'),
      mismatchTags: stringList(body, 'mismatchTags'),
    };
  });
}
