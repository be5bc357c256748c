import { badRequest } from '../http/errors';
import { isUuid } from '../http/ids';

/** Common list parameters: `limit` (1-200, default 50) and the opaque `cursor` of the previous page. */
export function pageParams(query: Record<string, string | undefined>): { limit: number; cursor?: string } {
  const raw = query.limit;
  let limit = 50;
  if (raw !== undefined && raw !== '') {
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 200)
      throw badRequest('invalid_request', '"limit" must be between 1 and 200.');
    limit = Number(raw);
  }
  const cursor = query.cursor;
  return cursor === undefined || cursor === '' ? { limit } : { limit, cursor };
}

/** An enum filter value, checked against the generated value list. */
export function enumParam<T extends string>(
  query: Record<string, string | undefined>,
  name: string,
  values: readonly T[],
): T | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  if (!(values as readonly string[]).includes(v))
    throw badRequest('invalid_request', `"${name}" must be one of ${values.join(', ')}.`);
  return v as T;
}

export function searchParam(query: Record<string, string | undefined>, name: string): string | undefined {
  const v = query[name]?.trim();
  if (v === undefined || v === '') return undefined;
  if (v.length > 254) throw badRequest('invalid_request', `"${name}" is too long.`);
  if (/\p{Cc}/u.test(v)) throw badRequest('invalid_request', `"${name}" contains control characters.`);
  return v;
}

/** An id filter: a 400 when it is not a uuid, whatever other filters come with it. */
export function uuidParam(query: Record<string, string | undefined>, name: string): string | undefined {
  const v = query[name]?.trim();
  if (v === undefined || v === '') return undefined;
  if (!isUuid(v)) throw badRequest('invalid_request', `"${name}" must be an id (uuid).`);
  return v.toLowerCase();
}

/**
 * Provider statuses, comma-separated (`SUSPECTED,REVIEWING` is the admin's review queue). The provider
 * defines the values, so only their shape is checked: upper-case words, at most 10.
 */
export function providerStatusParam(
  query: Record<string, string | undefined>,
  name: string,
): string[] | undefined {
  const v = searchParam(query, name);
  if (v === undefined) return undefined;
  const values = v.split(',').map((s) => s.trim());
  if (values.length > 10 || values.some((s) => !/^[A-Z][A-Z_]{0,39}$/.test(s)))
    throw badRequest(
      'invalid_request',
      `"${name}" must be up to 10 comma-separated provider statuses (e.g. SUSPECTED,REVIEWING).`,
    );
  return values;
}
