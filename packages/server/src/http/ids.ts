const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our row ids are uuids; checking first keeps a malformed one from ever reaching Postgres. */
export const isUuid = (value: string): boolean => UUID.test(value);
