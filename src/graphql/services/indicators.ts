/** Indicators (market figures, forecasts, targets) and the graph's counts. */
import { BASES, ENUMS, type Basis, type Precision } from '../../model.js';
import type { ApiContext } from '../context.js';
import { citationsOf, disputesOf, strongestOf, type CitationRecord, type DisputeRecord } from '../records.js';

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
  qualifier: string;
  period: string;
  periodFrom: number | null;
  vintage: string | null;
  vintagePrecision: Precision | null;
  rating: string | null;
  derived: boolean;
  basis: Basis;
  citations: CitationRecord[];
  disputed: boolean;
  disputes: DisputeRecord[];
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
  return rows.map((r) => indicatorFromRow(r));
}

function indicatorFromRow(r: Record<string, unknown>): IndicatorRecord {
  const citations = citationsOf(r);
  const basis = strongestOf(citations);
  const disputes = disputesOf(r.disputes);
  return {
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
    qualifier: (r.qualifier as string | null) ?? 'EXACT',
    period: (r.period as string | null) ?? 'CALENDAR_YEAR',
    periodFrom: typeof r.periodFrom === 'string' && r.periodFrom ? Number(r.periodFrom) : null,
    vintage: (r.vintage as string | null) ?? null,
    vintagePrecision: (r.vintagePrecision as Precision | null) ?? null,
    rating: (r.rating as string | null) ?? null,
    derived: basis === 'INFERRED',
    basis,
    citations,
    disputed: disputes.length > 0,
    disputes,
  };
}

export interface StatsRecord {
  nodes: { label: string; count: number }[];
  relationships: { type: string; count: number }[];
  nodeCount: number;
  relationshipCount: number;
  evidence: { basis: Basis; nodeCitations: number; relationshipCitations: number }[];
}

export async function stats(ctx: ApiContext): Promise<StatsRecord> {
  const [labels, types, bases] = await Promise.all([
    ctx.store.run('countByLabel'), ctx.store.run('countByRelationshipType'), ctx.store.run('countByBasis'),
  ]);
  const count = (basis: Basis, holder: string) => Number(bases.find((r) => r.basis === basis && r.holder === holder)?.count ?? 0);
  const evidence = BASES.map((basis) => ({ basis, nodeCitations: count(basis, 'NODE'), relationshipCitations: count(basis, 'RELATIONSHIP') }));
  const nodes = labels.map((r) => ({ label: r.label as string, count: Number(r.count) }));
  const relationships = types.map((r) => ({ type: r.type as string, count: Number(r.count) }));
  const sum = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
  return { nodes, relationships, nodeCount: sum(nodes), relationshipCount: sum(relationships), evidence };
}
