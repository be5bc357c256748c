import type { ValueTypeInput } from '../parse';
import { buildFields, type Report } from './build-rootobject';
import type { ValueTypeNode } from './nodes';
import type { Declarations } from './resolve-type';

// What a value-type field cannot say: it has no column of its own (it lives inside its holder's jsonb).
const ROW_ONLY = [
  ['unique', 'unique'],
  ['index', 'index'],
  ['pii', 'pii'],
  ['default', 'default'],
  ['onDelete', 'on_delete'],
  ['lifecycle', 'lifecycle'],
  ['renamedFrom', 'renamed_from'],
] as const;

export function buildValueType(
  input: ValueTypeInput,
  file: string,
  decls: Declarations,
  report: Report,
): ValueTypeNode {
  const owner = input.name.value;
  if (input.fields.length === 0) report(input.name.at, `value type ${owner} has no fields`);
  const fields = buildFields(input.fields, owner, decls, report, (field, name) => {
    for (const [key, written] of ROW_ONLY) {
      const option = field[key];
      if (option !== undefined) {
        report(
          option.at,
          `${owner}.${name}: ${written} applies to rootobject fields only (a value type is stored as jsonb inside the row that holds it)`,
        );
        return '';
      }
    }
    return undefined;
  });
  return {
    kind: 'valuetype',
    name: owner,
    file,
    fields,
    at: input.name.at,
    ...(input.doc === undefined ? {} : { doc: input.doc }),
  };
}
