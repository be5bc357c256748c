/** Inserts field lines (already indented by 6) at the top of `root`'s `fields:` block. */
export function addField(text: string, root: string, ...fieldLines: string[]): string {
  const start = text.indexOf(`\n  ${root}:\n`);
  if (start < 0) throw new Error(`no rootobject ${root}`);
  const fields = text.indexOf('    fields:\n', start);
  const at = fields + '    fields:\n'.length;
  return text.slice(0, at) + fieldLines.map((l) => `${l}\n`).join('') + text.slice(at);
}

/** Removes `root` (its line and every deeper-indented line after it). */
export function removeRootObject(text: string, root: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(`  ${root}:`);
  if (start < 0) throw new Error(`no rootobject ${root}`);
  let end = start + 1;
  while (end < lines.length && (lines[end]?.startsWith('   ') ?? false)) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

/** Replaces one exact line (trimmed match) of a schema. */
export function replaceLine(text: string, from: string, to: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.trim() === from.trim());
  if (index < 0) throw new Error(`no line ${from}`);
  lines[index] = to;
  return lines.join('\n');
}
