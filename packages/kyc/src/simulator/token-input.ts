import type { SessionInput } from './store';
import { SimulatorError } from './types';

const DEFAULT_EXPIRY_SECONDS = 3600;
const DEFAULT_SESSION_SECONDS = 600;
const URL_FIELDS = ['callbackUrl', 'successUrl', 'errorUrl', 'unverifiedUrl'] as const;

function badValue(field: string, rule: string): SimulatorError {
  return new SimulatorError(400, 'BAD_VALUE', `Field '${field}' ${rule}.`);
}

function seconds(body: Record<string, unknown>, field: string, fallback: number): number {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw badValue(field, 'must be a positive whole number of seconds');
  }
  return value;
}

/** Applies iDenfy's rules for `POST /api/v2/token` to a parsed JSON body. */
export function tokenInput(body: unknown): SessionInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SimulatorError(400, 'JSON_ERROR', 'The request body must be a JSON object.');
  }
  const fields = body as Record<string, unknown>;
  const { clientId } = fields;
  if (clientId === undefined || clientId === null || clientId === '') {
    throw new SimulatorError(400, 'MISSING_VALUE', "Missing required field 'clientId'.");
  }
  if (typeof clientId !== 'string' || !/^[\x20-\x7e]+$/.test(clientId)) {
    throw badValue('clientId', 'must be an ASCII string');
  }
  if (clientId.length > 100) throw badValue('clientId', 'must be at most 100 characters');
  const input: SessionInput = {
    clientId,
    expiryTimeSeconds: seconds(fields, 'expiryTime', DEFAULT_EXPIRY_SECONDS),
    sessionLengthSeconds: seconds(fields, 'sessionLength', DEFAULT_SESSION_SECONDS),
  };
  for (const field of URL_FIELDS) {
    const value = fields[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !URL.canParse(value)) throw badValue(field, 'must be an absolute URL');
    input[field] = value;
  }
  if (typeof fields.locale === 'string') input.locale = fields.locale;
  return input;
}
