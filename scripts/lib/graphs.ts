/**
 * The graphs the measurements run on: the curated seed graph, or a synthetic one of a given
 * size (src/generate.ts), loaded into an on-disk embedded database with the bulk path — the
 * load is timed, it is one of the figures.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateGraph } from '../../src/generate.js';
import { projectPath } from '../../src/paths.js';
import { checkSeedFolder, formatProblem, loadGraph, type GraphData } from '../../src/seeds/index.js';
import { KuzuStore } from '../../src/store/kuzu/adapter.js';

export interface SizeSpec {
  name: string;
  /** Null for the curated seed graph. */
  nodes: number | null;
  rels: number | null;
}

/** The named sizes of `--size`. */
export const SIZES: Record<string, SizeSpec> = {
  seed: { name: 'seed', nodes: null, rels: null },
  '100k': { name: '100k', nodes: 10_000, rels: 100_000 },
  '1m': { name: '1m', nodes: 100_000, rels: 1_000_000 },
};

export function sizeLabel(s: SizeSpec): string {
  return s.nodes === null ? 'seed graph' : `${s.nodes.toLocaleString('en')} nodes / ${s.rels!.toLocaleString('en')} rels`;
}

export interface PreparedGraph {
  size: SizeSpec;
  path: string;
  nodes: number;
  relationships: number;
  /** Building the graph in memory (synthetic) or reading and validating seeds/. */
  buildMs: number;
  /** The bulk load into a fresh on-disk database; null when an earlier load was reused. */
  loadMs: number | null;
  reused: boolean;
}

function removeDb(path: string) {
  for (const p of [path, `${path}.wal`, `${path}.shadow`, `${path}.json`]) rmSync(p, { force: true, recursive: true });
}

/** The graph of a size, in memory: seeds/ read and validated, or a synthetic one (seed 2026: the same every run). */
export function buildGraph(size: SizeSpec): GraphData {
  if (size.nodes === null) {
    const { problems, graph } = checkSeedFolder(projectPath('seeds'));
    if (problems.length) throw new Error(`seeds/ does not validate:\n${problems.map(formatProblem).join('\n')}`);
    return graph;
  }
  return generateGraph({ nodes: size.nodes, relationships: size.rels!, seed: 2026 });
}

/**
 * A database holding the graph of `size` at data/bench/<name>.kuzu. Loaded afresh (and timed)
 * unless `reuse` is set and a complete earlier load of the same size is there. `graph`: the
 * graph already built (the bench loads the same one into Neo4j).
 */
export async function prepareGraph(size: SizeSpec, options: { reuse?: boolean; bufferPoolMb?: number; log?: (s: string) => void; graph?: GraphData } = {}): Promise<PreparedGraph> {
  const name = size.nodes === null ? 'seed' : `n${size.nodes}-r${size.rels}`;
  const path = projectPath('data', 'bench', `${name}.kuzu`);
  const manifest = `${path}.json`;
  if (options.reuse && existsSync(path) && existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { nodes: number; relationships: number };
    return { size, path, nodes: m.nodes, relationships: m.relationships, buildMs: 0, loadMs: null, reused: true };
  }
  mkdirSync(dirname(path), { recursive: true });
  removeDb(path);
  let t = performance.now();
  const graph = options.graph ?? buildGraph(size);
  const buildMs = performance.now() - t;
  // The API's 60 s bound on a statement would cut off a COPY batch or the final checkpoint of
  // a large load on a busy machine (seen at 1M relationships with the load average at 14).
  const store = await KuzuStore.open({ path, bufferPoolMb: options.bufferPoolMb ?? 2048, timeoutMs: 30 * 60_000 });
  let last = 0;
  t = performance.now();
  let counts: { nodes: number; relationships: number };
  try {
    counts = await loadGraph(store, graph, {
      batchSize: 10_000,
      onProgress: (written, total) => {
        const pct = Math.floor((written / total) * 10);
        if (pct > last) {
          last = pct;
          options.log?.(`  loading ${size.name}: ${pct * 10}%`);
        }
      },
    });
  } finally {
    await store.close();
  }
  const loadMs = performance.now() - t;
  writeFileSync(manifest, JSON.stringify({ ...counts, loadedAt: new Date().toISOString() }));
  return { size, path, nodes: counts.nodes, relationships: counts.relationships, buildMs, loadMs, reused: false };
}
