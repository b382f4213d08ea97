import { createHash } from 'node:crypto';
import type { Store } from '../../src/store/port.js';

/**
 * Counts and a checksum over every node's and relationship's properties: equal fingerprints
 * mean the graph did not change.
 */
export async function graphFingerprint(store: Store): Promise<{ nodes: number; relationships: number; checksum: string }> {
  const opts = { timeoutMs: 30_000, maxRows: 10_000_000 };
  const nodes = await store.readOnlyCypher('MATCH (n) RETURN n AS n', {}, opts);
  const rels = await store.readOnlyCypher('MATCH (a)-[r]->(b) RETURN a.id AS a, b.id AS b, r AS r', {}, opts);
  const clean = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('_') || k === '_label').sort());
  const lines = [
    ...nodes.rows.map((r) => JSON.stringify(clean(r.n as Record<string, unknown>))),
    ...rels.rows.map((r) => JSON.stringify([r.a, r.b, clean(r.r as Record<string, unknown>)])),
  ].sort();
  return {
    nodes: nodes.rows.length,
    relationships: rels.rows.length,
    checksum: createHash('sha256').update(lines.join('\n')).digest('hex'),
  };
}
