import type { FieldType, NamespaceNode } from '../ir';
import { columnsOf } from './columns';
import { header, sourceLabel } from './header';
import { tsLiteral } from './literal';
import { schemaModel } from './migrations/model';
import { constraintName } from './migrations/sql';

/** Every constraint name the database can report, mapped to the table and field it guards. */
export function constraintMap(ns: NamespaceNode): Record<string, { table: string; field: string }> {
  const out: Record<string, { table: string; field: string }> = {};
  for (const table of schemaModel(ns).tables) {
    out[`${table.name}_pkey`] = { table: table.name, field: 'id' };
    for (const c of table.columns) {
      const entry = { table: table.name, field: c.name };
      if (c.unique) out[constraintName.unique(table.name, c.name)] = entry;
      if (c.references !== null) out[constraintName.foreignKey(table.name, c.name)] = entry;
      if (c.check !== null) out[constraintName.check(table.name, c.name)] = entry;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** metadata.ts: per rootobject its table, fields and PII fields; PII per table; constraint names. */
export function emitMetadata(ns: NamespaceNode): string {
  const enumValues = new Map(ns.enums.map((e) => [e.name, e.values]));
  const metadata = Object.fromEntries(
    ns.rootobjects.map((root) => {
      const fields = Object.fromEntries(
        columnsOf(root).map((c) => {
          const f = c.field;
          if (f === undefined) {
            const info = {
              type: c.kind === 'uuid' ? 'uuid' : 'otime',
              optional: false,
              unique: c.name === 'id',
              index: c.name === 'id',
              pii: false,
              generated: true,
            };
            return [c.name, info];
          }
          const info = {
            type: typeText(f.type),
            optional: f.optional,
            unique: f.unique,
            index: f.unique || c.index,
            pii: f.pii,
            ...(f.type.kind === 'enum' ? { values: enumValues.get(f.type.name) ?? [] } : {}),
            ...(f.type.kind === 'ref' ? { references: f.type.table } : {}),
            ...(f.format === undefined ? {} : { format: f.format }),
            ...(f.lifecycle === undefined ? {} : { lifecycle: true }),
            ...(f.doc === undefined ? {} : { doc: f.doc }),
          };
          return [c.name, info];
        }),
      );
      const piiFields = root.fields.filter((f) => f.pii).map((f) => f.name);
      return [
        root.name,
        { table: root.table, file: root.file, ...(root.doc ? { doc: root.doc } : {}), piiFields, fields },
      ];
    }),
  );
  const pii = Object.fromEntries(
    ns.rootobjects.map((r) => [r.table, r.fields.filter((f) => f.pii).map((f) => f.name)]),
  );
  return [
    header(sourceLabel(ns.files)),
    `/** Per rootobject: its table, its fields (type, optional, unique, index, pii) and which of them are personal data. */`,
    `export const metadata = ${tsLiteral(metadata)} as const;`,
    '',
    '/** Personal-data columns per table: logs and the admin view redact exactly these. */',
    `export const piiFieldsByTable: Readonly<Record<string, readonly string[]>> = ${tsLiteral(pii)};`,
    '',
    '/** Constraint name -> the table and field it guards, for typed errors. */',
    `export const constraintFields: Readonly<Record<string, { readonly table: string; readonly field: string }>> = ${tsLiteral(constraintMap(ns))};`,
    '',
  ].join('\n');
}

function typeText(type: FieldType): string {
  return type.kind === 'array' ? `[]${typeText(type.of)}` : type.name;
}
