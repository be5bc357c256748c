import type { SchemaModel } from './model';

/** `after` with the earlier names `before` knows for the same tables and columns, so the snapshot keeps them. */
export function carryHistory(after: SchemaModel, before: SchemaModel): SchemaModel {
  const old = new Map(before.tables.map((t) => [t.name, t]));
  return {
    tables: after.tables.map((table) => {
      const previous = old.get(table.name);
      if (previous === undefined) return table;
      const columns = new Map(previous.columns.map((c) => [c.name, c]));
      return {
        ...table,
        ...(previous.renamedFrom ? { renamedFrom: previous.renamedFrom } : {}),
        columns: table.columns.map((c) => {
          const history = columns.get(c.name)?.renamedFrom;
          return history === undefined ? c : { ...c, renamedFrom: history };
        }),
      };
    }),
  };
}
