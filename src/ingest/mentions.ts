/**
 * Finds the known entities a document names, by name, alias or Chinese name, in the matching
 * form of normalize.ts. Every form goes into one hash map keyed by its matching key; the scan
 * tries, at each word start, the keys ending at each following word end within the longest
 * name's reach (every character is a word boundary in Chinese). A dictionary lookup is all
 * this needs, which is why there is no Chinese word segmenter here: the names are known, and
 * a segmenter would only add ways to cut a known name in two. Overlaps resolve leftmost-longest.
 */
import type { Label } from '../model.js';
import type { KnownEntity } from './known.js';
import { isAcronym, keyOf, normalize, type Normalized } from './normalize.js';

type Form = 'name' | 'nameZh' | 'alias' | 'derived';
const FORM_SCORE: Record<Form, number> = { name: 3, nameZh: 3, alias: 2, derived: 1 };

interface Entry {
  entity: KnownEntity;
  form: Form;
  /** For acronyms: the letters and digits exactly as written, matched case-sensitively. */
  exact?: string;
  /** For names with a symbol that matching drops ("Internet+"): the name without spaces, lower case. */
  symbolic?: string;
}

export interface EntityIndex {
  byKey: Map<string, Entry[]>;
  byId: Map<string, KnownEntity>;
  longest: number;
}

const PRC_ZH = /^中华人民共和国/;
const PRC_EN = /\s+of the People['’]s Republic of China$/i;

/**
 * A sector is named by its stem and any word for "the businesses of it": "cybersecurity market"
 * is also "cybersecurity firms", "secure cloud services" also "secure cloud providers". The
 * variants are derived forms, indexed only where no other entity has the same key.
 */
const SECTOR_HEADS = [['industry', 'industries', 'sector', 'market', 'firms', 'companies', 'enterprises'], ['services', 'providers', 'products', 'vendors']];
/** Stems too general to name one sector on their own ("security firms" may be any of several). */
const GENERAL_STEMS = new Set(['security', 'service', 'services', 'it', 'technology']);

function sectorVariants(e: KnownEntity): string[] {
  if (e.label !== 'Sector') return [];
  const out: string[] = [];
  for (const form of [e.name, ...e.aliases]) {
    const m = /^(.+?)\s+(\S+)$/.exec(form);
    if (!m || GENERAL_STEMS.has(m[1]!.toLowerCase())) continue;
    const heads = SECTOR_HEADS.find((group) => group.includes(m[2]!.toLowerCase()));
    if (heads) for (const h of heads) if (h !== m[2]!.toLowerCase()) out.push(`${m[1]} ${h}`);
  }
  return out;
}

function formsOf(e: KnownEntity): [string, Form][] {
  const forms: [string, Form][] = [[e.name, 'name'], ...e.aliases.map((a): [string, Form] => [a, 'alias'])];
  if (e.nameZh) {
    forms.push([e.nameZh, 'nameZh']);
    const bare = e.nameZh.replace(/[《》]/g, '');
    if (PRC_ZH.test(bare) && bare.length > 9) forms.push([bare.replace(PRC_ZH, ''), 'derived']);
  }
  if (PRC_EN.test(e.name)) forms.push([e.name.replace(PRC_EN, ''), 'derived']);
  return forms;
}

const exactLetters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');

export function buildIndex(entities: KnownEntity[]): EntityIndex {
  const byKey = new Map<string, Entry[]>();
  const byId = new Map<string, KnownEntity>();
  let longest = 0;
  const variants: [KnownEntity, string][] = [];
  for (const entity of entities) {
    byId.set(entity.id, entity);
    for (const v of sectorVariants(entity)) variants.push([entity, v]);
    for (const [text, form] of formsOf(entity)) {
      const key = keyOf(text);
      // One letter, or one Chinese character, names nothing reliably.
      if (key.length < 2) continue;
      const entry: Entry = {
        entity, form, exact: isAcronym(text) ? exactLetters(text) : undefined,
        symbolic: /[+#@&*]/.test(text) ? text.replace(/\s+/g, '').toLowerCase() : undefined,
      };
      const list = byKey.get(key);
      if (!list) byKey.set(key, [entry]);
      else if (!list.some((x) => x.entity.id === entity.id)) list.push(entry);
      else {
        const same = list.find((x) => x.entity.id === entity.id)!;
        if (FORM_SCORE[form] > FORM_SCORE[same.form]) Object.assign(same, entry);
      }
      longest = Math.max(longest, key.length);
    }
  }
  for (const [entity, text] of variants) {
    const key = keyOf(text);
    if (byKey.has(key)) continue;
    byKey.set(key, [{ entity, form: 'derived' }]);
    longest = Math.max(longest, key.length);
  }
  return { byKey, byId, longest: Math.min(longest, 160) };
}

export interface Mention {
  entityId: string;
  label: Label;
  text: string;
  paragraph: number;
  start: number;
  end: number;
  /** When the name fits more than one entity: every one, best first, with its score. */
  ranked?: { entityId: string; score: number }[];
}

interface RawMatch { start: number; end: number; entries: Entry[] }

function scan(norm: Normalized, original: string, index: EntityIndex, exclude?: string): RawMatch[] {
  const out: RawMatch[] = [];
  const n = norm.text.length;
  // Where words end, in order: the keys tried at a start are the ones ending at these.
  const wordEnds: number[] = [];
  for (let k = 0; k < n; k++) if (norm.ends[k]) wordEnds.push(k + 1);
  let firstEnd = 0;
  let i = 0;
  let reach = 0;
  while (i < n) {
    if (!norm.starts[i]) {
      i++;
      continue;
    }
    let best: { j: number; entries: Entry[] } | undefined;
    const limit = Math.min(n, i + index.longest);
    while (firstEnd < wordEnds.length && wordEnds[firstEnd]! <= i) firstEnd++;
    for (let e = firstEnd; e < wordEnds.length && wordEnds[e]! <= limit; e++) {
      const j = wordEnds[e]!;
      const entries = index.byKey.get(norm.text.slice(i, j));
      if (!entries) continue;
      const from = norm.at[i]!;
      const to = norm.at[j - 1]! + 1;
      // "US$" is a currency, not the United States.
      if (original[to] === '$') continue;
      const written = exactLetters(original.slice(from, to));
      const fitting = entries.filter((e) => e.entity.id !== exclude && (!e.exact || e.exact === written) &&
        (!e.symbolic || original.slice(from, to + 3).replace(/\s+/g, '').toLowerCase().startsWith(e.symbolic)));
      if (fitting.length) best = { j, entries: fitting };
    }
    // Overlapping names are both found when the second reaches further ("industrial Internet
    // security service" names the sector and the service); a name inside another is not.
    if (best && best.j > reach) {
      out.push({ start: norm.at[i]!, end: norm.at[best.j - 1]! + 1, entries: best.entries });
      reach = best.j;
    }
    i++;
  }
  return out;
}

/**
 * Mentions in the whole text; `paragraphOf` maps an offset to its paragraph number. `exclude`
 * leaves one entity out: the names inside that entity's own name.
 */
/** Between two items of a list: a comma or "and", perhaps over an item or two that are not known names. */
const LIST_GAP = /^\s*(?:[,、;]\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)(?:[\p{Ll}-]+(?:\s+[\p{Ll}-]+)?\s*[,、;]\s*(?:(?:and|or)\s+)?){0,3}$/u;

export function findMentions(text: string, index: EntityIndex, paragraphOf: (offset: number) => number, exclude?: string): Mention[] {
  const raw = scan(normalize(text), text, index, exclude);
  // Context for ranking: the entities named without ambiguity anywhere in the document.
  const sure = new Set(raw.filter((m) => m.entries.length === 1).map((m) => m.entries[0]!.entity.id));
  // A one-word alias written in lower case ("defense", "global", "automation") is a common word
  // more often than a name: it counts only for an entity the document also names otherwise.
  // A sector's one-word alias in capitals after "of" or another capitalised word is a word of
  // another name ("Department of Defense"): no surer.
  const weak = (m: RawMatch) => {
    if (!m.entries.every((e) => e.form === 'alias' || e.form === 'derived')) return false;
    const written = text.slice(m.start, m.end).replace(/-\s*\n\s*/g, '');
    return /^\p{Ll}+$/u.test(written) || (/^\p{Lu}\p{Ll}+$/u.test(written) && m.entries.every((e) => e.entity.label === 'Sector') &&
      /(?:\bof(?:\s+the)?|\p{Lu}[\p{L}-]*)\s+$/u.test(text.slice(Math.max(0, m.start - 40), m.start)));
  };
  // Or where it is an item of a list of names of its kind ("energy, communications, chemistry").
  const named = new Set(raw.filter((m) => !weak(m)).flatMap((m) => m.entries.map((e) => e.entity.id)));
  const listed = (a: RawMatch | undefined, b: RawMatch | undefined) => !!a && !!b && LIST_GAP.test(text.slice(a.end, b.start)) &&
    a.entries.some((x) => b.entries.some((y) => x.entity.label === y.entity.label));
  // "air transport": a word in front makes it part of a longer name, not the item itself.
  const modified = (m: RawMatch) => /(?<!\band|\bor)\s\p{Ll}+\s+$/u.test(text.slice(Math.max(0, m.start - 30), m.start));
  // Neighbours in a list are looked for among the matches that are not themselves words of a longer phrase.
  const pool = raw.filter((m) => !(weak(m) && modified(m)));
  const kept = pool.filter((m, i) => !weak(m) || m.entries.some((e) => named.has(e.entity.id)) || listed(pool[i - 1], m) || listed(m, pool[i + 1]));
  return kept.map((m) => {
    const scored = m.entries
      .map((e) => ({
        entityId: e.entity.id,
        label: e.entity.label,
        score: Math.round((FORM_SCORE[e.form] + 2 * e.entity.related.filter((r) => sure.has(r)).length + 0.5 * Math.log1p(e.entity.citations)) * 100) / 100,
      }))
      .sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId));
    const top = scored[0]!;
    return {
      entityId: top.entityId, label: top.label, text: text.slice(m.start, m.end), paragraph: paragraphOf(m.start), start: m.start, end: m.end,
      ...(scored.length > 1 ? { ranked: scored.map(({ entityId, score }) => ({ entityId, score })) } : {}),
    };
  });
}
