/**
 * "Which policies drive firms of this sector": one named query gives every (policy, sector
 * it acts on, firm, firm's sector, SUBSECTOR_OF steps between) link; here they are grouped
 * into one driver per policy and path shape, and all policies and firms are loaded in one batch.
 */
import type { ApiContext } from '../context.js';
import { loadEntities } from '../loaders.js';
import { primaryDate, type EntityRecord } from '../records.js';

export interface DriverRecord {
  policy: EntityRecord;
  firms: EntityRecord[];
  via: string[];
  sectors: EntityRecord[];
}

interface Group { policyId: string; via: string[]; firmIds: Set<string>; sectorIds: Set<string> }

/** The relationship path from a policy to firms: PROMOTES, SUBSECTOR_OF × hops, OPERATES_IN. */
export function viaPath(type: string, hops: number | null): string[] {
  if (hops === null) return [type];
  return [type, ...Array<string>(hops).fill('SUBSECTOR_OF'), 'OPERATES_IN'];
}

const byName = (a: EntityRecord, b: EntityRecord) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function policyDrivers(ctx: ApiContext, sectorId: string, includeSubsectors: boolean): Promise<DriverRecord[]> {
  const rows = await ctx.store.run('policyDrivers', { sectorId, includeSubsectors });
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const firmId = (row.firmId as string | null) ?? null;
    const via = viaPath(row.type as string, firmId === null ? null : Number(row.hops));
    const key = `${row.policyId}|${via.join('>')}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { policyId: row.policyId as string, via, firmIds: new Set(), sectorIds: new Set() }));
    if (firmId) group.firmIds.add(firmId);
    group.sectorIds.add(row.policySectorId as string);
  }
  // A policy linked to firms along some path needs no separate firm-less entry for the same
  // relationship type: that entry only says "it acts on a sector", which the path says too.
  const linked = new Set([...groups.values()].filter((g) => g.firmIds.size).map((g) => `${g.policyId}|${g.via[0]}`));
  const kept = [...groups.values()].filter((g) => g.firmIds.size || !linked.has(`${g.policyId}|${g.via[0]}`));
  const ids = kept.flatMap((g) => [g.policyId, ...g.firmIds, ...g.sectorIds]);
  const entities = new Map((await loadEntities(ctx.loaders, ids)).map((e) => [e.id, e]));
  const pick = (set: Iterable<string>) => [...set].map((id) => entities.get(id)).filter((e): e is EntityRecord => !!e).sort(byName);
  const drivers = kept
    .filter((g) => entities.has(g.policyId))
    .map((g) => ({ policy: entities.get(g.policyId)!, firms: pick(g.firmIds), via: g.via, sectors: pick(g.sectorIds) }));
  // Oldest policy first (undated last), then by name; within a policy the shortest path first.
  const dateOf = (e: EntityRecord) => primaryDate(e)?.date ?? '9999-12-31';
  return drivers.sort((a, b) =>
    dateOf(a.policy).localeCompare(dateOf(b.policy)) || byName(a.policy, b.policy) || a.via.length - b.via.length || a.via.join().localeCompare(b.via.join()));
}
