import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateNamespace, type SchemaSource } from '../src/generate';
import { syntheticSources } from './synthetic';

export { syntheticSources } from './synthetic';

export interface GenerationTiming {
  /** Synthetic rootobjects added to the onboarding domains (0: the domains alone). */
  readonly rootobjects: number;
  readonly medianMs: number;
  readonly runs: number;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The committed onboarding domain files, as sources. */
export function onboardingSources(root = repoRoot): SchemaSource[] {
  const dir = join(root, 'schemas', 'onboarding');
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|oschema)$/.test(f))
    .sort()
    .map((f) => ({ file: `schemas/onboarding/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Times `generateNamespace` (parse, IR, every emitter, a fresh 0001 migration; in memory, no disk) over the
 * onboarding domains plus `rootobjects` synthetic ones. Returns the median of `runs` warm runs.
 * @example (await import('@hero-onboarding/codegen/bench')).timeGeneration(200).medianMs
 */
export function timeGeneration(rootobjects: number, runs = 3): GenerationTiming {
  const sources = [...onboardingSources(), ...syntheticSources(rootobjects)];
  const once = () => {
    const started = performance.now();
    const result = generateNamespace(
      { name: 'onboarding', sources, existing: { files: new Map() }, snapshotFile: 'snapshot.json' },
      {},
    );
    if (result.problems.length > 0)
      throw new Error(`synthetic schemas have problems: ${result.problems[0]?.message}`);
    return performance.now() - started;
  };
  once(); // warm-up: loads TypeScript (ts-morph) and Ajv
  const samples = Array.from({ length: runs }, once);
  const sorted = samples.sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { rootobjects, medianMs, runs };
}

/**
 * The generation rows of `npm run bench`: the onboarding domains alone, then with each count of synthetic
 * rootobjects added. `perAdded` is (time - time of the domains alone) / added: flat when generation is linear.
 * @example benchGeneration([0, 50, 100, 200]).map((r) => r.medianMs)
 */
export function benchGeneration(
  counts: readonly number[] = [0, 50, 100, 200],
  runs = 3,
): (GenerationTiming & { perAddedMs?: number })[] {
  const rows = counts.map((n) => timeGeneration(n, runs));
  const base = rows.find((r) => r.rootobjects === 0)?.medianMs;
  return rows.map((r) =>
    base === undefined || r.rootobjects === 0 ? r : { ...r, perAddedMs: (r.medianMs - base) / r.rootobjects },
  );
}
