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
  ENTITY_RELATIONSHIP_TYPES, entityFromRow, relationFromRow, sourceFromRow,
  type EntityRecord, type RelationRecord, type SourceRecord,
} from './records.js';

export interface Loaders {
  /** An entity by id, or null when no entity has it. */
  entity: DataLoader<string, EntityRecord | null>;
  /** Every relationship between entities that starts or ends at an entity, seen from it. */
  relations: DataLoader<string, RelationRecord[]>;
  /**
   * The same, keeping only relationships with a citation of one of these bases (one loader
   * per set of bases, so a level of a query still costs one batch); all bases: `relations`.
   */
  relationsWith(evidence: readonly string[]): DataLoader<string, RelationRecord[]>;
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

/** A relations loader over one expansion of relationsOf (see its header). */
function relationsLoader(store: Store, name: string): DataLoader<string, RelationRecord[]> {
  return new DataLoader(async (ids) => {
    const asked = unique(ids);
    // The same lists twice: see the header of cypher/queries/relationsOf.cypher.
    const rows = await store.run(name, { outIds: asked, inIds: [...asked] });
    const byAnchor = groupBy(rows.map(relationFromRow), (r) => r.anchorId);
    return ids.map((id) => byAnchor.get(id) ?? []);
  });
}

export function createLoaders(store: Store): Loaders {
  const relations = relationsLoader(store, 'relationsOf');
  const byEvidence = new Map<string, DataLoader<string, RelationRecord[]>>([['relationsOf', relations]]);
  return {
    entity: new DataLoader(async (ids) => {
      const rows = await runEntityQuery(store, unique(ids));
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

/** Loads entities by id, leaving out the ids no entity has, in the order given. */
export async function loadEntities(loaders: Loaders, ids: readonly string[]): Promise<EntityRecord[]> {
  // loadMany hands back a failed batch as Error values: rethrow rather than drop them.
  const found = await loaders.entity.loadMany(unique(ids));
  const failed = found.find((e): e is Error => e instanceof Error);
  if (failed) throw failed;
  return found.filter((e): e is EntityRecord => e !== null);
}
