import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isGenerated } from './emit/header';

export interface WriteSummary {
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
}

/** Writes changed files, leaves identical ones alone, removes stale generated files (never migrations). */
export function writeNamespace(dir: string, files: ReadonlyMap<string, string>): WriteSummary {
  let written = 0;
  let unchanged = 0;
  for (const [path, content] of files) {
    if (writeFileIfChanged(join(dir, path), content)) written++;
    else unchanged++;
  }
  const stale = staleFiles(dir, files);
  for (const path of stale) rmSync(join(dir, path));
  for (const path of stale) removeEmptyParents(dir, dirname(join(dir, path)));
  return { written, unchanged, removed: stale.length };
}

/** Writes one file when its content differs; true when it wrote. */
export function writeFileIfChanged(target: string, content: string): boolean {
  if (existsSync(target) && readFileSync(target, 'utf8') === content) return false;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  return true;
}

/** The difference between one file on disk and what it should be, if any. */
export function checkFile(target: string, content: string): string[] {
  if (!existsSync(target)) return [`missing: ${target}`];
  const actual = readFileSync(target, 'utf8');
  return actual === content ? [] : [`differs: ${target}\n${shortDiff(actual, content)}`];
}

/**
 * Folders of `outDir` holding a generated index.ts whose namespace has no schemas folder any more. They are
 * never removed automatically: databases may have applied their migrations.
 */
export function orphanNamespaces(outDir: string, namespaces: readonly string[]): string[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir)
    .filter((name) => !namespaces.includes(name) && existsSync(join(outDir, name, 'index.ts')))
    .filter((name) => isGenerated(readFileSync(join(outDir, name, 'index.ts'), 'utf8')))
    .sort();
}

/** Generated files on disk that the current schemas no longer produce. */
export function staleFiles(dir: string, files: ReadonlyMap<string, string>): string[] {
  return listFiles(dir)
    .filter((path) => !files.has(path) && !path.startsWith('migrations/'))
    .filter((path) => isGenerated(readFileSync(join(dir, path), 'utf8')));
}

/** Every difference between disk and `files`, each as a short human-readable block. */
export function checkNamespace(dir: string, files: ReadonlyMap<string, string>): string[] {
  const out = [...files].flatMap(([path, content]) => checkFile(join(dir, path), content));
  for (const path of staleFiles(dir, files)) out.push(`extra: ${join(dir, path)} (no longer generated)`);
  return out;
}

/** The changed lines, `-` on disk and `+` generated, grouped by where they start; at most `max` lines shown. */
export function shortDiff(actual: string, expected: string, max = 12): string {
  const edits = lineEdits(actual.split('\n'), expected.split('\n'));
  const out: string[] = [];
  let shown = 0;
  let previous = -2;
  for (const edit of edits) {
    if (shown === max) break;
    if (edit.line !== previous && edit.line !== previous + 1) out.push(`  @@ line ${edit.line + 1}`);
    previous = edit.line;
    out.push(`  ${edit.sign} ${edit.text}`);
    shown++;
  }
  if (edits.length > shown) out.push(`  ... ${edits.length - shown} more changed line(s)`);
  return out.join('\n');
}

interface Edit {
  sign: '-' | '+';
  /** 0-based line in the generated (expected) text where the edit sits. */
  line: number;
  text: string;
}

// LCS over the region between the common prefix and suffix; beyond ~4M cells, report the region whole.
function lineEdits(a: string[], b: string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n * m > 4_000_000) {
    return [
      ...a.slice(start, endA).map((text) => ({ sign: '-' as const, line: start, text })),
      ...b.slice(start, endB).map((text, i) => ({ sign: '+' as const, line: start + i, text })),
    ];
  }
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[start + i] === b[start + j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      i++;
      j++;
    } else if (i < n && (j === m || (table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0))) {
      edits.push({ sign: '-', line: start + j, text: a[start + i] ?? '' });
      i++;
    } else {
      edits.push({ sign: '+', line: start + j, text: b[start + j] ?? '' });
      j++;
    }
  }
  return edits;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current).sort()) {
      const full = join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

function removeEmptyParents(root: string, dir: string): void {
  let current = dir;
  while (current.startsWith(root) && current !== root && readdirSync(current).length === 0) {
    rmdirSync(current);
    current = dirname(current);
  }
}
