import type { SchemaSource } from '../src/generate';

const PER_FILE = 10;

/**
 * `count` synthetic rootobjects in files of ten, shaped like the real domains: a reference to `User`, a unique
 * text, an enum with a lifecycle, an i64 with a default, optional time, list and json fields.
 * @example syntheticSources(200).length // 21: twenty files of rootobjects and one of enums
 */
export function syntheticSources(count: number, dir = 'schemas/onboarding'): SchemaSource[] {
  const sources: SchemaSource[] = [
    {
      file: `${dir}/synthetic_enums.yaml`,
      text: 'enums:\n  SyntheticStatus: [draft, active, archived]\n  SyntheticKind: [small, large]\n',
    },
  ];
  for (let start = 0; start < count; start += PER_FILE) {
    const lines = ['rootobjects:'];
    for (let i = start; i < Math.min(count, start + PER_FILE); i++) lines.push(...rootobject(i));
    const number = String(start / PER_FILE).padStart(3, '0');
    sources.push({ file: `${dir}/synthetic_${number}.yaml`, text: `${lines.join('\n')}\n` });
  }
  return sources;
}

function rootobject(i: number): string[] {
  return [
    `  Synthetic${i}:`,
    `    doc: Synthetic rootobject number ${i}.`,
    '    fields:',
    '      user_id: { type: User, index: true, on_delete: cascade }',
    '      name: { type: str, max: 200 }',
    '      code: { type: str, unique: true }',
    '      kind: { type: SyntheticKind, default: small }',
    '      status:',
    '        type: SyntheticStatus',
    '        default: draft',
    '        index: true',
    '        lifecycle:',
    '          draft: [active, archived]',
    '          active: [archived]',
    '      amount: { type: i64, default: 0 }',
    '      seen_at?: otime',
    '      tags?: "[]str"',
    '      extra?: json',
  ];
}
