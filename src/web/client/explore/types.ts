/** The shapes the explorer reads from the API (see ../queries.ts). */

export interface GraphNode {
  id: string; type: string; label: string; date: string | null; precision: string | null; undated: boolean;
  data: Record<string, unknown> | null;
}
export interface GraphEdge { id: string; source: string; target: string; type: string; undated: boolean; data: Record<string, unknown> | null }
export interface Graph { nodes: GraphNode[]; edges: GraphEdge[]; truncated?: boolean }

export interface Citation { sourceId: string; sourceTitle: string; locator: string | null; note: string | null; basis?: string }

export interface Relation {
  type: string;
  direction: 'OUT' | 'IN' | 'BOTH';
  role: string | null;
  startLabel: string | null;
  endLabel: string | null;
  node: { id: string; type: string; name: string };
  citations: Citation[];
}

export interface EntityDetails {
  id: string;
  type: string;
  name: string;
  nameZh: string | null;
  aliases: string[];
  description: string | null;
  citations: Citation[];
  relations: Relation[];
  [field: string]: unknown;
}

export interface SearchHit { score: number; entity: { id: string; type: string; name: string; nameZh: string | null } }

export interface IndicatorPoint {
  id: string; name: string | null; metric: string; value: number; unit: string | null; year: number;
  kind: 'ACTUAL' | 'FORECAST' | 'TARGET' | string; citations: Citation[];
}

export interface Driver {
  via: string[];
  policy: {
    id: string; name: string; kind: string | null; issued: string | null; issuedLabel: string | null; effectiveLabel: string | null;
    issuers: { id: string; name: string }[];
    jurisdictions: { id: string; name: string; parent: { id: string } | null }[];
  };
  firms: { id: string; name: string }[];
  sectors: { id: string; name: string }[];
}

export interface ChangeItem {
  change: 'BEGAN' | 'ENDED'; kind: string; date: string; precision: string; dateLabel: string; label: string;
  relationshipType: string | null;
  entity: { id: string; type: string; name: string };
  other: { id: string; type: string; name: string } | null;
  citations: Citation[];
}
