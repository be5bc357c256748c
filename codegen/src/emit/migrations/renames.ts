import type { NamespaceNode, RenamedFrom } from '../../ir';
import type { Position } from '../../problem';
import type { SchemaModel, TableModel } from './model';
import { renameConstraints, renameNotNull } from './rename-sql';
import { alterTable, ident } from './sql';

export interface RenamePlan {
  /** `before` with every rename applied: what the rest of the diff compares against. */
  readonly before: SchemaModel;
  readonly statements: readonly string[];
  readonly slugs: readonly string[];
  readonly problems: readonly { readonly at: Position; readonly message: string }[];
}

/**
 * Turns `renamed_from` into ALTER ... RENAME (tables, columns, their constraints and indexes), so rows stay.
 * The model keeps each table's and column's earlier names, so a rename it records is history (applied by an
 * earlier migration) and does nothing; one whose old name the model never had, or whose new name is taken by
 * another column or table, is a problem at its `renamed_from`.
 * @example planRenames(ns, snapshotModel, '0003_add_notes').statements // ['ALTER TABLE "a" RENAME TO "b";', ...]
 */
export function planRenames(
  ns: NamespaceNode,
  before: SchemaModel,
  migration: string | undefined,
): RenamePlan {
  const statements: string[] = [];
  const slugs: string[] = [];
  const problems: { at: Position; message: string }[] = [];
  const model =
    migration === undefined
      ? 'the database model (empty: this namespace has no migrations yet)'
      : `the database model (migrations/snapshot.json, as of ${migration})`;
  let tables = [...before.tables];
  for (const root of ns.rootobjects) {
    const from = root.renamedFrom;
    if (from === undefined) continue;
    const old = tables.find((t) => t.rootobject === from.name);
    const current = tables.find((t) => t.rootobject === root.name || t.name === root.table);
    if (old === undefined) {
      if (!current?.renamedFrom?.includes(from.name))
        problems.push(missing(from, `has no rootobject ${from.name}`, model));
      continue;
    }
    if (current !== undefined && current !== old) {
      problems.push({
        at: from.at,
        message: `rootobject ${root.name}: cannot rename ${from.name} onto table ${current.name}, which ${model} already has; drop it first or choose another name`,
      });
      continue;
    }
    const renamed: TableModel = {
      ...old,
      name: root.table,
      rootobject: root.name,
      renamedFrom: [...(old.renamedFrom ?? []), from.name],
    };
    tables = tables.map((t) => (t === old ? renamed : retarget(t, old.name, root.table)));
    if (old.name === root.table) continue;
    statements.push(
      alterTable(old.name, `RENAME TO ${ident(root.table)}`),
      alterTable(
        root.table,
        `RENAME CONSTRAINT ${ident(`${old.name}_pkey`)} TO ${ident(`${root.table}_pkey`)}`,
      ),
      ...old.columns.flatMap((c) => renameConstraints(root.table, old.name, c, root.table, c.name)),
      ...renameNotNull(
        root.table,
        old.name,
        old.columns.filter((c) => !c.nullable || c.primaryKey).map((c) => [c.name, c.name] as const),
      ),
    );
    slugs.push(`rename_${old.name}_to_${root.table}`);
  }
  for (const root of ns.rootobjects) {
    const table = tables.find((t) => t.name === root.table);
    for (const field of root.fields) {
      const from = field.renamedFrom;
      if (from === undefined) continue;
      const where = `${root.name}.${field.name}`;
      const old = table?.columns.find((c) => c.name === from.name);
      const taken = table?.columns.find((c) => c.name === field.name);
      if (table === undefined || old === undefined) {
        if (!taken?.renamedFrom?.includes(from.name))
          problems.push(
            missing(from, `has no column ${root.table}.${from.name} to rename to ${field.name}`, model),
          );
        continue;
      }
      if (taken !== undefined) {
        problems.push({
          at: from.at,
          message: `${where}: cannot rename ${from.name} onto column ${table.name}.${field.name}, which ${model} already has; two columns cannot end up with one name`,
        });
        continue;
      }
      const renamed: TableModel = {
        ...table,
        columns: table.columns.map((c) =>
          c === old ? { ...c, name: field.name, renamedFrom: [...(c.renamedFrom ?? []), from.name] } : c,
        ),
      };
      tables = tables.map((t) => (t === table ? renamed : t));
      statements.push(
        alterTable(table.name, `RENAME COLUMN ${ident(from.name)} TO ${ident(field.name)}`),
        ...renameConstraints(table.name, table.name, old, table.name, field.name),
        ...(old.nullable ? [] : renameNotNull(table.name, table.name, [[from.name, field.name]])),
      );
      slugs.push(`rename_${table.name}_${from.name}_to_${field.name}`);
    }
  }
  return { before: { tables }, statements, slugs, problems };
}

function missing(from: RenamedFrom, what: string, model: string): { at: Position; message: string } {
  return {
    at: from.at,
    message: `renamed_from '${from.name}': ${model} ${what}; there is nothing to rename (remove renamed_from, or fix the old name)`,
  };
}

/** References into a renamed table follow it (Postgres keeps foreign keys pointing at the table itself). */
function retarget(table: TableModel, from: string, to: string): TableModel {
  if (!table.columns.some((c) => c.references?.table === from)) return table;
  return {
    ...table,
    columns: table.columns.map((c) =>
      c.references?.table === from ? { ...c, references: { ...c.references, table: to } } : c,
    ),
  };
}
