import { KYC_OVERALL_STATUSES, type KycOverall } from '../provider';

/**
 * Readers for untrusted JSON from iDenfy. Each names the field it rejects and never the value,
 * which may be personal data or a token. Parsers catch `FieldError` in one place.
 */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown, field: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FieldError(field, 'must be a JSON object');
  }
  return value as JsonObject;
}

export function requiredString(obj: JsonObject, key: string, path = key): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.length === 0)
    throw new FieldError(path, 'must be a non-empty string');
  return value;
}

/** Missing, null and '' all mean "not reviewed yet". */
export function nullableString(obj: JsonObject, key: string, path = key): string | null {
  const value = obj[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new FieldError(path, 'must be a string or null');
  return value;
}

export function requiredBoolean(obj: JsonObject, key: string, path = key): boolean {
  const value = obj[key];
  if (typeof value !== 'boolean') throw new FieldError(path, 'must be a boolean');
  return value;
}

/** Tag and reason lists: a missing or null list is empty. */
export function stringList(obj: JsonObject, key: string, path = key): string[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new FieldError(path, 'must be a list of strings');
  }
  return [...value];
}

/** A duration or timestamp in seconds; numeric strings are tolerated, negatives are not. */
export function optionalSeconds(obj: JsonObject, key: string, path = key): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
    throw new FieldError(path, 'must be a non-negative number of seconds');
  }
  return seconds;
}

export function overallStatus(obj: JsonObject, key: string, path = key): KycOverall {
  const value = obj[key];
  // EXPIRED-DELETED is an expired token whose data iDenfy has since deleted: still just expired.
  if (value === 'EXPIRED-DELETED') return 'EXPIRED';
  if (typeof value !== 'string' || !(KYC_OVERALL_STATUSES as readonly string[]).includes(value)) {
    throw new FieldError(path, `must be one of ${KYC_OVERALL_STATUSES.join(', ')}`);
  }
  return value as KycOverall;
}
