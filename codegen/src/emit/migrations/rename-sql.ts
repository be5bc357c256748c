import type { ColumnModel } from './model';
import { alterTable, constraintName, ident } from './sql';

/** The constraint and index names derive from table and column, so they move with them. */
export function renameConstraints(
  table: string,
  oldTable: string,
  old: ColumnModel,
  newTable: string,
  newColumn: string,
): string[] {
  const out: string[] = [];
  const constraint = (name: (t: string, c: string) => string) =>
    out.push(
      alterTable(
        table,
        `RENAME CONSTRAINT ${ident(name(oldTable, old.name))} TO ${ident(name(newTable, newColumn))}`,
      ),
    );
  if (old.unique) constraint(constraintName.unique);
  if (old.references !== null) constraint(constraintName.foreignKey);
  if (old.check !== null) constraint(constraintName.check);
  if (old.index)
    out.push(
      `ALTER INDEX ${ident(constraintName.index(oldTable, old.name))} RENAME TO ${ident(constraintName.index(newTable, newColumn))};`,
    );
  return out;
}

/**
 * PostgreSQL 18 also names NOT NULL constraints (`<table>_<column>_not_null`); they follow the rename too.
 * Earlier versions have no such constraints, so each rename runs only where the constraint exists.
 */
export function renameNotNull(
  table: string,
  oldTable: string,
  columns: readonly (readonly [string, string])[],
): string[] {
  if (columns.length === 0) return [];
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const steps = columns.flatMap(([from, to]) => {
    const before = `${oldTable}_${from}_not_null`;
    const after = `${table}_${to}_not_null`;
    return [
      `  IF EXISTS (SELECT FROM pg_constraint WHERE conrelid = ${literal(ident(table))}::regclass AND conname = ${literal(before)}) THEN`,
      `    ${alterTable(table, `RENAME CONSTRAINT ${ident(before)} TO ${ident(after)}`)}`,
      '  END IF;',
    ];
  });
  return [['DO $$', 'BEGIN', ...steps, 'END $$;'].join('\n')];
}
