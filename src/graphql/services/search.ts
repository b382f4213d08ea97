/**
 * Search: the engine's full-text index finds the candidates, and our own formula ranks them,
 * so that both engines give the same hits in the same order (their full-text scores differ:
 * Kùzu's BM25 over stemmed words, Lucene's over its own tokens).
 *
 * The words of the search text (src/search-text.ts) are looked up in the index; a candidate is
 * a hit when at least one of those words is a word of its name, Chinese name, an alias or its
 * description. Its score is the share of the search's words it holds, each word weighted by
 * where it is found: 3 in the name or Chinese name, 2 in an alias, 1 in the description only,
 * divided by 3 × the number of words (1: every word is in the name). Exact matches of an id,
 * name, Chinese name or alias come first; then higher scores; among equal scores, the entity
 * whose name is mostly the search (the larger share of its name's words searched for), then
 * the smaller id. docs/API.md documents this order.
 */
import { ENTITY_LABELS, type EntityLabel } from '../../model.js';
import { searchWords } from '../../search-text.js';
import { exactSearchKey } from '../../seeds/derived.js';
import type { Row } from '../../store/port.js';
import type { ApiContext } from '../context.js';
import { UserInputError } from '../errors.js';
import { loadEntities } from '../loaders.js';
import type { EntityRecord } from '../records.js';

export interface Hit {
  score: number;
  exact: boolean;
  entity: EntityRecord;
}

/**
 * At most this many full-text candidates of each kind of entity are ranked. Under it, the
 * answer is the same on both engines; over it (a very common word on a large graph), which
 * candidates are ranked is the engine's choice.
 */
export const SEARCH_CANDIDATES = 500;

/** At most this many words of a search text are looked up (Lucene refuses very long queries). */
export const SEARCH_WORDS = 32;

const WEIGHT = { name: 3, alias: 2, description: 1 } as const;

/** The full-text query: the search words, space separated, nothing that could be syntax. */
export function fullTextQuery(text: string): string {
  return searchWords(text).slice(0, SEARCH_WORDS).join(' ');
}

interface Ranked { id: string; score: number; nameShare: number }

/** Our score of one candidate row (id, name, nameZh, aliases, description) for these words. */
export function rankCandidate(row: Row, words: readonly string[]): Ranked | null {
  const nameWords = new Set([...searchWords(String(row.name ?? '')), ...searchWords(String(row.nameZh ?? ''))]);
  const aliasWords = new Set(((row.aliases as string[] | null) ?? []).flatMap((a) => searchWords(a)));
  const descriptionWords = new Set(searchWords(String(row.description ?? '')));
  let weight = 0;
  let inName = 0;
  for (const word of words) {
    if (nameWords.has(word)) {
      weight += WEIGHT.name;
      inName++;
    } else if (aliasWords.has(word)) weight += WEIGHT.alias;
    else if (descriptionWords.has(word)) weight += WEIGHT.description;
  }
  if (weight === 0) return null;
  return { id: String(row.id), score: weight / (WEIGHT.name * words.length), nameShare: nameWords.size ? inName / nameWords.size : 0 };
}

const byRank = (a: Ranked, b: Ranked) => b.score - a.score || b.nameShare - a.nameShare || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function search(ctx: ApiContext, text: string, labels: readonly EntityLabel[], first: number): Promise<Hit[]> {
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new UserInputError('the search text has no letters or digits: give a word or a name to look for', { argument: 'text' });
  }
  const words = searchWords(text).slice(0, SEARCH_WORDS);
  const key = exactSearchKey(text);
  const [candidates, exact] = await Promise.all([
    // Digits, single letters and common words only: nothing to look up, but still an exact match.
    words.length ? ctx.store.run('searchFullText', { q: words.join(' '), limit: SEARCH_CANDIDATES }) : Promise.resolve([]),
    key ? ctx.store.run('searchExact', { key, types: [...labels] }) : Promise.resolve([]),
  ]);
  const wanted = new Set<string>(labels);
  const ranked = new Map<string, Ranked>();
  for (const row of candidates) {
    if (!wanted.has(row.label as string)) continue;
    const rank = rankCandidate(row, words);
    if (rank) ranked.set(rank.id, rank);
  }
  const exactSet = new Set(exact.map((r) => r.id as string));
  const rankOf = (id: string): Ranked => ranked.get(id) ?? { id, score: 0, nameShare: 0 };
  const order = [
    ...[...exactSet].map(rankOf).sort(byRank),
    ...[...ranked.values()].filter((r) => !exactSet.has(r.id)).sort(byRank),
  ].slice(0, first);
  const entities = new Map((await loadEntities(ctx.loaders, order.map((r) => r.id))).map((e) => [e.id, e]));
  return order
    .filter((r) => entities.has(r.id))
    .map((r) => ({ score: r.score, exact: exactSet.has(r.id), entity: entities.get(r.id)! }));
}

export const ALL_LABELS: readonly EntityLabel[] = ENTITY_LABELS;
