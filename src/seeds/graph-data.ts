/** Rows ready for the bulk writes, grouped the way the write templates take them. */
import type { Label } from '../model.js';

export type NodeRow = Record<string, string | number | string[] | null> & { id: string };

export interface RelationshipRow {
  from: string;
  to: string;
  since: string | null;
  sincePrecision: string | null;
  until: string | null;
  untilPrecision: string | null;
  role: string | null;
  citeSources: string[];
  citeLocators: string[];
  citeNotes: string[];
  citeBases: string[];
  /** JSON of the disputed start/end values (see disputes.ts), or null. */
  disputes: string | null;
}

export interface GraphData {
  nodes: Partial<Record<Label, NodeRow[]>>;
  /** Kept apart from the node rows: Kùzu cannot take an empty list inside a row parameter. */
  aliases: Partial<Record<Label, { id: string; aliases: string[] }[]>>;
  relationships: { type: string; from: Label; to: Label; rows: RelationshipRow[] }[];
}

export function countGraph(graph: GraphData): { nodes: number; relationships: number } {
  return {
    nodes: Object.values(graph.nodes).reduce((n, rows) => n + rows.length, 0),
    relationships: graph.relationships.reduce((n, g) => n + g.rows.length, 0),
  };
}
