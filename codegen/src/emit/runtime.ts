import { readFileSync } from 'node:fs';
import { header, sourceLabel } from './header';
import type { NamespaceNode } from '../ir';

const template = readFileSync(new URL('./runtime/template.ts', import.meta.url), 'utf8');

/** runtime.ts: errors, validation helpers, filters and keyset pagination, copied from runtime/template.ts. */
export function emitRuntime(ns: NamespaceNode): string {
  return header(sourceLabel(ns.files)) + template;
}
