import {
  IndentationText,
  type InterfaceDeclarationStructure,
  Project,
  QuoteKind,
  type StatementStructures,
  StructureKind,
  type TypeAliasDeclarationStructure,
  VariableDeclarationKind,
  type WriterFunction,
} from 'ts-morph';
import type { NamespaceNode, RootObjectNode } from '../ir';
import { type Column, columnsOf, namesOf, tsTypes } from './columns';
import { header, sourceLabel } from './header';
import { quote } from './literal';
import { valueTypeStructures } from './value-types';

/**
 * types.ts: enums, value types, one Kysely table interface per rootobject, its Row/New/Update types, and
 * Database. Every declaration is built as a structure first and added in one manipulation: ts-morph re-parses
 * the whole file after each insertion, so adding them one by one made generation quadratic in rootobjects.
 */
export function emitTypes(ns: NamespaceNode): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  // Blocks are separated by a blank line; the statements inside one block follow each other directly.
  const blocks: StatementStructures[][] = [
    [
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: 'kysely',
        namedImports: ['ColumnType', 'Generated', 'Insertable', 'Selectable', 'Updateable'],
      },
    ],
  ];
  for (const e of ns.enums) {
    blocks.push(
      [
        {
          kind: StructureKind.VariableStatement,
          isExported: true,
          declarationKind: VariableDeclarationKind.Const,
          declarations: [
            { name: `${e.name}Values`, initializer: `[${e.values.map(quote).join(', ')}] as const` },
          ],
          ...(e.doc === undefined ? {} : { docs: [commentText(e.doc)] }),
        },
      ],
      [alias(e.name, `(typeof ${e.name}Values)[number]`)],
    );
  }
  blocks.push(...valueTypeStructures(ns, commentText).map((v) => [v]));
  for (const root of ns.rootobjects) blocks.push(...rootObjectBlocks(root));
  blocks.push([
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'Database',
      docs: ['Every table of this namespace, for `Kysely<Database>`.'],
      properties: ns.rootobjects.map((r) => ({ name: r.table, type: namesOf(r).table })),
    },
  ]);
  const file = project.createSourceFile('types.ts');
  file.addStatements(blocks.flatMap((block, i) => (i === 0 ? block : [blankLine, ...block])));
  return header(sourceLabel(ns.files)) + file.getFullText();
}

const blankLine: WriterFunction = (writer) => writer.blankLineIfLastNot();

function alias(name: string, type: string, doc?: string): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    isExported: true,
    name,
    type,
    ...(doc === undefined ? {} : { docs: [doc] }),
  };
}

/** The table interface, then its Row/New/Update/Patch aliases as one block. */
function rootObjectBlocks(root: RootObjectNode): StatementStructures[][] {
  const names = namesOf(root);
  const table: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    isExported: true,
    name: names.table,
    docs: [`${commentText(root.doc ?? root.name)} (table \`${root.table}\`)`],
    properties: columnsOf(root).map((c) => ({
      kind: StructureKind.PropertySignature,
      name: c.name,
      type: columnType(c),
      ...(c.field?.doc === undefined ? {} : { docs: [commentText(c.field.doc)] }),
    })),
  };
  const aliases = [
    alias(names.row, `Selectable<${names.table}>`, 'A row as read.'),
    alias(
      names.insert,
      `Insertable<${names.table}>`,
      'What create accepts: generated and defaulted fields are optional.',
    ),
    alias(names.update, `Updateable<${names.table}>`, 'Every column optional.'),
    alias(
      names.patch,
      `Omit<${names.update}, 'id' | 'created_at' | 'updated_at'>`,
      'What update accepts: the repository sets updated_at itself.',
    ),
  ];
  return [[table], aliases];
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
export function commentText(doc: string): string {
  return doc.replaceAll('*/', '*\\/');
}
