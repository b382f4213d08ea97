/**
 * `changes`: what began and what ended between two dates, for the "what changed" view. It is
 * the timeline's two named queries (facts stored on entities and on relationships) read as a
 * difference between the graph at `from` and at `to`: each fact is a beginning (issued, draft
 * published, took effect, established, founded, happened, a relationship started) or an end.
 *
 * Pages: a cursor is the position after the last change of a page. Both queries are asked for
 * everything up to the end of the wanted page (they are ordered alike and merged), so a page is
 * exact whatever came before it; the position is capped so that a cursor cannot make the
 * engine read without bound.
 */
import type { EntityLabel, Precision } from '../../model.js';
import { ENTITY_LABELS } from '../../model.js';
import type { ApiContext } from '../context.js';
import { UserInputError } from '../errors.js';
import { loadEntities } from '../loaders.js';
import type { Row } from '../../store/port.js';
import { byCodePoint, dateLabel, type CitationRecord, type EntityRecord } from '../records.js';
import { rangeParams } from './dates.js';

export type ChangeDirection = 'BEGAN' | 'ENDED';

export interface ChangeRecord {
  cursor: string;
  change: ChangeDirection;
  kind: string;
  date: string;
  precision: Precision;
  dateLabel: string;
  label: string;
  entity: EntityRecord;
  other: EntityRecord | null;
  relationshipType: string | null;
  citations: CitationRecord[];
}

export interface ChangesPage {
  edges: { cursor: string; node: ChangeRecord }[];
  nodes: ChangeRecord[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export interface ChangesArgs {
  from: string;
  to: string;
  regionId?: string | null;
  sectorId?: string | null;
  first: number;
  after?: string | null;
}

/** Deepest position a cursor may point at: past it, narrow the window instead. */
export const MAX_CHANGES_OFFSET = 10_000;

const ALL_LABELS: readonly EntityLabel[] = ENTITY_LABELS;
const DATED_LABELS: readonly EntityLabel[] = ['Policy', 'Agency', 'Firm', 'Event'];

interface Fact {
  change: ChangeDirection;
  kind: string;
  date: string;
  precision: Precision;
  entityId: string;
  otherId: string | null;
  relationshipType: string | null;
  verb: string;
}

function entityFact(row: Row): Fact {
  const field = row.field as string;
  const draft = row.label === 'Policy' && row.kind === 'DRAFT_LAW';
  const [change, kind, verb]: [ChangeDirection, string, string] = (() => {
    switch (field) {
      case 'issued': return draft ? ['BEGAN', 'DRAFT_PUBLISHED', 'published as a draft'] : ['BEGAN', 'ISSUED', 'issued'];
      case 'effective': return ['BEGAN', 'EFFECTIVE', 'takes effect'];
      case 'established': return ['BEGAN', 'ESTABLISHED', 'established'];
      case 'founded': return ['BEGAN', 'FOUNDED', 'founded'];
      case 'ended': return ['ENDED', 'ENDED', row.label === 'Agency' ? 'dissolved' : 'ends'];
      default: return ['BEGAN', 'STARTED', ''];
    }
  })();
  return {
    change, kind, verb, date: row.date as string, precision: (row.precision as Precision | null) ?? 'DAY',
    entityId: row.id as string, otherId: null, relationshipType: null,
  };
}

function relationshipFact(row: Row): Fact {
  const type = row.type as string;
  const words = type.toLowerCase().replaceAll('_', ' ');
  const began = row.edge === 'START';
  return {
    change: began ? 'BEGAN' : 'ENDED',
    kind: began ? 'STARTED' : 'ENDED',
    verb: began ? `${words} (begins)` : `${words} (ends)`,
    date: row.date as string,
    precision: (row.precision as Precision | null) ?? 'DAY',
    entityId: row.id as string,
    otherId: row.otherId as string,
    relationshipType: type,
  };
}

/** Date, then whose change, then which: the order the two queries also sort in. */
const compare = (a: Fact, b: Fact) =>
  byCodePoint(a.date, b.date) || byCodePoint(a.entityId, b.entityId) || byCodePoint(a.relationshipType ?? '', b.relationshipType ?? '')
  || byCodePoint(a.otherId ?? '', b.otherId ?? '') || byCodePoint(a.kind, b.kind);

export function encodeChangesCursor(position: number): string {
  return Buffer.from(JSON.stringify(['changes', position]), 'utf8').toString('base64url');
}

export function decodeChangesCursor(cursor: string): number {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value[0] === 'changes' && Number.isInteger(value[1]) && value[1] >= 1 && value[1] <= MAX_CHANGES_OFFSET) {
      return value[1] as number;
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw new UserInputError('`after` is not a cursor of `changes`: pass the endCursor of a previous page (or narrow the window when it holds more than 10,000 changes)', { argument: 'after' });
}

/** The citations of the relationship a fact is about, read from the start entity's relations. */
async function relationshipCitations(ctx: ApiContext, f: Fact): Promise<CitationRecord[]> {
  const relations = await ctx.loaders.relations.load(f.entityId);
  const field = f.change === 'BEGAN' ? 'since' : 'until';
  const match = relations.find((r) => r.direction === 'OUT' && r.type === f.relationshipType && r.otherId === f.otherId && r[field] === f.date);
  return match?.citations ?? [];
}

export async function changes(ctx: ApiContext, args: ChangesArgs): Promise<ChangesPage> {
  if (args.from > args.to) {
    throw new UserInputError(`from (${args.from}) is after to (${args.to})`, { argument: 'from' });
  }
  const offset = args.after ? decodeChangesCursor(args.after) : 0;
  // One more than the page, to know whether another follows.
  const limit = offset + args.first + 1;
  const scope = { ...rangeParams(args.from, args.to), regionId: args.regionId ?? null, sectorId: args.sectorId ?? null, agencyId: null, limit };
  const [entityRows, relationshipRows] = await Promise.all([
    ctx.store.run('timelineEntityFacts', { ...scope, types: [...DATED_LABELS] }),
    ctx.store.run('timelineRelationshipFacts', { ...scope, types: [...ALL_LABELS] }),
  ]);
  const all = [...entityRows.map(entityFact), ...relationshipRows.map(relationshipFact)].sort(compare);
  const page = all.slice(offset, offset + args.first);
  const ids = page.flatMap((f) => (f.otherId ? [f.entityId, f.otherId] : [f.entityId]));
  const entities = new Map((await loadEntities(ctx.loaders, ids)).map((e) => [e.id, e]));
  const nodes = await Promise.all(page.map(async (f, i): Promise<ChangeRecord | null> => {
    const entity = entities.get(f.entityId);
    if (!entity) return null;
    const other = f.otherId ? entities.get(f.otherId) ?? null : null;
    return {
      cursor: encodeChangesCursor(offset + i + 1),
      change: f.change,
      kind: f.kind,
      date: f.date,
      precision: f.precision,
      dateLabel: dateLabel(f.date, f.precision)!,
      label: other ? `${entity.name} — ${f.verb} — ${other.name}` : f.verb ? `${entity.name} ${f.verb}` : entity.name,
      entity,
      other,
      relationshipType: f.relationshipType,
      citations: f.relationshipType ? await relationshipCitations(ctx, f) : entity.citations,
    };
  }));
  const found = nodes.filter((n): n is ChangeRecord => n !== null);
  return {
    edges: found.map((node) => ({ cursor: node.cursor, node })),
    nodes: found,
    pageInfo: {
      hasNextPage: all.length > offset + args.first,
      hasPreviousPage: offset > 0,
      startCursor: found[0]?.cursor ?? null,
      endCursor: found.at(-1)?.cursor ?? null,
    },
  };
}
