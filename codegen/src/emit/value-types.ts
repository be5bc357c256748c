import { type InterfaceDeclarationStructure, StructureKind } from 'ts-morph';
import type { FieldType, NamespaceNode } from '../ir';

/**
 * One interface per value type, in its JSON form: it is stored as jsonb, so an `otime` inside is an ISO 8601
 * string and an i64 a decimal string (JSON has neither dates nor big integers).
 */
export function valueTypeStructures(
  ns: NamespaceNode,
  comment: (doc: string) => string,
): InterfaceDeclarationStructure[] {
  return ns.valueTypes.map((v) => ({
    kind: StructureKind.Interface,
    isExported: true,
    name: v.name,
    docs: [`${comment(v.doc ?? v.name)} (a value type, stored as jsonb)`],
    properties: v.fields.map((f) => ({
      kind: StructureKind.PropertySignature,
      name: f.name,
      hasQuestionToken: f.optional,
      type: f.optional && jsonType(f.type) !== 'unknown' ? `${jsonType(f.type)} | null` : jsonType(f.type),
      ...(f.doc === undefined ? {} : { docs: [comment(f.doc)] }),
    })),
  }));
}

function jsonType(type: FieldType): string {
  switch (type.kind) {
    case 'enum':
    case 'value':
      return type.name;
    case 'ref':
      return 'string';
    case 'array': {
      const inner = jsonType(type.of);
      return inner.includes(' ') ? `(${inner})[]` : `${inner}[]`;
    }
    case 'scalar':
      switch (type.name) {
        case 'bool':
          return 'boolean';
        case 'i32':
        case 'u32':
        case 'f64':
          return 'number';
        case 'json':
          return 'unknown';
        default:
          return 'string';
      }
  }
}
