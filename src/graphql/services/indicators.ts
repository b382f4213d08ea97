/** Indicators (market figures, forecasts, targets) and the graph's counts. */
import { ENUMS } from '../../model.js';
import type { ApiContext } from '../context.js';
import { citationsOf, type CitationRecord } from '../records.js';

export interface IndicatorRecord {
  id: string;
  name: string | null;
  description: string | null;
  metric: string;
  value: number;
  unit: string | null;
  year: number;
  kind: string;
  subjectId: string | null;
  sectorId: string | null;
  citations: CitationRecord[];
}

export interface IndicatorArgs {
  subjectId?: string | null;
  sectorId?: string | null;
  metric?: string | null;
  kinds?: string[] | null;
  first: number;
}

export async function indicators(ctx: ApiContext, args: IndicatorArgs): Promise<IndicatorRecord[]> {
  const rows = await ctx.store.run('indicators', {
    subjectId: args.subjectId ?? null,
    sectorId: args.sectorId ?? null,
    metric: args.metric?.trim().toLowerCase() || null,
    // Never an empty list (Kùzu cannot take one): no kinds given means every kind.
    kinds: args.kinds?.length ? [...new Set(args.kinds)] : [...ENUMS.IndicatorKind],
    limit: args.first,
  });
  return rows.map((r) => ({
    id: r.id as string,
    name: (r.name as string | null) ?? null,
    description: (r.description as string | null) ?? null,
    metric: r.metric as string,
    value: Number(r.value),
    unit: (r.unit as string | null) ?? null,
    year: Number(r.year),
    kind: r.kind as string,
    subjectId: (r.subjectId as string | null) ?? null,
    sectorId: (r.sectorId as string | null) ?? null,
    citations: citationsOf(r),
  }));
}

export interface StatsRecord {
  nodes: { label: string; count: number }[];
  relationships: { type: string; count: number }[];
  nodeCount: number;
  relationshipCount: number;
}

export async function stats(ctx: ApiContext): Promise<StatsRecord> {
  const [labels, types] = await Promise.all([ctx.store.run('countByLabel'), ctx.store.run('countByRelationshipType')]);
  const nodes = labels.map((r) => ({ label: r.label as string, count: Number(r.count) }));
  const relationships = types.map((r) => ({ type: r.type as string, count: Number(r.count) }));
  const sum = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
  return { nodes, relationships, nodeCount: sum(nodes), relationshipCount: sum(relationships) };
}
