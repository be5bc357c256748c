import { readFileSync } from 'node:fs';
import type { NamespaceNode } from '../ir';
import { header, sourceLabel } from './header';

const template = readFileSync(new URL('./runtime/template.ts', import.meta.url), 'utf8');

/** runtime.ts: errors, validation helpers, filters and keyset pagination, copied from runtime/template.ts. */
export function emitRuntime(ns: NamespaceNode): string {
  return header(sourceLabel(ns.files)) + template;
}
