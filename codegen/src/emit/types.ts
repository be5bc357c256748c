import { IndentationText, Project, QuoteKind, StructureKind, VariableDeclarationKind } from 'ts-morph';
import type { NamespaceNode, RootObjectNode } from '../ir';
import { type Column, columnsOf, namesOf, tsTypes } from './columns';
import { header, sourceLabel } from './header';
import { quote } from './literal';

/** types.ts: enums, one Kysely table interface per rootobject, its Row/New/Update types, and Database. */
export function emitTypes(ns: NamespaceNode): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  const file = project.createSourceFile('types.ts');
  file.addImportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: 'kysely',
    namedImports: ['ColumnType', 'Generated', 'Insertable', 'Selectable', 'Updateable'],
  });
  for (const e of ns.enums) {
    file.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        { name: `${e.name}Values`, initializer: `[${e.values.map(quote).join(', ')}] as const` },
      ],
      ...(e.doc === undefined ? {} : { docs: [commentText(e.doc)] }),
    });
    file.addTypeAlias({ isExported: true, name: e.name, type: `(typeof ${e.name}Values)[number]` });
  }
  for (const root of ns.rootobjects) addRootObject(file, root);
  file.addInterface({
    isExported: true,
    name: 'Database',
    docs: ['Every table of this namespace, for `Kysely<Database>`.'],
    properties: ns.rootobjects.map((r) => ({ name: r.table, type: namesOf(r).table })),
  });
  return header(sourceLabel(ns.files)) + file.getFullText();
}

function addRootObject(file: ReturnType<Project['createSourceFile']>, root: RootObjectNode): void {
  const names = namesOf(root);
  file.addInterface({
    isExported: true,
    name: names.table,
    docs: [`${commentText(root.doc ?? root.name)} (table \`${root.table}\`)`],
    properties: columnsOf(root).map((c) => ({
      kind: StructureKind.PropertySignature,
      name: c.name,
      type: columnType(c),
      ...(c.field?.doc === undefined ? {} : { docs: [commentText(c.field.doc)] }),
    })),
  });
  const aliases: [string, string, string][] = [
    [names.row, `Selectable<${names.table}>`, 'A row as read.'],
    [
      names.insert,
      `Insertable<${names.table}>`,
      'What create accepts: generated and defaulted fields are optional.',
    ],
    [names.update, `Updateable<${names.table}>`, 'Every column optional.'],
    [
      names.patch,
      `Omit<${names.update}, 'id' | 'created_at' | 'updated_at'>`,
      'What update accepts: the repository sets updated_at itself.',
    ],
  ];
  for (const [name, type, doc] of aliases) file.addTypeAlias({ isExported: true, name, type, docs: [doc] });
}

function columnType(c: Column): string {
  if (c.field === undefined) return c.kind === 'uuid' ? 'Generated<string>' : 'Generated<Date>';
  const { select, write } = tsTypes(c.field.type);
  const nullable = (t: string) => (c.nullable && t !== 'unknown' ? `${t} | null` : t);
  if (select === write) {
    if (c.hasDefault && !c.nullable) return `Generated<${select}>`;
    return nullable(select);
  }
  const insert = c.hasDefault && !c.nullable ? `${write} | undefined` : nullable(write);
  return `ColumnType<${nullable(select)}, ${insert}, ${nullable(write)}>`;
}

/** A schema `doc` inside a JSDoc block: a `*\/` in it would end the comment early and break the file. */
function commentText(doc: string): string {
  return doc.replaceAll('*/', '*\\/');
}
