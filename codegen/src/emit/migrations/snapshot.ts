import { createHash } from 'node:crypto';
import { GENERATOR } from '../header';
import type { ColumnModel, SchemaModel, TableModel } from './model';

export interface Snapshot {
  /** The newest migration (file name without .sql) that produces `model`. */
  readonly migration: string;
  readonly model: SchemaModel;
  /**
   * Every migration file the model is built from, with the SHA-256 of its text (line endings
   * normalised): an edited, deleted or foreign migration is then caught by generate and --check.
   */
  readonly migrations?: Readonly<Record<string, string>>;
}

export function migrationHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/** JSON with sorted object keys and a trailing newline, so the file is byte-stable. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

export function writeSnapshot(snapshot: Snapshot): string {
  const tables = Object.fromEntries(
    snapshot.model.tables.map((t) => [
      t.name,
      {
        rootobject: t.rootobject,
        columns: t.columns,
        ...(t.renamedFrom ? { renamedFrom: t.renamedFrom } : {}),
      },
    ]),
  );
  return stableJson({
    generatedBy: GENERATOR,
    migration: snapshot.migration,
    ...(snapshot.migrations === undefined ? {} : { migrations: snapshot.migrations }),
    tables,
  });
}

/** Reads snapshot.json, or explains what is wrong with it. */
export function readSnapshot(text: string): Snapshot | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `snapshot.json is not valid JSON (${(error as Error).message})`;
  }
  const root = parsed as { migration?: unknown; tables?: unknown; migrations?: unknown };
  if (typeof root.migration !== 'string' || typeof root.tables !== 'object' || root.tables === null) {
    return 'snapshot.json needs a "migration" name and a "tables" object';
  }
  const tables: TableModel[] = [];
  for (const [name, value] of Object.entries(root.tables as Record<string, unknown>)) {
    const t = value as { rootobject?: unknown; columns?: unknown; renamedFrom?: unknown };
    if (
      typeof t.rootobject !== 'string' ||
      !Array.isArray(t.columns) ||
      !t.columns.every(isColumn) ||
      !(t.renamedFrom === undefined || isNames(t.renamedFrom))
    ) {
      return `snapshot.json: table ${name} is malformed`;
    }
    const renamedFrom = t.renamedFrom === undefined ? {} : { renamedFrom: t.renamedFrom };
    tables.push({ name, rootobject: t.rootobject, columns: t.columns, ...renamedFrom });
  }
  const recorded = root.migrations;
  if (recorded === undefined) return { migration: root.migration, model: { tables } };
  if (
    typeof recorded !== 'object' ||
    recorded === null ||
    !Object.values(recorded).every((h) => typeof h === 'string')
  ) {
    return 'snapshot.json: "migrations" must map file names to hashes';
  }
  return { migration: root.migration, model: { tables }, migrations: recorded as Record<string, string> };
}

function isColumn(value: unknown): value is ColumnModel {
  const c = value as Partial<Record<keyof ColumnModel, unknown>>;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.name === 'string' &&
    typeof c.type === 'string' &&
    typeof c.nullable === 'boolean' &&
    typeof c.unique === 'boolean' &&
    typeof c.index === 'boolean' &&
    typeof c.primaryKey === 'boolean' &&
    (c.default === null || typeof c.default === 'string') &&
    (c.check === null || typeof c.check === 'object') &&
    (c.references === null || typeof c.references === 'object') &&
    (c.renamedFrom === undefined || isNames(c.renamedFrom))
  );
}

function isNames(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
