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
    const target = join(dir, path);
    if (existsSync(target) && readFileSync(target, 'utf8') === content) {
      unchanged++;
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    written++;
  }
  const stale = staleFiles(dir, files);
  for (const path of stale) rmSync(join(dir, path));
  for (const path of stale) removeEmptyParents(dir, dirname(join(dir, path)));
  return { written, unchanged, removed: stale.length };
}

/** Generated files on disk that the current schemas no longer produce. */
export function staleFiles(dir: string, files: ReadonlyMap<string, string>): string[] {
  return listFiles(dir)
    .filter((path) => !files.has(path) && !path.startsWith('migrations/'))
    .filter((path) => isGenerated(readFileSync(join(dir, path), 'utf8')));
}

/** Every difference between disk and `files`, each as a short human-readable block. */
export function checkNamespace(dir: string, files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [path, content] of files) {
    const target = join(dir, path);
    if (!existsSync(target)) out.push(`missing: ${target}`);
    else {
      const actual = readFileSync(target, 'utf8');
      if (actual !== content) out.push(`differs: ${target}\n${shortDiff(actual, content)}`);
    }
  }
  for (const path of staleFiles(dir, files)) out.push(`extra: ${join(dir, path)} (no longer generated)`);
  return out;
}

/** The first differing lines, `-` on disk and `+` generated, with a little context. */
export function shortDiff(actual: string, expected: string, max = 6): string {
  const a = actual.split('\n');
  const b = expected.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  const removed = a.slice(start, endA + 1);
  const added = b.slice(start, endB + 1);
  const lines = [
    `  @@ line ${start + 1}`,
    ...removed.slice(0, max).map((l) => `  - ${l}`),
    ...(removed.length > max ? [`  - ... ${removed.length - max} more`] : []),
    ...added.slice(0, max).map((l) => `  + ${l}`),
    ...(added.length > max ? [`  + ... ${added.length - max} more`] : []),
  ];
  return lines.join('\n');
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
