import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';

/** One problem with one field; messages never contain the field's value. */
export interface FieldError {
  field: string;
  message: string;
}

export type ValidationResult<T> = { success: true; data: T } | { success: false; errors: FieldError[] };

/** The base of every error a generated repository throws. */
export class GeneratedRepositoryError extends Error {
  override name = 'GeneratedRepositoryError';
}

/** Input rejected by a validator, or by a CHECK / NOT NULL constraint in the database. */
export class ValidationError extends GeneratedRepositoryError {
  override name = 'ValidationError';
  constructor(
    readonly table: string,
    readonly errors: FieldError[],
  ) {
    super(`invalid ${table} input: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  }
}

/** pg 23505: another row already has this value. */
export class UniqueViolationError extends GeneratedRepositoryError {
  override name = 'UniqueViolationError';
  constructor(
    readonly table: string,
    readonly field: string,
  ) {
    super(`${table}.${field} must be unique: another row already has this value`);
  }
}

/** pg 23503/23001: the referenced row does not exist, or a delete would orphan rows that reference it. */
export class ForeignKeyViolationError extends GeneratedRepositoryError {
  override name = 'ForeignKeyViolationError';
  constructor(
    readonly table: string,
    readonly field: string,
  ) {
    super(`${table}.${field} violates its foreign key: the referenced row is missing or still referenced`);
  }
}

export class NotFoundError extends GeneratedRepositoryError {
  override name = 'NotFoundError';
  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super(`no ${table} row with this id`);
  }
}

/** A transition the lifecycle does not allow; thrown before any SQL runs. */
export class LifecycleError extends GeneratedRepositoryError {
  override name = 'LifecycleError';
  constructor(
    readonly table: string,
    readonly field: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`${table}.${field} cannot move from '${from}' to '${to}'`);
  }
}

export type Eq<T> = T | { readonly in: readonly T[] };
export type TextFilter<T extends string = string> = Eq<T> | { readonly contains: string };
export type RangeFilter<T> = Eq<T> | { readonly gt?: T; readonly gte?: T; readonly lt?: T; readonly lte?: T };

/** `where` filters, `orderBy` an indexed/unique field (ties broken by id), an opaque `cursor` from the previous page. */
export interface ListOptions<W, O extends string> {
  where?: W | undefined;
  orderBy?: O | undefined;
  direction?: 'asc' | 'desc' | undefined;
  /** Default 50, at most 500. */
  limit?: number | undefined;
  cursor?: string | null | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ColumnKind =
  | 'text'
  | 'uuid'
  | 'enum'
  | 'bool'
  | 'int'
  | 'float'
  | 'bigint'
  | 'time'
  | 'json'
  | 'array';

export interface ColumnSpec {
  readonly kind: ColumnKind;
  readonly nullable: boolean;
  readonly filter: boolean;
  readonly order: boolean;
  /** For arrays: the element kind. */
  readonly element?: ColumnKind;
}

export interface TableSpec {
  readonly table: string;
  readonly columns: Readonly<Record<string, ColumnSpec>>;
  readonly constraints: Readonly<Record<string, { readonly table: string; readonly field: string }>>;
}

/** Any Kysely executor: the database, or a transaction from `db.transaction()`. */
// biome-ignore lint/suspicious/noExplicitAny: repositories narrow this to their Database
type AnyDb = Kysely<any>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

// Own keys only: `where: { constructor: 1 }` must not find Object.prototype.constructor.
function columnOf(spec: TableSpec, name: string): ColumnSpec | undefined {
  return Object.hasOwn(spec.columns, name) ? spec.columns[name] : undefined;
}

/** The JSON form validators check: Date -> ISO string, bigint -> decimal string. */
export function toJsonForm(spec: TableSpec, input: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const column = columnOf(spec, key);
    out[key] =
      column === undefined ? value : jsonValue(column.kind === 'array' ? column.element : column.kind, value);
  }
  return out;
}

function jsonValue(kind: ColumnKind | undefined, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => jsonValue(kind, item));
  if (kind === 'time' && value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (kind === 'bigint' && typeof value === 'bigint') return value.toString();
  return value;
}

/** The values pg gets: bigint -> decimal string, json -> its JSON text (pg would turn a JS array into a Postgres array). */
export function toDbValues(spec: TableSpec, input: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const column = columnOf(spec, key);
    if (value !== null && column?.kind === 'json') out[key] = JSON.stringify(value);
    else if (value !== null && column?.kind === 'array' && column.element === 'json')
      out[key] = JSON.stringify(value);
    else out[key] = dbScalar(value);
  }
  return out;
}

function dbScalar(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(dbScalar);
  return value;
}

/** Checks decimal-string integers against bounds JSON Schema cannot express (i64/u64). */
export function checkBigints(
  data: unknown,
  rules: readonly { field: string; min: bigint; max: bigint }[],
  errors: FieldError[],
): void {
  if (typeof data !== 'object' || data === null) return;
  for (const rule of rules) {
    const value = (data as Record<string, unknown>)[rule.field];
    if (typeof value !== 'string' || !/^-?\d+$/.test(value)) continue;
    const n = BigInt(value);
    if (n < rule.min) errors.push({ field: rule.field, message: `must be >= ${rule.min}` });
    else if (n > rule.max) errors.push({ field: rule.field, message: `must be <= ${rule.max}` });
  }
}

/** The shape of an Ajv error that `fieldErrors` reads. */
export interface AjvLikeError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Turns Ajv errors into `{ field, message }`, naming missing and unknown properties. */
export function fieldErrors(errors: readonly AjvLikeError[] | null | undefined): FieldError[] {
  return (errors ?? []).map((error) => {
    const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    // Inside a value type the path leads to the object: name the field within it (`home.city`).
    const within = (name: unknown) => (path === '' ? String(name) : `${path}.${String(name)}`);
    if (error.keyword === 'required')
      return { field: within(error.params.missingProperty), message: 'is required' };
    if (error.keyword === 'additionalProperties') {
      return { field: within(error.params.additionalProperty), message: 'is not a known field' };
    }
    const field = path === '' ? '(input)' : path;
    if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
      return { field, message: `must be one of: ${error.params.allowedValues.map(String).join(', ')}` };
    }
    return { field, message: error.message ?? `fails ${error.keyword}` };
  });
}

/** A validator compiled by Ajv at generation time (validators.js). */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvLikeError[] | null;
}

/** Runs a compiled validator plus the bigint bounds, and revives dates so `data` matches `T`. */
export function runValidator<T>(
  validate: CompiledValidator,
  input: unknown,
  bigints: readonly { field: string; min: bigint; max: bigint }[],
  dates: readonly string[],
): ValidationResult<T> {
  const errors = validate(input) ? [] : fieldErrors(validate.errors);
  checkBigints(input, bigints, errors);
  return errors.length === 0
    ? { success: true, data: reviveDates<T>(input, dates) }
    : { success: false, errors };
}

/** Date fields of validated JSON data back to Date, so `data` matches its TypeScript type. */
export function reviveDates<T>(data: unknown, dateFields: readonly string[]): T {
  if (typeof data !== 'object' || data === null) return data as T;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const field of dateFields) {
    const value = out[field];
    if (typeof value === 'string') out[field] = new Date(value);
    else if (Array.isArray(value)) out[field] = value.map((v) => (typeof v === 'string' ? new Date(v) : v));
  }
  return out as T;
}

/** Runs a query, translating constraint violations into the typed errors above. */
export async function guard<T>(spec: TableSpec, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw translate(spec, error);
  }
}

function translate(spec: TableSpec, error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('code' in error)) return error;
  const pg = error as { code?: string; constraint?: string; table?: string; column?: string };
  const owner = pg.constraint === undefined ? undefined : spec.constraints[pg.constraint];
  const table = owner?.table ?? pg.table ?? spec.table;
  const field = owner?.field ?? pg.column ?? pg.constraint ?? '(unknown)';
  switch (pg.code) {
    case '23505':
      return new UniqueViolationError(table, field);
    case '23503':
    case '23001': // ON DELETE RESTRICT reports restrict_violation, not foreign_key_violation
      return new ForeignKeyViolationError(table, field);
    case '23514':
      return new ValidationError(table, [{ field, message: 'violates its check constraint' }]);
    case '23502':
      return new ValidationError(table, [{ field, message: 'is required' }]);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return new ValidationError(table, [
        { field, message: 'has a value of the wrong form or out of range' },
      ]);
    default:
      return error;
  }
}

/** The WHERE condition for a `where` object; unknown keys and malformed filters are a ValidationError. */
export function whereClause(spec: TableSpec, where: object | undefined): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  for (const [field, filter] of Object.entries(where ?? {})) {
    if (filter === undefined) continue;
    const column = columnOf(spec, field);
    if (column === undefined || !column.filter) {
      throw new ValidationError(spec.table, [{ field, message: 'cannot be filtered on' }]);
    }
    parts.push(condition(spec, field, column, filter));
  }
  return parts.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

function condition(spec: TableSpec, field: string, column: ColumnSpec, filter: unknown): Expression<SqlBool> {
  const ref = sql.ref(field);
  const bad = (message: string) => new ValidationError(spec.table, [{ field, message }]);
  const value = (v: unknown) => {
    if (column.kind === 'uuid' && !isUuid(v)) throw bad('must be a uuid');
    return dbScalar(v);
  };
  if (filter === null) return sql<SqlBool>`${ref} is null`;
  if (typeof filter !== 'object' || filter instanceof Date) return sql<SqlBool>`${ref} = ${value(filter)}`;
  const ops = filter as Record<string, unknown>;
  const keys = Object.keys(ops).filter((k) => ops[k] !== undefined);
  if (keys.length === 1 && keys[0] === 'in') {
    if (!Array.isArray(ops.in)) throw bad('in must be a list');
    if (ops.in.length === 0) return sql<SqlBool>`false`;
    return sql<SqlBool>`${ref} in (${sql.join(ops.in.map(value))})`;
  }
  if (keys.length === 1 && keys[0] === 'contains') {
    if (column.kind !== 'text' || typeof ops.contains !== 'string')
      throw bad('contains needs a text field and a string');
    const pattern = `%${ops.contains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return sql<SqlBool>`${ref} ilike ${pattern}`;
  }
  const ranged = ['int', 'float', 'bigint', 'time'].includes(column.kind);
  const ranges: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };
  if (!ranged || keys.length === 0 || keys.some((k) => ranges[k] === undefined)) {
    throw bad(
      'filter must be a value, null, { in }, { contains } (text) or { gt, gte, lt, lte } (numbers, times)',
    );
  }
  return sql<SqlBool>`${sql.join(
    keys.map((k) => sql`${ref} ${sql.raw(ranges[k] ?? '=')} ${value(ops[k])}`),
    sql` and `,
  )}`;
}

interface Cursor {
  v: string | null;
  id: string;
}

function decodeCursor(spec: TableSpec, cursor: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const c = parsed as Cursor;
    if (isUuid(c.id) && (c.v === null || typeof c.v === 'string')) return c;
  } catch {
    // fall through to the one error below
  }
  throw new ValidationError(spec.table, [{ field: 'cursor', message: 'is not a cursor from this list' }]);
}

/** Keyset pagination on (orderBy, id): stable while rows are inserted between pages. */
export async function listRows<T>(
  db: AnyDb,
  spec: TableSpec,
  options: ListOptions<object, string> = {},
): Promise<Page<T>> {
  const orderBy = options.orderBy ?? 'created_at';
  const column = columnOf(spec, orderBy);
  if (column === undefined || !column.order) {
    throw new ValidationError(spec.table, [
      { field: 'orderBy', message: 'must be created_at or an indexed field' },
    ]);
  }
  const direction = options.direction ?? 'desc';
  if (direction !== 'asc' && direction !== 'desc') {
    throw new ValidationError(spec.table, [{ field: 'direction', message: "must be 'asc' or 'desc'" }]);
  }
  const limit = options.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ValidationError(spec.table, [{ field: 'limit', message: 'must be a positive integer' }]);
  }
  const take = Math.min(limit, 500);
  const ref = sql.ref(orderBy);
  const conditions = [whereClause(spec, options.where)];
  if (options.cursor !== undefined && options.cursor !== null) {
    conditions.push(after(decodeCursor(spec, options.cursor), ref, column.nullable, direction));
  }
  const rows = await guard(spec, () =>
    db
      .selectFrom(spec.table)
      .selectAll()
      // The order value as Postgres text: a JS Date would drop timestamptz microseconds and skip rows.
      .select(sql<string | null>`${ref}::text`.as('__cursor'))
      .where(sql<SqlBool>`${sql.join(conditions, sql` and `)}`)
      .orderBy(ref, (ob) => (direction === 'asc' ? ob.asc() : ob.desc()).nullsLast())
      .orderBy('id', direction)
      .limit(take + 1)
      .execute(),
  );
  const page = rows.slice(0, take);
  const last = page[page.length - 1] as { __cursor: string | null; id: string } | undefined;
  const nextCursor =
    rows.length > take && last !== undefined
      ? Buffer.from(JSON.stringify({ v: last.__cursor, id: last.id })).toString('base64url')
      : null;
  const items = page.map((row) => {
    const { __cursor: _, ...rest } = row as Record<string, unknown>;
    return rest as T;
  });
  return { items, nextCursor };
}

// NULLs sort last in both directions, so after a NULL only NULLs with a later id follow.
function after(
  cursor: Cursor,
  ref: Expression<unknown>,
  nullable: boolean,
  direction: 'asc' | 'desc',
): Expression<SqlBool> {
  const op = sql.raw(direction === 'asc' ? '>' : '<');
  if (cursor.v === null) return sql<SqlBool>`(${ref} is null and id ${op} ${cursor.id})`;
  if (!nullable) return sql<SqlBool>`(${ref}, id) ${op} (${cursor.v}, ${cursor.id})`;
  return sql<SqlBool>`((${ref}, id) ${op} (${cursor.v}, ${cursor.id}) or ${ref} is null)`;
}

export async function countRows(db: AnyDb, spec: TableSpec, where?: object): Promise<number> {
  const row = await guard(spec, () =>
    db
      .selectFrom(spec.table)
      .select(sql<number>`count(*)::int`.as('count'))
      .where(whereClause(spec, where))
      .executeTakeFirstOrThrow(),
  );
  return row.count;
}

/** Throws when `patch` tries to set a field that a dedicated method owns (a lifecycle field). */
export function rejectKeys(spec: TableSpec, patch: object | undefined, keys: readonly string[]): void {
  for (const key of keys) {
    if (patch !== undefined && key in patch) {
      throw new ValidationError(spec.table, [{ field: key, message: 'is set by the transition itself' }]);
    }
  }
}
