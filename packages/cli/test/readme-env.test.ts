import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORWARDED_ENV } from '../src/env/forwarded';
import { REPO } from './support/run-cli';

/** The README sections whose tables list the settings users may give. */
const CONFIGURATION_SECTIONS = ['## Configuration', '### Admin view configuration'];

/** Every `UPPER_CASE` name in the first column of the tables under those headings. */
function documentedVariables(readme: string): Set<string> {
  const names = new Set<string>();
  for (const heading of CONFIGURATION_SECTIONS) {
    const start = readme.indexOf(`\n${heading}\n`);
    expect(start, `README has a "${heading}" section`).toBeGreaterThan(-1);
    const level = heading.split(' ')[0] as string;
    const rest = readme.slice(start + heading.length + 2);
    const end = rest.search(new RegExp(`\\n#{1,${level.length}} `));
    const section = end === -1 ? rest : rest.slice(0, end);
    for (const line of section.split('\n')) {
      const firstCell = /^\|([^|]*)\|/.exec(line)?.[1] ?? '';
      for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(match[1] as string);
    }
  }
  return names;
}

describe('the forwarded variables', () => {
  it('are exactly the ones the README documents', () => {
    const readme = readFileSync(`${REPO}README.md`, 'utf8');
    const documented = [...documentedVariables(readme)].sort();
    expect(documented.length).toBeGreaterThan(30);
    expect(Object.keys(FORWARDED_ENV).sort()).toEqual(documented);
  });
});
