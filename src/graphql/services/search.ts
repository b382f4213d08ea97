/**
 * Search: full-text hits from the engine's index, with exact matches of an id, name, Chinese
 * name or alias listed first. Two named queries, run side by side, and one entity batch.
 */
import { ENTITY_LABELS, type EntityLabel } from '../../model.js';
import { hanBigrams } from '../../search-text.js';
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
 * The words of a search text, lower case, plus the character bigrams of its Chinese runs (the
 * index holds both: see src/search-text.ts). Punctuation is dropped, so nothing in the text
 * can act as query syntax in either engine's full-text language.
 */
export function fullTextQuery(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set([...words, ...hanBigrams(text)])].join(' ');
}

export async function search(ctx: ApiContext, text: string, labels: readonly EntityLabel[], first: number): Promise<Hit[]> {
  const q = fullTextQuery(text);
  if (!q) throw new UserInputError('the search text has no letters or digits: give a word or a name to look for', { argument: 'text' });
  const exactText = text.trim().toLowerCase();
  const [ranked, exact] = await Promise.all([
    // Each label's branch returns its best `first`: enough for the merged top `first`.
    ctx.store.run('searchFullText', { q, limit: first }),
    ctx.store.run('searchExact', { text: exactText, types: [...labels] }),
  ]);
  const wanted = new Set<string>(labels);
  const scores = new Map<string, number>();
  for (const row of ranked) {
    if (!wanted.has(row.label as string)) continue;
    const id = row.id as string;
    scores.set(id, Math.max(scores.get(id) ?? 0, Number(row.score)));
  }
  const exactIds = exact.map((r) => r.id as string);
  const byScore = (a: string, b: string) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const exactSet = new Set(exactIds);
  const order = [
    ...[...exactSet].sort(byScore),
    ...[...scores.keys()].filter((id) => !exactSet.has(id)).sort(byScore),
  ].slice(0, first);
  const entities = new Map((await loadEntities(ctx.loaders, order)).map((e) => [e.id, e]));
  return order
    .filter((id) => entities.has(id))
    .map((id) => ({ score: scores.get(id) ?? 0, exact: exactSet.has(id), entity: entities.get(id)! }));
}

export const ALL_LABELS: readonly EntityLabel[] = ENTITY_LABELS;
