/** Proposed ids for new records: a slug of the English name, or of the pinyin of a Chinese one. */
import { pinyin } from 'pinyin-pro';
import { isCjk } from './normalize.js';

export function slugOf(name: string): string {
  const latin = [...name].some(isCjk) ? pinyin(name, { toneType: 'none', nonZh: 'consecutive', separator: ' ' }) : name;
  const slug = latin
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, 's')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Long names make long ids: keep whole words up to about 60 characters.
  if (slug.length <= 60) return slug || 'entity';
  return slug.slice(0, 61).replace(/-[^-]*$/, '');
}

/** A slug not in `taken` (adds -2, -3 … when needed), and remembers it. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
