/**
 * `npm run bench`: speed is measured here, never asserted in tests.
 * Prints one line per measurement: the first (cold: includes loading ts-morph/TypeScript and Ajv)
 * and the median of warm in-process generations of every namespace under schemas/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@hero-onboarding/codegen';

const root = fileURLToPath(new URL('..', import.meta.url));
const options = { schemasDir: join(root, 'schemas'), outDir: join(root, 'generated') };

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const check = (result: ReturnType<typeof generate>) => {
  if (result.problems.length > 0) throw new Error(`schemas have problems: ${result.problems.length}`);
};

const cold = time(() => check(generate(options)));
const warm = Array.from({ length: 10 }, () => time(() => check(generate(options)))).sort((a, b) => a - b);
const median = ((warm[4] ?? 0) + (warm[5] ?? 0)) / 2;
console.log(
  `generate (all domains, in memory): cold ${cold.toFixed(0)} ms, warm median ${median.toFixed(0)} ms over ${warm.length} runs`,
);

const { benchDatabaseFaults } = await import('./bench-database-faults');
for (const line of await benchDatabaseFaults()) console.log(line);
