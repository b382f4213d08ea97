/**
 * One document of the leave-one-source-out evaluation of `graph ingest`: the graph without
 * what only that document supports (and without whatever else the caller withholds), the
 * document ingested against it, its candidates matched to the records they would become,
 * and the relations curated from it that the document STATES. Used by eval-ingest.ts both to
 * score a held-out document and to learn the relation priors from the others.
 */
import type { Label } from '../../src/model.js';
import { knownFromSeeds } from '../../src/ingest/known.js';
import { keyOf } from '../../src/ingest/normalize.js';
import type { RelationPriors } from '../../src/ingest/priors.js';
import { propose, type Proposals } from '../../src/ingest/propose.js';
import type { SeedRecord } from '../../src/seeds/read.js';

const STOP = new Set(['the', 'of', 'and', 'for', 'in', 'on', 'to', 'a', 'an', 's', 'people', 'republic', 'china']);

function words(s: string): Set<string> {
  // Singular and plural count as one word ("Academy of Science" names the "Academy of Sciences").
  return new Set(s.toLowerCase().replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w && !STOP.has(w)).map((w) => w.replace(/(?<=\w{3})s$/, '')));
}

/** 1 for the same name, the share of words in common otherwise (0.6 or more counts as a match). */
function similarity(a: string, b: string): number {
  if (keyOf(a) === keyOf(b)) return 1;
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  const common = [...x].filter((w) => y.has(w)).length;
  return common / new Set([...x, ...y]).size;
}

export const namesOf = (r: SeedRecord) => [r.data.name, r.data.nameZh, ...((r.data.aliases as string[]) ?? [])].filter((n): n is string => typeof n === 'string');
export const citesOf = (value: unknown) => (Array.isArray(value) ? (value as { source?: string }[]).map((c) => String(c?.source)) : []);
/** Whether a citation list says the source STATES it (not merely that it can be inferred from it). */
export const statedIn = (value: unknown, source: string) => Array.isArray(value) && (value as { source?: string; basis?: string }[]).some((c) => c?.source === source && c?.basis === 'STATED');

/** Records (not sources) every citation of which names this source. */
export function onlyFrom(all: SeedRecord[], sourceId: string): Set<string> {
  const out = new Set<string>();
  for (const r of all) {
    const own = new Set(citesOf(r.data.cite));
    if (r.label !== 'Source' && own.size > 0 && [...own].every((s) => s === sourceId)) out.add(String(r.data.id));
  }
  return out;
}

export interface Fold {
  text: string;
  p: Proposals;
  removed: SeedRecord[];
  /** Candidate id → the removed record it would become. */
  candidateTruth: Map<string, string>;
  resolve: (id: string | null) => string | null;
  /** `from|TYPE|to` of every relation curated from the document with a STATED citation of it. */
  truthRelations: Set<string>;
  /** How many curated relations cite the document only as INFERRED. */
  inferredRelations: number;
}

export interface FoldOptions {
  written: number | null;
  /** Ids withheld besides the document's own (the held-out document's, while learning from another). */
  withhold?: Set<string>;
  priors?: RelationPriors | null;
  unweighted?: boolean;
}

export function runFold(sourceId: string, text: string, all: SeedRecord[], options: FoldOptions): Fold {
  const removedIds = onlyFrom(all, sourceId);
  const removed = all.filter((r) => removedIds.has(String(r.data.id)));
  const remaining = all.filter((r) => !removedIds.has(String(r.data.id)) && !options.withhold?.has(String(r.data.id)) && r.data.id !== sourceId);
  const p = propose(text, knownFromSeeds(remaining), {
    source: sourceId, writtenYear: options.written, takenIds: remaining.map((r) => String(r.data.id)),
    priors: options.priors, unweighted: options.unweighted,
  });
  const candidateTruth = new Map<string, string>();
  for (const c of p.candidates) {
    let best: { id: string; score: number } | undefined;
    for (const r of removed) {
      const score = Math.max(...namesOf(r).map((n) => similarity(c.name, n)));
      if (score >= 0.6 && score > (best?.score ?? 0)) best = { id: String(r.data.id), score };
    }
    if (best) candidateTruth.set(c.id, best.id);
  }
  const truthRelations = new Set<string>();
  let inferredRelations = 0;
  for (const r of all) {
    const rels = Array.isArray(r.data.relations) ? (r.data.relations as { type?: string; to?: string; cite?: unknown }[]) : [];
    for (const rel of rels) {
      if (!citesOf(rel.cite).includes(sourceId)) continue;
      if (statedIn(rel.cite, sourceId)) truthRelations.add(`${r.data.id}|${rel.type}|${rel.to}`);
      else inferredRelations++;
    }
  }
  const resolve = (id: string | null) => (id === null ? null : candidateTruth.get(id) ?? id);
  return { text, p, removed, candidateTruth, resolve, truthRelations, inferredRelations };
}

export type { Label };
