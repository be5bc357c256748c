import { type CheckModel, type ColumnModel, sqlString, type TableModel } from './model';

/** Always quoted, so a field named like a keyword (`order`, `user`) is still a valid identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export const constraintName = {
  unique: (table: string, column: string) => `${table}_${column}_key`,
  foreignKey: (table: string, column: string) => `${table}_${column}_fkey`,
  check: (table: string, column: string) => `${table}_${column}_check`,
  index: (table: string, column: string) => `${table}_${column}_idx`,
};

export function checkSql(column: string, check: CheckModel): string {
  const c = ident(column);
  if (check.kind === 'in') {
    const list = check.values.map(sqlString).join(', ');
    return check.array ? `${c} <@ ARRAY[${list}]::text[]` : `${c} IN (${list})`;
  }
  const subject = check.length ? `char_length(${c})` : c;
  const parts = [
    ...(check.min === null ? [] : [`${subject} >= ${check.min}`]),
    ...(check.max === null ? [] : [`${subject} <= ${check.max}`]),
  ];
  return parts.join(' AND ');
}

export function columnDefinition(c: ColumnModel): string {
  return [
    ident(c.name),
    c.type,
    ...(c.primaryKey ? ['PRIMARY KEY'] : c.nullable ? [] : ['NOT NULL']),
    ...(c.default === null ? [] : [`DEFAULT ${c.default}`]),
  ].join(' ');
}

export function foreignKeySql(table: string, c: ColumnModel): string {
  const ref = c.references;
  if (ref === null) throw new Error(`${table}.${c.name} is not a reference`);
  return `CONSTRAINT ${ident(constraintName.foreignKey(table, c.name))} FOREIGN KEY (${ident(c.name)}) REFERENCES ${ident(ref.table)} (${ident('id')}) ON DELETE ${ref.onDelete}`;
}

export function uniqueSql(table: string, c: ColumnModel): string {
  return `CONSTRAINT ${ident(constraintName.unique(table, c.name))} UNIQUE (${ident(c.name)})`;
}

export function checkConstraintSql(table: string, c: ColumnModel): string {
  if (c.check === null) throw new Error(`${table}.${c.name} has no check`);
  return `CONSTRAINT ${ident(constraintName.check(table, c.name))} CHECK (${checkSql(c.name, c.check)})`;
}

export function createIndexSql(table: string, c: ColumnModel): string {
  return `CREATE INDEX ${ident(constraintName.index(table, c.name))} ON ${ident(table)} (${ident(c.name)});`;
}

/** CREATE TABLE with its constraints; `deferForeignKeys` names references added later (cycles). */
export function createTableSql(table: TableModel, deferForeignKeys: ReadonlySet<string>): string[] {
  const lines = table.columns.map(columnDefinition);
  for (const c of table.columns) {
    if (c.references !== null && !deferForeignKeys.has(c.name)) lines.push(foreignKeySql(table.name, c));
    if (c.unique) lines.push(uniqueSql(table.name, c));
    if (c.check !== null) lines.push(checkConstraintSql(table.name, c));
  }
  const create = `CREATE TABLE ${ident(table.name)} (\n${lines.map((l) => `  ${l}`).join(',\n')}\n);`;
  return [create, ...table.columns.filter((c) => c.index).map((c) => createIndexSql(table.name, c))];
}

export function alterTable(table: string, action: string): string {
  return `ALTER TABLE ${ident(table)} ${action};`;
}
