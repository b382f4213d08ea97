/**
 * How often a reading of a relation was right, learned from documents whose relations were
 * curated: for each way a relation is read (a trigger, two names in one sentence, in one
 * paragraph), its type, the labels of its ends and whether the names stand near each other,
 * how many such readings were proposed and how many the curators recorded. The confidence of
 * a new reading is that rate, smoothed towards the rule's own confidence and backed off to a
 * coarser key where the fine one was seen too rarely. A Firm and a Sector in one sentence are
 * an OPERATES_IN more often than a Policy and a Region in one paragraph are an APPLIES_TO, and
 * the counts say by how much.
 *
 * The table shipped with the code (relation-priors.ts) is learned from the five source
 * documents by `npm run eval:ingest -- --write-priors`; the evaluation itself learns a table
 * per held-out document from the other four only.
 */
import type { Relation } from './relations.js';

export interface Count { n: number; right: number }
export type RelationPriors = Record<string, Count>;

/** Readings seen fewer times than this use the coarser key. */
const MIN_SEEN = 3;
/** Weight of the rule's own confidence, in readings. */
const SMOOTHING = 2;
/** Readings under this confidence are not proposed when a table weighs them: too many, too rarely right. */
export const PRIOR_FLOOR = 0.12;
/**
 * Names standing together, however often right elsewhere, rank under any trigger: on a held-out
 * document their best rates came true about a third of the time, a trigger's three times in four.
 */
const COOCCURRENCE_CAP = 0.45;

function keysOf(r: Relation): string[] {
  const h = r.how;
  if (!h) return [];
  return [
    `${h.kind}|${r.type}|${h.fromLabel}>${h.toLabel}|${h.near ? 'near' : 'far'}|${h.adjacent ? 'adjacent' : 'apart'}`,
    `${h.kind}|${r.type}|${h.fromLabel}>${h.toLabel}|${h.near ? 'near' : 'far'}`,
    `${h.kind}|${r.type}|${h.fromLabel}>${h.toLabel}`,
    `${h.kind}|${r.type}`,
  ];
}

/** Counts from proposals and the keys (`from|TYPE|to`) of the relations curated for the same document. */
export function learnPriors(examples: { relations: Relation[]; truth: Set<string> }[]): RelationPriors {
  const out: RelationPriors = {};
  for (const { relations, truth } of examples) {
    for (const r of relations) {
      const right = truth.has(`${r.from}|${r.type}|${r.to}`) ? 1 : 0;
      for (const key of keysOf(r)) {
        const c = (out[key] ??= { n: 0, right: 0 });
        c.n++;
        c.right += right;
      }
    }
  }
  return out;
}

/** The rate of the finest key seen often enough, smoothed towards the reading's own confidence. */
export function weigh(r: Relation, priors: RelationPriors): number {
  // A trigger's words are evidence of their own: its rule's confidence stands (too few of each
  // rule are curated to learn a rate from).
  if (r.how?.kind === 'trigger') return r.confidence;
  for (const key of keysOf(r)) {
    const c = priors[key];
    if (c && c.n >= MIN_SEEN) return Math.min(COOCCURRENCE_CAP, Math.round(((c.right + SMOOTHING * r.confidence) / (c.n + SMOOTHING)) * 100) / 100);
  }
  // Never seen: a trigger keeps its own word; a mere co-occurrence drops below the floor.
  return Math.min(r.confidence, PRIOR_FLOOR / 2);
}

