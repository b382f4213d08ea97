/**
 * The words of full-text search, the same on both engines and on both sides (what is indexed,
 * what is asked). A word is a run of letters, in lower case; digits and punctuation separate
 * words and are not searched; single Latin letters and the words of STOPWORDS are left out.
 * Both engines split words on spaces and punctuation, which leaves a Chinese name as one long
 * word; its character bigrams are added (数据安全法 → 数据 据安 安全 全法) so that a search for
 * 安全 or 数据安全 finds it.
 *
 * The index text (`searchText`) is these words joined by spaces, so that each engine's own
 * tokenizer sees nothing it could split or join differently; the ranking is ours
 * (src/graphql/services/search.ts), so the engines' scores never reach a client.
 */
import { STOPWORDS } from './search-stopwords.js';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const HAN_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;

export function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(HAN) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** The distinct search words of a text, in order of first appearance. */
export function searchWords(text: string): string[] {
  const words = text.toLowerCase().split(/[^\p{L}]+/u)
    .filter((w) => w !== '' && (w.length > 1 || HAN_CHAR.test(w)) && !STOPWORDS.has(w));
  return [...new Set([...words, ...hanBigrams(text)])];
}

/** The text the full-text indexes hold for an entity: the search words of all its parts. */
export function searchText(parts: unknown[]): string {
  const texts = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return searchWords(texts.join('\n')).join(' ');
}
