/**
 * Writes a validated graph in batches through the bulk-write templates, replacing the
 * previous one: readers see either the old graph or the complete new one, never half of it
 * (how each engine makes that true is the adapter's business: Store.replaceGraph).
 */
import type { Label } from '../model.js';
import type { Store } from '../store/port.js';
import { countGraph, type GraphData } from './graph-data.js';

export interface LoadOptions {
  batchSize?: number;
  /** Called after each batch with rows written so far and the total. */
  onProgress?: (written: number, total: number) => void;
}

function* batches<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

export async function loadGraph(store: Store, graph: GraphData, options: LoadOptions = {}): Promise<{ nodes: number; relationships: number }> {
  const size = options.batchSize ?? 2_000;
  const counts = countGraph(graph);
  const total = counts.nodes + counts.relationships;
  let written = 0;
  const progress = (n: number) => {
    written += n;
    options.onProgress?.(written, total);
  };
  await store.migrate();
  await store.replaceGraph(async (tx) => {
    for (const [label, rows] of Object.entries(graph.nodes) as [Label, GraphData['nodes'][Label]][]) {
      for (const batch of batches(rows ?? [], size)) {
        await tx.run(`bulkNodes.${label}`, { rows: batch });
        progress(batch.length);
      }
    }
    for (const [label, rows] of Object.entries(graph.aliases) as [Label, { id: string; aliases: string[] }[]][]) {
      for (const batch of batches(rows, size)) await tx.run(`setAliases.${label}`, { rows: batch });
    }
    for (const group of graph.relationships) {
      for (const batch of batches(group.rows, size)) {
        await tx.run(`bulkRelationships.${group.type}.${group.from}.${group.to}`, { rows: batch });
        progress(batch.length);
      }
    }
  });
  return counts;
}
