import type { StatementStructures } from 'ts-morph';
import type { NamespaceNode } from '../ir';

/** Value types are added with the IR change; until then a namespace has none. */
export function valueTypeStructures(
  _ns: NamespaceNode,
  _comment: (doc: string) => string,
): StatementStructures[] {
  return [];
}
