/**
 * Graphs for the visualisation client. `neighborhood` walks outward one level at a time —
 * one relations batch and one entity batch per level, whatever the number of nodes — so that
 * `asOf` can prune as it goes: a node that did not exist yet (or had ended) on that date is
 * left out and not walked through, and so is a relationship that had not begun or had ended.
 */
import { ENTITY_LABELS, type EntityLabel } from '../../model.js';
import { evidenceQueryName } from '../../store/catalogue.js';
import { UserInputError } from '../errors.js';
import type { ApiContext } from '../context.js';
import { loadEntities } from '../loaders.js';
import { byCodePoint, primaryDate, type EntityRecord, type RelationRecord } from '../records.js';
import { begunBy, endedBy } from './dates.js';

export interface GraphNodeRecord {
  id: string;
  type: string;
  label: string;
  date: string | null;
  precision: string | null;
  undated: boolean;
  data: Record<string, unknown>;
}

export interface GraphEdgeRecord {
  id: string;
  source: string;
  target: string;
  type: string;
  undated: boolean;
  data: Record<string, unknown>;
}

export interface GraphRecord {
  nodes: GraphNodeRecord[];
  edges: GraphEdgeRecord[];
  truncated: boolean;
}

/** Most nodes one graph answer holds: a hub (a country, the whole industry) reaches far. */
export const MAX_GRAPH_NODES = 500;

/**
 * Kinds of entity that begin on a date (a policy issued, a body established, a firm founded,
 * an event). Regions, sectors and people carry no date of their own in the model: their time
 * is on their relationships, so they are never "undated" — the flag would say nothing.
 */
const BEGINS_ON_A_DATE: ReadonlySet<string> = new Set(['Policy', 'Agency', 'Firm', 'Event']);

/** True when the entity is of a kind that begins on a date and nothing in the graph dates it. */
export function entityUndated(e: EntityRecord): boolean {
  return BEGINS_ON_A_DATE.has(e.label) && primaryDate(e) === null;
}

/**
 * True when nothing dates the relationship's beginning though something could: it has no
 * `start`, neither of its ends is dated (an undated link counts from when both its ends exist,
 * seeds/README.md, so a dated end bounds it), and one of its ends is of a kind that begins on a
 * date. A link between two timeless things (a sub-sector, a region within a region) is as
 * timeless as they are, not undated.
 */
export function relationUndated(r: RelationRecord, ends: ReadonlyMap<string, EntityRecord>): boolean {
  if (r.since) return false;
  const [a, b] = [ends.get(r.anchorId), ends.get(r.otherId)];
  const dated = (e: EntityRecord | undefined) => !!e && primaryDate(e) !== null;
  const begins = (e: EntityRecord | undefined) => !!e && BEGINS_ON_A_DATE.has(e.label);
  return !dated(a) && !dated(b) && (begins(a) || begins(b));
}

/** True when the entity existed on `asOf`: begun (issued, established …) and not ended. */
export function existedOn(e: EntityRecord, asOf: string): boolean {
  const start = primaryDate(e)?.date ?? null;
  return begunBy(start, asOf) && !endedBy(e.ended, asOf);
}

export function relationHeldOn(r: RelationRecord, asOf: string): boolean {
  return begunBy(r.since, asOf) && !endedBy(r.until, asOf);
}

function compact(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
}

export function graphNode(e: EntityRecord): GraphNodeRecord {
  const main = primaryDate(e);
  return {
    id: e.id,
    type: e.type,
    label: e.name,
    date: main?.date ?? null,
    precision: main?.precision ?? null,
    undated: entityUndated(e),
    data: compact({
      nameZh: e.nameZh, kind: e.kind, status: e.status, role: e.role,
      issued: e.issued, issuedPrecision: e.issuedPrecision,
      effective: e.effective, effectivePrecision: e.effectivePrecision,
      ended: e.ended, endedPrecision: e.endedPrecision,
      established: e.established, establishedPrecision: e.establishedPrecision,
      founded: e.founded, foundedPrecision: e.foundedPrecision,
      date: e.date, datePrecision: e.datePrecision,
    }),
  };
}

/** The relationship drawn from its start to its end, whichever end it was seen from. */
export function graphEdge(r: RelationRecord, undated: boolean): GraphEdgeRecord {
  const [source, target] = r.direction === 'OUT' ? [r.anchorId, r.otherId] : [r.otherId, r.anchorId];
  return {
    id: `${source}|${r.type}|${target}`,
    source,
    target,
    type: r.type,
    undated,
    data: compact({
      start: r.since, startPrecision: r.sincePrecision, end: r.until, endPrecision: r.untilPrecision, role: r.role,
      basis: r.basis, disputed: r.disputed || null,
    }),
  };
}

/** Collects edges once each; two relationships of one type between one pair get distinct ids. */
class EdgeSet {
  private readonly byKey = new Map<string, GraphEdgeRecord>();
  private readonly seen = new Set<string>();
  constructor(private readonly ends: ReadonlyMap<string, EntityRecord>) {}
  /** Adds the relationship unless it is undated and undated ones are not wanted. */
  add(r: RelationRecord, includeUndated = true): void {
    const undated = relationUndated(r, this.ends);
    if (undated && !includeUndated) return;
    const edge = graphEdge(r, undated);
    // The same relationship seen from both of its ends is one edge.
    const identity = `${edge.id}|${JSON.stringify(edge.data)}`;
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    let id = edge.id;
    for (let n = 2; this.byKey.has(id); n++) id = `${edge.id}#${n}`;
    this.byKey.set(id, { ...edge, id });
  }
  /** In id order (source|type|target), whatever order the engine gave the rows in. */
  list(): GraphEdgeRecord[] {
    return [...this.byKey.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

export interface NeighborhoodArgs {
  id: string;
  depth: number;
  asOf?: string | null;
  labels: readonly EntityLabel[];
  /** Walk only relationships with a citation of one of these bases. */
  evidence: readonly string[];
  /** False leaves out what nothing dates (entityUndated, relationUndated). */
  includeUndated?: boolean;
}

/** Whether an entity may be returned: existed on `asOf`, and dated unless undated ones are wanted. */
function admitted(e: EntityRecord, asOf: string | null, includeUndated: boolean): boolean {
  return (!asOf || existedOn(e, asOf)) && (includeUndated || !entityUndated(e));
}

const byId = (a: EntityRecord, b: EntityRecord) => byCodePoint(a.id, b.id);

export async function neighborhood(ctx: ApiContext, args: NeighborhoodArgs): Promise<GraphRecord> {
  const asOf = args.asOf ?? null;
  const includeUndated = args.includeUndated ?? true;
  const wanted = new Set<string>(args.labels);
  const centre = await ctx.loaders.entity.load(args.id);
  if (!centre || !admitted(centre, asOf, includeUndated)) return { nodes: [], edges: [], truncated: false };
  // No type, date or undated filter: every entity reached is admitted.
  const keepsAll = !asOf && includeUndated && ENTITY_LABELS.every((l) => wanted.has(l));
  const kept = new Map<string, EntityRecord>([[centre.id, centre]]);
  const edges = new EdgeSet(kept);
  let frontier = [centre.id];
  let truncated = false;
  for (let level = 1; level <= args.depth && frontier.length && !truncated; level++) {
    const relations = (await ctx.loaders.relationsWith(args.evidence).loadMany(frontier)).flatMap((r) => {
      if (r instanceof Error) throw r;
      return asOf ? r.filter((x) => relationHeldOn(x, asOf)) : r;
    });
    const newIds = [...new Set(relations.map((r) => r.otherId).filter((id) => !kept.has(id)))].sort(byCodePoint);
    const next: string[] = [];
    if (keepsAll) {
      // Every entity reached is kept, by id, until the cap: only those that fit are read (a
      // hub's neighbours are thousands, the room a few hundred). Another batch only when an
      // id had no entity, which a relationship's end always has.
      let from = 0;
      while (kept.size < MAX_GRAPH_NODES && from < newIds.length) {
        const batch = newIds.slice(from, from + MAX_GRAPH_NODES - kept.size);
        from += batch.length;
        for (const e of (await loadEntities(ctx.loaders, batch)).sort(byId)) {
          kept.set(e.id, e);
          next.push(e.id);
        }
      }
      truncated = from < newIds.length;
    } else {
      const reached = (await loadEntities(ctx.loaders, newIds))
        .filter((e) => wanted.has(e.label) && admitted(e, asOf, includeUndated))
        .sort(byId);
      for (const e of reached) {
        if (kept.size >= MAX_GRAPH_NODES) {
          truncated = true;
          break;
        }
        kept.set(e.id, e);
        next.push(e.id);
      }
    }
    for (const r of relations) if (kept.has(r.otherId)) edges.add(r, includeUndated);
    frontier = next;
  }
  return { nodes: [...kept.values()].map(graphNode), edges: edges.list(), truncated };
}

/** One shortest path between two entities, or null when none is at most `maxDepth` long. */
export async function shortestPath(
  ctx: ApiContext, fromId: string, toId: string, maxDepth: number, evidence: readonly string[], includeUndated = true,
): Promise<GraphRecord | null> {
  if (fromId === toId) {
    const only = await ctx.loaders.entity.load(fromId);
    return only && admitted(only, null, includeUndated) ? { nodes: [graphNode(only)], edges: [], truncated: false } : null;
  }
  // The plain shortest-path query when every relationship and entity may be used; otherwise a
  // search that steps around what is not wanted (not a shortest path thrown away afterwards).
  const everything = evidenceQueryName('relationsOf', evidence) === 'relationsOf';
  const ids = everything && includeUndated
    ? ((await ctx.store.run('shortestPath', { fromId, toId, maxDepth }))[0]?.ids as string[] | undefined) ?? null
    : await searchPath(ctx, fromId, toId, maxDepth, evidence, includeUndated);
  if (!ids) return null;
  const [entities, relations] = await Promise.all([
    loadEntities(ctx.loaders, ids),
    ctx.loaders.relationsWith(evidence).loadMany(ids),
  ]);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const edges = new EdgeSet(byId);
  for (let i = 0; i + 1 < ids.length; i++) {
    const from = relations[i];
    if (from instanceof Error) throw from;
    // Any one relationship joining the two steps (the path query does not say which).
    const step = (from ?? []).filter((r) => r.otherId === ids[i + 1]).sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))[0];
    if (step) edges.add(step, includeUndated);
  }
  return { nodes: ids.map((id) => byId.get(id)).filter((e): e is EntityRecord => !!e).map(graphNode), edges: edges.list(), truncated: false };
}

/** Most entities a path search restricted by evidence or dates may reach before it gives up. */
export const MAX_PATH_SEARCH = 20_000;

/**
 * A shortest path over the relationships with a citation of one of these bases (and, without
 * undated ones, through entities something dates): a search from
 * both ends at once, one relations batch per step (the smaller side grows), so at most
 * `maxDepth` round trips. Neighbours are taken in id order, so the same graph gives the same
 * path. Refused (not answered "no path") when the search reaches more than MAX_PATH_SEARCH
 * entities.
 */
async function searchPath(
  ctx: ApiContext, fromId: string, toId: string, maxDepth: number, evidence: readonly string[], includeUndated: boolean,
): Promise<string[] | null> {
  const [from, to] = await loadEntities(ctx.loaders, [fromId, toId]).then((found) => [found.find((e) => e.id === fromId), found.find((e) => e.id === toId)]);
  if (!from || !to) return null;
  if (!includeUndated && (entityUndated(from) || entityUndated(to))) return null;
  const loader = ctx.loaders.relationsWith(evidence);
  // For each side, the entity each reached entity was reached from (null at the side's start).
  const sides = [new Map<string, string | null>([[fromId, null]]), new Map<string, string | null>([[toId, null]])] as const;
  let frontiers: [string[], string[]] = [[fromId], [toId]];
  const chain = (side: Map<string, string | null>, id: string) => {
    const out: string[] = [];
    for (let at: string | null | undefined = id; at; at = side.get(at)) out.push(at);
    return out;
  };
  for (let steps = 0; steps < maxDepth; steps++) {
    const s = frontiers[0].length <= frontiers[1].length ? 0 : 1;
    const [mine, theirs] = [sides[s], sides[1 - s]!];
    const next: string[] = [];
    const relations = await loader.loadMany(frontiers[s]);
    // Without undated entities, the step's new entities are read (one batch) and those nothing dates stepped around.
    let undated = new Set<string>();
    if (!includeUndated) {
      const reached = [...new Set(relations.flatMap((rs) => (rs instanceof Error ? [] : rs.map((r) => r.otherId))))].filter((id) => !mine.has(id));
      undated = new Set((await loadEntities(ctx.loaders, reached)).filter(entityUndated).map((e) => e.id));
    }
    for (const [i, rs] of relations.entries()) {
      if (rs instanceof Error) throw rs;
      const at = frontiers[s][i]!;
      for (const r of [...rs].sort((a, b) => (a.otherId < b.otherId ? -1 : a.otherId > b.otherId ? 1 : 0))) {
        if (mine.has(r.otherId) || undated.has(r.otherId)) continue;
        mine.set(r.otherId, at);
        if (theirs.has(r.otherId)) {
          const [a, b] = [chain(mine, r.otherId), chain(theirs, r.otherId)];
          const path = [...a.reverse(), ...b.slice(1)];
          return s === 0 ? path : path.reverse();
        }
        next.push(r.otherId);
      }
    }
    if (mine.size + theirs.size > MAX_PATH_SEARCH) {
      throw new UserInputError(`the path search reached more than ${MAX_PATH_SEARCH} entities: lower maxDepth or widen evidence`, { argument: 'maxDepth' });
    }
    frontiers = s === 0 ? [next, frontiers[1]] : [frontiers[0], next];
    if (!next.length) return null;
  }
  return null;
}
