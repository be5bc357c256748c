/**
 * `npm run bench`: speed is measured here, never asserted in tests.
 * Code generation: the first run of every namespace under schemas/ (cold: includes loading ts-morph/TypeScript
 * and Ajv), the median of warm runs, then the onboarding domains plus 50/100/200 synthetic rootobjects (in
 * memory: parse, IR, every emitter and a fresh 0001 migration), so growth with the schema size is visible.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@hero-onboarding/codegen';
import { benchGeneration } from '@hero-onboarding/codegen/bench';

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
  `generate (all namespaces, from disk): cold ${cold.toFixed(0)} ms, warm median ${median.toFixed(0)} ms over ${warm.length} runs`,
);

console.log('generate, in memory, median of 3 warm runs:');
for (const row of benchGeneration([0, 50, 100, 200])) {
  const label = row.rootobjects === 0 ? '3 domains' : `3 domains + ${row.rootobjects} rootobjects`;
  const per = row.perAddedMs === undefined ? '' : `  ${row.perAddedMs.toFixed(1)} ms per added rootobject`;
  console.log(`  ${label.padEnd(30)} ${row.medianMs.toFixed(0).padStart(6)} ms${per}`);
}

const { benchDatabaseFaults } = await import('./bench-database-faults');
for (const line of await benchDatabaseFaults()) console.log(line);
