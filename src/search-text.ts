/**
 * Text for the full-text indexes. Both engines split words on spaces and punctuation, which
 * leaves a Chinese name as one long token; adding its character bigrams (数据安全法 →
 * 数据 据安 安全 全法) lets a search for 安全 or 数据安全 find it. Queries get the same
 * treatment, so the two sides meet.
 */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

export function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(HAN) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

export function searchText(parts: unknown[]): string {
  const texts = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const bigrams = texts.flatMap(hanBigrams);
  return [...texts, ...bigrams].join(' \n ');
}
