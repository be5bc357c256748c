import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands alone: a clone with nothing beside it must build, run and pass its tests. The
 * workshop folder our team keeps next to the repository is not part of the product, so no file may reach
 * into it, and every link in our docs resolves inside the repository.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file !== '' && existsSync(join(root, file)));

// Built from parts so this file does not match itself.
const OUTSIDE = new RegExp(['\\.\\.', '/shared', '|', 'shared/(design|fixtures|seeds|hooks)'].join(''));
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|ya?ml|sh|sql|oschema|html|css)$|(^|\/)(\.ci\/run|\.gitignore)$/;

describe('the repository stands alone', () => {
  it('no tracked source, script or config file refers to a folder outside the repository', () => {
    const offenders = tracked
      .filter((file) => TEXT.test(file))
      .filter((file) => OUTSIDE.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('every relative link in the markdown resolves to a file inside the repository', () => {
    const broken: string[] = [];
    for (const file of tracked.filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (target === undefined || /^([a-z]+:|#)/i.test(target)) continue;
        const path = resolve(root, dirname(file), decodeURI(target.split('#')[0] ?? ''));
        if (relative(root, path).startsWith('..') || !existsSync(path)) broken.push(`${file}: ${target}`);
      }
      if (OUTSIDE.test(text)) broken.push(`${file}: mentions a folder outside the repository`);
    }
    expect(broken).toEqual([]);
  });
});
