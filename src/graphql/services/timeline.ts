/**
 * The timeline: one entry per dated fact, from two named queries run side by side (facts
 * stored on entities, facts stored on relationships), merged in date order. Each query returns
 * at most the page size, which is all the merged page can need from it.
 */
import { strongestBasis, type Basis, type EntityLabel, type Precision } from '../../model.js';
import { evidenceQueryName } from '../../store/catalogue.js';
import type { Row } from '../../store/port.js';
import type { ApiContext } from '../context.js';
import { UserInputError } from '../errors.js';
import { loadEntities } from '../loaders.js';
import { dateLabel, disputesOf, type EntityRecord } from '../records.js';
import { rangeParams } from './dates.js';

export interface TimelineArgs {
  from?: string | null;
  to?: string | null;
  labels: readonly EntityLabel[];
  regionId?: string | null;
  sectorId?: string | null;
  agencyId?: string | null;
  first: number;
  /** Only facts with a citation of one of these bases. */
  evidence: readonly string[];
}

export interface TimelineEntryRecord {
  date: string;
  precision: Precision;
  dateLabel: string;
  kind: string;
  label: string;
  entity: EntityRecord;
  other: EntityRecord | null;
  basis: Basis;
  disputed: boolean;
}

/** Labels whose nodes carry dates (model.ts DATE_FIELDS, sources aside). */
const DATED_LABELS: readonly EntityLabel[] = ['Policy', 'Agency', 'Firm', 'Event'];

interface Fact {
  date: string;
  precision: Precision;
  kind: string;
  label: string;
  entityId: string;
  otherId: string | null;
  basis: Basis;
  disputed: boolean;
}

/** A stored date field in words. Drafts are "published", not "issued". */
function entityFact(row: Row): Fact {
  const name = row.name as string;
  const field = row.field as string;
  const isDraft = row.label === 'Policy' && row.kind === 'DRAFT_LAW';
  const [kind, label] = ((): [string, string] => {
    switch (field) {
      case 'issued': return isDraft ? ['DRAFT_PUBLISHED', `${name} published`] : ['ISSUED', `${name} issued`];
      case 'effective': return ['EFFECTIVE', `${name} takes effect`];
      case 'ended': return ['ENDED', row.label === 'Agency' ? `${name} dissolved` : `${name} ends`];
      case 'established': return ['ESTABLISHED', `${name} established`];
      case 'founded': return ['FOUNDED', `${name} founded`];
      default: return ['EVENT', name];
    }
  })();
  // The other value of a disputed date is a fact of its own, said to be disputed in its label.
  const alternative = row.alternative === true;
  return {
    date: row.date as string, precision: (row.precision as Precision | null) ?? 'DAY', kind,
    label: alternative ? `${label} (as another source dates it)` : label, entityId: row.id as string, otherId: null,
    basis: strongestBasis(String(row.bases ?? '').split(',')) ?? 'EXTERNAL',
    disputed: alternative || disputesOf(row.disputes).some((d) => d.field === field),
  };
}

/** How a relationship that begins reads; others read "<type in words> <other>". */
const VERBS: Record<string, string> = {
  ACQUIRED: 'acquires',
  PARTNERS_WITH: 'partners with',
  MEMBER_OF: 'joins',
  WORKS_FOR: 'starts working for',
  LEADS: 'starts leading',
  OPERATES_IN: 'starts operating in',
  HEADQUARTERED_IN: 'is headquartered in',
  CONTRIBUTED_TO: 'contributes to',
  SUPERSEDES: 'supersedes',
  PART_OF: 'becomes part of',
};

function relationshipFact(row: Row): Fact {
  const type = row.type as string;
  const name = row.name as string;
  const other = row.otherName as string;
  const words = type.toLowerCase().replaceAll('_', ' ');
  const started = row.edge === 'START';
  return {
    date: row.date as string,
    precision: (row.precision as Precision | null) ?? 'DAY',
    kind: started ? type : `${type}_ENDED`,
    label: started ? `${name} ${VERBS[type] ?? words} ${other}` : `${name}: ${words} ${other} ends`,
    entityId: row.id as string,
    otherId: row.otherId as string,
    basis: strongestBasis(Array.isArray(row.citeBases) ? (row.citeBases as string[]) : []) ?? 'EXTERNAL',
    disputed: disputesOf(row.disputes).some((d) => d.field === (started ? 'start' : 'end')),
  };
}

const compare = (a: Fact, b: Fact) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;

export async function timeline(ctx: ApiContext, args: TimelineArgs): Promise<TimelineEntryRecord[]> {
  if (args.from && args.to && args.from > args.to) {
    throw new UserInputError(`from (${args.from}) is after to (${args.to})`, { argument: 'from' });
  }
  if (args.labels.length === 0) return [];
  const scope = {
    ...rangeParams(args.from, args.to),
    regionId: args.regionId ?? null,
    sectorId: args.sectorId ?? null,
    agencyId: args.agencyId ?? null,
    limit: args.first,
  };
  const dated = args.labels.filter((l) => DATED_LABELS.includes(l));
  const [entityRows, relationshipRows] = await Promise.all([
    // Skipped rather than asked with an empty list (which Kùzu cannot take).
    dated.length ? ctx.store.run(evidenceQueryName('timelineEntityFacts', args.evidence), { ...scope, types: dated }) : Promise.resolve([]),
    ctx.store.run(evidenceQueryName('timelineRelationshipFacts', args.evidence), { ...scope, types: [...args.labels] }),
  ]);
  const facts = [...entityRows.map(entityFact), ...relationshipRows.map(relationshipFact)].sort(compare).slice(0, args.first);
  const ids = facts.flatMap((f) => (f.otherId ? [f.entityId, f.otherId] : [f.entityId]));
  const entities = new Map((await loadEntities(ctx.loaders, ids)).map((e) => [e.id, e]));
  return facts
    .filter((f) => entities.has(f.entityId))
    .map((f) => ({
      date: f.date,
      precision: f.precision,
      dateLabel: dateLabel(f.date, f.precision)!,
      kind: f.kind,
      label: f.label,
      entity: entities.get(f.entityId)!,
      other: f.otherId ? entities.get(f.otherId) ?? null : null,
      basis: f.basis,
      disputed: f.disputed,
    }));
}
