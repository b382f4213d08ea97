/**
 * Per-request batching. Every nested field asks a loader, and a loader gathers the keys that
 * one level of the query asks for into one named query: database round trips grow with the
 * query's depth, not with the number of results. Loaders live as long as one request, so
 * nothing cached here outlives it (several replicas never disagree about a stale copy).
 */
import DataLoader from 'dataloader';
import { evidenceQueryName } from '../store/catalogue.js';
import type { Store } from '../store/port.js';
import {
  byCodePoint, ENTITY_RELATIONSHIP_TYPES, entityFromRow, relationFromRow, sourceFromRow,
  type Direction, type EntityRecord, type RelationRecord, type SourceRecord,
} from './records.js';

export interface Loaders {
  /** An entity by id, or null when no entity has it. */
  entity: DataLoader<string, EntityRecord | null>;
  /**
   * An entity's id, type and name alone, or null: its other fields read as empty. Only for
   * answers that show nothing else (see entityNamesByIds.cypher).
   */
  entityName: DataLoader<string, EntityRecord | null>;
  /** Every relationship between entities that starts or ends at an entity, seen from it. */
  relations: RelationsLoader;
  /**
   * The same, keeping only relationships with a citation of one of these bases (one loader
   * per set of bases, so a level of a query still costs one batch); all bases: `relations`.
   */
  relationsWith(evidence: readonly string[]): RelationsLoader;
  /** A source by id, or null. */
  source: DataLoader<string, SourceRecord | null>;
  /** The ids of the policies that drive a firm (see cypher/queries/firmDrivers.cypher). */
  firmDrivers: DataLoader<string, string[]>;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** From this many ids on, entitiesByManyIds (a join) beats entitiesByIds (IN) on Kùzu. */
const MANY_IDS = 50;

/**
 * The named query for a batch of distinct entity ids, by its size: one id is a primary-key
 * lookup (entityById), a few an IN test (entitiesByIds), many a join (entitiesByManyIds).
 * See the headers of those queries for the measurements.
 */
export function entityQuery(ids: readonly string[]): { name: string; params: { id: string } | { ids: string[] } } {
  if (ids.length === 1) return { name: 'entityById', params: { id: ids[0]! } };
  return { name: ids.length >= MANY_IDS ? 'entitiesByManyIds' : 'entitiesByIds', params: { ids: [...ids] } };
}

export function runEntityQuery(store: Store, ids: readonly string[]) {
  const { name, params } = entityQuery(ids);
  return store.run(name, params);
}

/**
 * The relations field's order: type, direction, the other entity's id, then start, end and
 * role (nothing first), so that two relationships of one type with one entity keep one order.
 * relationsOf's per-entity $limit keeps the first in this order (see its header).
 */
export function byRelationOrder(a: RelationRecord, b: RelationRecord): number {
  return byCodePoint(a.type, b.type) || byCodePoint(a.direction, b.direction) || byCodePoint(a.otherId, b.otherId)
    || byCodePoint(a.since ?? '', b.since ?? '') || byCodePoint(a.until ?? '', b.until ?? '') || byCodePoint(a.role ?? '', b.role ?? '');
}

/** The relationships of entities, seen from each; one batch per request level. */
export interface RelationsLoader {
  /**
   * The relationships of one entity. With `first`, the caller uses only the first `first` in
   * byRelationOrder (of those in `direction`, when given), and the list may hold only those;
   * without, all of them.
   */
  load(id: string, cut?: { first: number; direction?: Direction }): Promise<RelationRecord[]>;
  /** All the relationships of each entity (as DataLoader's loadMany: a failed batch is an Error). */
  loadMany(ids: readonly string[]): Promise<Array<RelationRecord[] | Error>>;
}

interface RelationsAsk { id: string; first: number | null; direction: Direction | null }

/**
 * A relations loader over one expansion of relationsOf (see its header). The asks of one level
 * make one batch, whatever their `first`: the batch asks for the largest `first` when every ask
 * has one and all keep to one direction (or none), for all otherwise; each ask gets its entity's list.
 */
function relationsLoader(store: Store, name: string): RelationsLoader {
  const loader = new DataLoader<RelationsAsk, RelationRecord[], string>(async (asks) => {
    const asked = unique(asks.map((a) => a.id));
    const cut = asks.every((a) => a.first !== null && a.direction === asks[0]!.direction);
    const limit = cut ? Math.max(...asks.map((a) => a.first!)) : null;
    const direction = cut ? asks[0]!.direction : null;
    // The same lists twice: see the header of cypher/queries/relationsOf.cypher.
    const rows = await store.run(name, { outIds: asked, inIds: [...asked], limit, direction });
    const byAnchor = groupBy(rows.map(relationFromRow), (r) => r.anchorId);
    // Kùzu returns every relationship whatever the limit and direction: cut here, the same on both engines.
    if (limit !== null) {
      for (const [id, list] of byAnchor) {
        byAnchor.set(id, list.filter((r) => !direction || r.direction === direction).sort(byRelationOrder).slice(0, limit));
      }
    }
    return asks.map((a) => byAnchor.get(a.id) ?? []);
  }, { cacheKeyFn: (a) => (a.first === null ? a.id : `${a.id}\u0000${a.first}\u0000${a.direction ?? ''}`) });
  return {
    load: (id, cut) => loader.load({ id, first: cut?.first ?? null, direction: cut?.direction ?? null }),
    loadMany: (ids) => loader.loadMany(ids.map((id) => ({ id, first: null, direction: null }))),
  };
}

export function createLoaders(store: Store): Loaders {
  const relations = relationsLoader(store, 'relationsOf');
  const byEvidence = new Map<string, RelationsLoader>([['relationsOf', relations]]);
  return {
    entity: new DataLoader(async (ids) => {
      const rows = await runEntityQuery(store, unique(ids));
      const byId = new Map(rows.map((r) => [r.id as string, entityFromRow(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    entityName: new DataLoader(async (ids) => {
      const rows = await store.run('entityNamesByIds', { ids: unique(ids) });
      const byId = new Map(rows.map((r) => [r.id as string, entityFromRow(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    relations,
    relationsWith(evidence) {
      const name = evidenceQueryName('relationsOf', evidence);
      let loader = byEvidence.get(name);
      if (!loader) byEvidence.set(name, (loader = relationsLoader(store, name)));
      return loader;
    },
    source: new DataLoader(async (ids) => {
      const rows = await store.run('sourcesByIds', { ids: unique(ids) });
      const byId = new Map(rows.map((r) => [r.id as string, sourceFromRow(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    firmDrivers: new DataLoader(async (ids) => {
      const rows = await store.run('firmDrivers', { ids: unique(ids) });
      const byFirm = groupBy(rows, (r) => r.firmId as string);
      return ids.map((id) => (byFirm.get(id) ?? []).map((r) => r.policyId as string));
    }),
  };
}

/**
 * Loads entities by id, leaving out the ids no entity has, in the order given; `names`: their
 * id, type and name alone (Loaders.entityName).
 */
export async function loadEntities(loaders: Loaders, ids: readonly string[], { names = false } = {}): Promise<EntityRecord[]> {
  // loadMany hands back a failed batch as Error values: rethrow rather than drop them.
  const found = await (names ? loaders.entityName : loaders.entity).loadMany(unique(ids));
  const failed = found.find((e): e is Error => e instanceof Error);
  if (failed) throw failed;
  return found.filter((e): e is EntityRecord => e !== null);
}
