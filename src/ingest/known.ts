/**
 * The entities a document is matched against: every seed record's id, label, names and
 * neighbours, read from the validated seed records (the CLI) or from graph rows (the bench's
 * synthetic 100k-entity graph). Indicators and sources are not names a text mentions.
 */
import type { Label } from '../model.js';
import type { GraphData } from '../seeds/graph-data.js';
import type { SeedRecord } from '../seeds/read.js';

export interface KnownEntity {
  id: string;
  label: Label;
  name: string;
  nameZh?: string;
  aliases: string[];
  /** Ids this entity has a relationship with (either way): context for ranking an ambiguous name. */
  related: string[];
  /** How many citations it has: a weak prior between two entities of the same name. */
  citations: number;
}

const NAMED = new Set<Label>(['Policy', 'Agency', 'Firm', 'Region', 'Sector', 'Event', 'Person']);

export function knownFromSeeds(records: SeedRecord[]): KnownEntity[] {
  const out = new Map<string, KnownEntity>();
  for (const r of records) {
    const d = r.data;
    if (!NAMED.has(r.label) || typeof d.id !== 'string' || typeof d.name !== 'string') continue;
    const relations = Array.isArray(d.relations) ? (d.relations as { to?: unknown }[]) : [];
    out.set(d.id, {
      id: d.id,
      label: r.label,
      name: d.name,
      nameZh: typeof d.nameZh === 'string' ? d.nameZh : undefined,
      aliases: Array.isArray(d.aliases) ? d.aliases.filter((a): a is string => typeof a === 'string') : [],
      related: relations.map((x) => String(x?.to)),
      citations: Array.isArray(d.cite) ? d.cite.length : 0,
    });
  }
  for (const e of out.values()) for (const to of e.related) out.get(to)?.related.push(e.id);
  return [...out.values()];
}

export function knownFromGraph(graph: GraphData): KnownEntity[] {
  const out = new Map<string, KnownEntity>();
  for (const [label, rows] of Object.entries(graph.nodes) as [Label, GraphData['nodes'][Label]][]) {
    if (!NAMED.has(label)) continue;
    for (const row of rows ?? []) {
      out.set(row.id, {
        id: row.id, label, name: String(row.name), nameZh: typeof row.nameZh === 'string' ? row.nameZh : undefined,
        aliases: [], related: [], citations: Array.isArray(row.citeSources) ? row.citeSources.length : 0,
      });
    }
  }
  for (const rows of Object.values(graph.aliases)) for (const { id, aliases } of rows ?? []) out.get(id)?.aliases.push(...aliases);
  for (const group of graph.relationships) {
    for (const row of group.rows) {
      out.get(row.from)?.related.push(row.to);
      out.get(row.to)?.related.push(row.from);
    }
  }
  return [...out.values()];
}
