/**
 * Names of things the graph does not know yet: capitalised English phrases whose head word
 * says what they are (…Law, …Plan, Ministry of …, … Co., Ltd., … Conference), GB and GB/T
 * standard numbers, firms named in "firms like A, B and C" or "security giant X", people
 * after a title ("Premier Li Keqiang") or before one ("Zhang Ying, vice director of …"), and
 * Chinese names ending in 法, 条例, 办法, 规划, 委员会, 局 … or in 《title marks》. Each gets a
 * proposed label, kind and id. Phrases that are names the graph already has are left to the
 * mention finder.
 */
import type { Label } from '../model.js';
import { slugOf } from './ids.js';
import { keyOf } from './normalize.js';
import { CHINESE_BREAKS, CHINESE_SUFFIXES, ENGLISH_HEADS, FIRM_NOUNS, TITLES, type Shape } from './shapes.js';

export interface Candidate {
  name: string;
  label: Label;
  kind?: string;
  id: string;
  paragraph: number;
  start: number;
  end: number;
  /** An abbreviation given in brackets right after the name: "(CISA)". */
  alias?: string;
  /** Found as an item of a list ("firms like A, B and C"): its bounds are surer than a phrase's. */
  listed?: boolean;
  /** Named inside a longer name ("Office of the Central Leading Group …"): kept beside it. */
  nested?: boolean;
}

interface Token { text: string; start: number; end: number }

const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'in', 'the', 'to', 'with', '&', 'during', 'against', 'de', 'du', 'des', 'der', 'für', 'und', 'about', 'under', 'by', 'at']);
const LEADING_NOISE = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'from', 'since', 'as', 'to', 'with', 'this', 'these', 'that',
  'those', 'its', 'their', 'our', 'his', 'her', 'according', 'meanwhile', 'moreover', 'furthermore', 'however', 'also', 'both', 'each',
  'all', 'some', 'many', 'major', 'and', 'or', 'but', 'while', 'after', 'before', 'under', 'through', 'during', 'among', 'between',
  'until', 'when', 'where', 'which', 'who', 'what', 'it', 'they', 'we', 'he', 'she', 'if', 'then', 'thus', 'therefore', 'currently',
  'first', 'second', 'third', 'fourth', 'finally', 'together', 'based', 'new', 'local', 'national', 'other', 'several', 'various',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'spring', 'summer', 'autumn', 'winter', 'early', 'late', 'mid', 'end', 'of', 'relevant', 'such', 'several', 'one', 'two', 'key']);
const COMPANY_DOT = new Set(['co', 'ltd', 'inc', 'corp']);
const AGENCY_LIST_HEADS = new Set(['ministry', 'department', 'committee', 'commission', 'office', 'bureau', 'agency', 'association']);

const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.&\u200b-]*[\p{L}\p{N}])?|\S/gu;

function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (const m of text.slice(from, to).matchAll(TOKEN)) out.push({ text: m[0], start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

const isCap = (t: string) => /^\p{Lu}/u.test(t) || /^\d+(?:st|nd|rd|th)$/.test(t) || /^\d+(?:\.\d+)?[A-Z]?$/.test(t);
const clean = (s: string) => s.replace(/\u200b+/g, '').replace(/\s+/g, ' ').trim();

function headOf(words: string[]): { shape: Shape; at: number } | undefined {
  let found: Shape | undefined;
  let at = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.toLowerCase().replace(/\u200b/g, '');
    const pair = i > 0 ? `${words[i - 1]!.toLowerCase()} ${w}` : '';
    for (const [head, shape] of ENGLISH_HEADS) {
      if (head === w || head === pair) {
        // "Office of the … Leading Group", "Plan for … Period": a head followed by of, for or on
        // is the head of the whole phrase.
        if (/^(?:of|for|on)$/i.test(words[i + 1] ?? '')) return { shape, at: i };
        // Otherwise the last head decides ("Cyber Resilience Measures").
        if (i >= at) {
          found = shape;
          at = i;
        }
        break;
      }
    }
  }
  return found ? { shape: found, at } : undefined;
}

interface Span { start: number; end: number; words: Token[] }

/** Maximal runs of capitalised words, with lower-case connectors inside, "(Draft)" and "Co., Ltd.". */
function capitalisedSpans(text: string, toks: Token[]): Span[] {
  const spans: Span[] = [];
  let cur: Token[] = [];
  const flush = () => {
    while (cur.length && !isCap(cur[cur.length - 1]!.text) && cur[cur.length - 1]!.text !== ')' && cur[cur.length - 1]!.text !== '.') cur.pop();
    if (cur.length) spans.push({ start: cur[0]!.start, end: cur[cur.length - 1]!.end, words: cur.filter((t) => /[\p{L}\p{N}]/u.test(t.text)) });
    cur = [];
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = cur[cur.length - 1];
    // A name goes on over a line break only in wrapped text: after a short line (a byline, a
    // heading) the next line starts something else.
    if (prev && text.slice(prev.end, t.start).includes('\n') && prev.end - (text.lastIndexOf('\n', prev.end - 1) + 1) < 50) flush();
    if (isCap(t.text)) cur.push(t);
    else if (t.text === 'and' && toks[i + 1]?.text === 'the') flush();
    else if (cur.length && CONNECTORS.has(t.text.toLowerCase())) cur.push(t);
    else if (cur.length && t.text === '(' && toks[i + 2]?.text === ')' && /^(?:Draft|draft|Trial|trial)$/.test(toks[i + 1]!.text)) {
      cur.push(t, toks[i + 1]!, toks[i + 2]!);
      i += 2;
    // "Changyang Technology (Beijing) Co., Ltd.": the seat in brackets inside a firm's name.
    } else if (cur.length && t.text === '(' && toks[i + 2]?.text === ')' && isCap(toks[i + 1]!.text) && COMPANY_DOT.has(toks[i + 3]?.text.toLowerCase() ?? '')) {
      cur.push(t, toks[i + 1]!, toks[i + 2]!);
      i += 2;
    } else if (cur.length && t.text === '.' && COMPANY_DOT.has(prev!.text.toLowerCase())) {
      cur.push(t);
      // "Co., Ltd." goes on; "… Co. These …" is a new sentence.
      if (toks[i + 1]?.text !== ',' && !/^(?:Ltd|Inc|LLC)$/.test(toks[i + 1]?.text ?? '')) flush();
    }
    // "A and the B" joins two names, not one.
    else if (t.text === 'and' && toks[i + 1]?.text === 'the') flush();
    // "Ministry of Economy, Trade and Industry": a body's name may list its fields with commas.
    else if (cur.length && t.text === ',' && cur.some((w) => AGENCY_LIST_HEADS.has(w.text.toLowerCase())) && isCap(toks[i + 1]?.text ?? '') &&
      toks[i + 2]?.text === 'and' && isCap(toks[i + 3]?.text ?? '')) cur.push(t);
    // "Co., Ltd.": the comma after "Co" or "Co." goes on to "Ltd".
    else if (cur.length && t.text === ',' && /^(?:Ltd|Inc|LLC)$/.test(toks[i + 1]?.text ?? '') &&
      (COMPANY_DOT.has(prev!.text.toLowerCase()) || (prev!.text === '.' && COMPANY_DOT.has(cur[cur.length - 2]?.text.toLowerCase() ?? '')))) cur.push(t);
    else flush();
  }
  flush();
  return spans;
}

/** Drops sentence-initial words, months, years and possessives that are not part of the name. */
function trimSpan(text: string, s: Span): Span | undefined {
  let words = s.words;
  while (words.length && (LEADING_NOISE.has(words[0]!.text.toLowerCase()) || /^\d{4}$/.test(words[0]!.text) || /['’]s$/.test(words[0]!.text))) words = words.slice(1);
  // "… Measures for Ports in 2019": a year after a connector dates the name, it is not part of it.
  for (;;) {
    const last = words[words.length - 1]?.text.toLowerCase() ?? '';
    if (CONNECTORS.has(last)) words = words.slice(0, -1);
    else if (/^(?:19|20)\d{2}$/.test(last) && CONNECTORS.has(words[words.length - 2]?.text.toLowerCase() ?? '')) words = words.slice(0, -2);
    else break;
  }
  if (words.length === 0) return undefined;
  let end = words[words.length - 1]!.end;
  const after = text.slice(end, end + 8);
  if (/^\s*\((?:Draft|draft|Trial|trial)\)/.test(after)) end += after.indexOf(')') + 1;
  else if (/^\./.test(after) && COMPANY_DOT.has(words[words.length - 1]!.text.toLowerCase())) end += 1;
  return { start: words[0]!.start, end, words };
}

export interface CandidateContext {
  paragraphOf: (offset: number) => number;
  /** True when the key is a known name (then it is a mention, not a new entity). */
  isKnown: (key: string) => boolean;
  /** True when [start, end) lies inside a known mention, or its head word (ending at headEnd) does. */
  insideMention: (start: number, end: number, headEnd: number) => boolean;
  /** The known names found, for what they hold or lead to: a draft of a known law, the body an office serves. */
  mentions?: { start: number; end: number; label: Label }[];
}

export function findCandidates(text: string, sentences: { start: number; end: number }[], ctx: CandidateContext): Candidate[] {
  // Words hyphenated over a line break read as one word; zero-width joiners keep the offsets.
  const joined = text.replace(/(?<=\p{L})-[ \t]*\r?\n[ \t]*(?=\p{Ll})/gu, (m) => '\u200b'.repeat(m.length));
  const found: Candidate[] = [];
  const add = (start: number, end: number, shape: Shape, alias?: string, headEnd = end, listed = false, nested = false) => {
    const name = clean(joined.slice(start, end));
    const key = keyOf(name);
    if (key.length < 3 || ctx.isKnown(key) || (!nested && ctx.insideMention(start, end, headEnd))) return;
    found.push({ name, label: shape.label, kind: shape.kind, id: slugOf(name), paragraph: ctx.paragraphOf(start), start, end, ...(alias ? { alias } : {}), ...(listed ? { listed } : {}), ...(nested ? { nested } : {}) });
  };

  for (const sentence of sentences) {
    const toks = tokens(joined, sentence.start, sentence.end);
    for (let raw of capitalisedSpans(joined, toks)) {
      // "Personal Information Protection Law and Shanghai Data Usage rules": a known name, then
      // "and", then the new one.
      const and = raw.words.findIndex((w, k) => w.text === 'and' && k > 0 && k < raw.words.length - 1 && ctx.insideMention(raw.start, raw.words[k - 1]!.end, raw.words[k - 1]!.end));
      if (and > 0) raw = { start: raw.words[and + 1]!.start, end: raw.end, words: raw.words.slice(and + 1) };
      const span = trimSpan(joined, raw);
      if (!span) continue;
      const words = span.words.map((w) => w.text);
      const trailing = TRAILING_HEAD.exec(joined.slice(span.end, span.end + 16));
      if (trailing && words.length >= 2 && !headOf(words)) {
        // "the 14th Five-Year period": the last word and the trailing one may make the head.
        const shape = headOf([words[words.length - 1]!, trailing[1]!])?.shape ?? headOf([trailing[1]!])?.shape;
        if (shape) {
          add(span.start, span.end + trailing[0].length, shape);
          continue;
        }
      }
      const head = headOf(words);
      if (head && words.length >= 2) {
        const acronym = /^\s*\(([A-Z][A-Za-z0-9&-]{1,9})\)/.exec(joined.slice(span.end, span.end + 14));
        add(span.start, span.end, head.shape, acronym?.[1], span.words[head.at]!.end);
      } else if (words.length >= 2 && /^\d\.\d$/.test(words[words.length - 1]!) && words.length <= 3 && /^\p{Lu}\p{Ll}/u.test(words[0]!)) {
        add(span.start, span.end, { label: 'Policy', kind: 'INITIATIVE' }); // "Society 5.0", "Industry 4.0"
      }
    }
    const body = joined.slice(sentence.start, sentence.end);
    findEnglishPatterns(body, sentence.start, add);
    findChinese(body, sentence.start, add);
  }
  for (const m of [...(ctx.mentions ?? []), ...found.filter((c) => c.label === 'Agency')]) {
    // "… Law of the People's Republic of China (Draft)": the draft of a known law is a record of its own.
    const draft = m.label === 'Policy' ? /^\s*\((?:Draft|draft)\)/.exec(joined.slice(m.end, m.end + 12)) : null;
    if (draft) add(m.start, m.end + draft[0].length, { label: 'Policy', kind: 'DRAFT_LAW' }, undefined, m.end + draft[0].length, false, true);
    // "Office of the Central Leading Group for …": the body the office serves is a body too.
    const inner = m.label === 'Agency' ? /^(?:(?:General\s+)?Office|Secretariat|Department|Bureau)\s+of\s+(?:the\s+)?/.exec(joined.slice(m.start, m.end)) : null;
    if (inner) {
      const words = clean(joined.slice(m.start + inner[0].length, m.end)).split(' ');
      const head = headOf(words);
      if (head && words.length >= 2 && /^\p{Lu}/u.test(words[0]!)) add(m.start + inner[0].length, m.end, head.shape, undefined, m.end, false, true);
    }
  }
  // "the German government": a country's government, named by its people or its country.
  for (const g of joined.matchAll(/\b(?:[Tt]he\s+)(\p{Lu}[\p{L}.]+(?:\s\p{Lu}\p{L}+)?\s+(?:federal\s+|central\s+|national\s+)?government)\b/gu)) {
    const start = g.index + g[0].length - g[1]!.length;
    if (!LEADING_NOISE.has(g[1]!.split(/\s/)[0]!.toLowerCase())) add(start, start + g[1]!.length, { label: 'Agency', kind: 'GOVERNMENT' });
  }
  // A phrase that runs over an item of a list ("SIPG and SAIC Group" over "SIPG") joined two names.
  const items = found.filter((c) => c.listed);
  return found.filter((c) => c.listed || !items.some((i) => i.start >= c.start && i.end <= c.end && i.end - i.start < c.end - c.start));
}

/** A word in any case, while the name after it must still be capitalised (no `i` flag). */
const anyCase = (t: string) => t.replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
const NAME = String.raw`(\p{Lu}[\p{L}\p{N}\u200b'’&-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}\u200b'’&-]*){0,3})`;
const PERSON = String.raw`(\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+){1,2})`;
const FIRM_LIST = new RegExp(String.raw`\b(?:${FIRM_NOUNS.map(anyCase).join('|')})\b[^.;:]{0,80}?\b(?:like|such as|including|represented by|e\.g\.,?)\s+((?:[^.;:()]{1,200}?))(?=[.;:(]|\s+(?:are|is|have|has|were|was|which|that|provide|offer|lead)\b)`, 'gu');
const FIRM_BEFORE = new RegExp(String.raw`\b(?:security|tech|technology|internet|software|telecom|chip|industrial|automation|cybersecurity)?\s*(?:giant|firm|company|start-?up|vendor|provider|operator)\s+${NAME}`, 'gu');
const FIRM_AFTER = new RegExp(String.raw`${NAME},\s+(?:which is\s+|an?\s+|the\s+)(?:[\p{L}\p{N}' -]{0,60}?)\b(?:company|firm|start-?up|vendor|provider|giant|manufacturer)\b`, 'gu');
const TITLE_WORDS = TITLES.map(anyCase).join('|');
const TITLE_BEFORE = new RegExp(String.raw`\b(?:${TITLE_WORDS})\.?\s+${PERSON}`, 'gu');
const TITLE_AFTER = new RegExp(String.raw`${PERSON},\s+(?:the\s+)?(?:${TITLE_WORDS})\b`, 'gu');
/** Titles of documents: listed after "documents including …", or the object or subject of an issuing verb. */
const TITLE_ITEM = String.raw`(?:the\s+)?(\p{Lu}[\p{L}\p{N}\u200b'’.&/-]*(?:\s+(?:(?:of|for|on|in|and|to|the|with)\s+)*(?:\p{Lu}[\p{L}\p{N}\u200b'’.&/-]*|\d+(?:\.\d+)?|\([A-Z]{2,8}\)))+(?::\s+\p{Lu}[\p{L}\p{N}\u200b'’&-]*(?:\s+\p{Lu}[\p{L}\p{N}\u200b'’&-]*)*)?)`;
const DOC_LIST = new RegExp(String.raw`\b(?:documents?|guidelines|guides|papers|reports|standards|publications|specifications|recommendations|acts|laws|strategies|policies|frameworks|programmes|programs)\b[^.;]{0,40}?\b(?:including|such as|like|namely)\s+((?:[^.;]|\.(?=\S)){4,400})`, 'gu');
const ISSUED_OBJECT = new RegExp(String.raw`\b(?:released|issued|published|unveiled|introduced|formulated|adopted|launched|enacted|promulgated)\s+${TITLE_ITEM}`, 'gu');
const ISSUED_SUBJECT = new RegExp(String.raw`${TITLE_ITEM}\s+(?:was|were|has been|had been)\s+(?:released|issued|published|unveiled|introduced|formulated|adopted|launched|enacted|promulgated)\b`, 'gu');
/** Lower-case head nouns that may follow a capitalised name: "the Horizon 2020 program", "Shanghai Data Usage rules". */
const TRAILING_HEAD = /^\s+(program|programme|plan|strategy|rules|regulations|law|initiative|platform|alliance|framework|standard|guidelines|project|period)\b/;

const STANDARD = /\b(GB(?:\/[TZ])?\s?\d{3,6}(?:\.\d+)?-\d{4})/g;
/** A firm bought is a firm: "acquired CyberX", "took over Norsk Hydro". */
const ACQUIRED_OBJECT = new RegExp(String.raw`\b(?:acquired|acquires|bought|took over|purchased)\s+(?:the\s+)?${NAME}`, 'gu');
/** A capitalised phrase in quotation marks is a name the writer sets apart: 'New Productive Forces', “Four Basics”. */
const QUOTED = /["“‘'](\p{Lu}[\p{L}\p{N}-]*(?:\s+(?:(?:of|for|and|the|in|on)\s+)?\p{Lu}[\p{L}\p{N}-]*){1,5})["”’']/gu;
/** A phrase followed by its acronym: "manufacturing x digital (MxD)"; the initials must match. */
const DEFINED_ACRONYM = /\(([A-Z][A-Za-z]{1,7})\)/g;

function findEnglishPatterns(body: string, offset: number, add: (s: number, e: number, shape: Shape, alias?: string, headEnd?: number, listed?: boolean) => void) {
  for (const m of body.matchAll(STANDARD)) add(offset + m.index, offset + m.index + m[1]!.length, { label: 'Policy', kind: 'STANDARD' });
  const titled = (raw: string, start: number) => {
    // "… for Ports in 2019": the year dates the title, it is not part of it.
    const name = raw.replace(/(?:\s+(?:in|of|for|on|by|during|and|the|to|with))*\s+(?:in|of|for|on|by|during)\s+(?:19|20)\d{2}$/, '').replace(/(?:\s+(?:in|of|for|on|by|during|and|the|to|with))+$/, '');
    const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    if (words.length < 2 || LEADING_NOISE.has(words[0]!.toLowerCase())) return;
    // A title that ends in a known name ("IT Security in Industry 4.0") is still a new title.
    add(start, start + name.length, headOf(name.split(/\s+/))?.shape ?? { label: 'Policy', kind: 'GUIDELINE' }, undefined, start);
  };
  for (const m of body.matchAll(DOC_LIST)) {
    const list = m[1]!;
    const listStart = m.index + m[0].length - list.length;
    // "A, B and C": commas part the items, and so does the last "and" (titles may hold an
    // "and" of their own, so the others are kept).
    const parts: { text: string; at: number }[] = [];
    let at = 0;
    for (const piece of list.split(/(,\s*)/)) {
      if (!/^,\s*$/.test(piece)) parts.push({ text: piece, at });
      at += piece.length;
    }
    if (parts.length >= 2) {
      const last = parts.pop()!;
      const cut = last.text.lastIndexOf(' and ');
      if (cut > 0) parts.push({ text: last.text.slice(0, cut), at: last.at }, { text: last.text.slice(cut + 5), at: last.at + cut + 5 });
      else parts.push(last);
    }
    for (const part of parts) {
      const item = new RegExp(String.raw`^\s*(?:and\s+)?${TITLE_ITEM}`, 'u').exec(part.text);
      if (item) titled(item[1]!, offset + listStart + part.at + item[0].length - item[1]!.length);
    }
  }
  for (const re of [ISSUED_OBJECT, ISSUED_SUBJECT]) {
    for (const m of body.matchAll(re)) titled(m[1]!, offset + m.index + m[0].indexOf(m[1]!));
  }
  for (const m of body.matchAll(FIRM_LIST)) {
    const listStart = m.index + m[0].length - m[1]!.length;
    for (const item of m[1]!.matchAll(/(?:^|,\s*|\s+and\s+|、)(?:and\s+)?(\p{Lu}[\p{L}\p{N}\u200b'’&.-]*(?:\s\p{Lu}[\p{L}\p{N}\u200b'’&.-]*|\s\d+){0,3})/gu)) {
      // "China's Tencent": the possessive is not part of the firm's name.
      const name = item[1]!.replace(/\.$/, '').replace(/^\p{Lu}[\p{L}-]*['’]s\s+/u, '');
      const start = offset + listStart + item.index + item[0].length - name.length - (item[1]!.endsWith('.') ? 1 : 0);
      add(start, start + name.length, { label: 'Firm', kind: 'COMPANY' }, undefined, start + name.length, true);
    }
  }
  for (const m of body.matchAll(QUOTED)) {
    const name = m[1]!;
    const start = offset + m.index + 1;
    add(start, start + name.length, headOf(name.split(/\s+/))?.shape ?? { label: 'Policy', kind: 'INITIATIVE' });
  }
  // The brackets first, then the words before them (a pattern that starts with the words
  // would be tried at every word of the text).
  for (const m of body.matchAll(DEFINED_ACRONYM)) {
    const acronym = m[1]!;
    // A plural ("ICSs") names a class of things, not one body.
    if (/[A-Z]s$/.test(acronym)) continue;
    const before = /(?:[\p{L}][\p{L}-]*\s+){1,6}$/u.exec(body.slice(Math.max(0, m.index - 120), m.index));
    if (!before) continue;
    const words = before[0].trim().split(/\s+/);
    // The words before the brackets whose initials spell the acronym: every letter of it
    // ("manufacturing x digital (MxD)"), or its capitals.
    const spells = (initials: string) => {
      const take = words.slice(-initials.length);
      return take.length === initials.length && take.map((w) => w[0]!.toUpperCase()).join('') === initials.toUpperCase() ? take : undefined;
    };
    const take = spells(acronym) ?? spells(acronym.replace(/[a-z]/g, ''));
    if (!take) continue;
    if (take.every((w) => /^\p{Lu}/u.test(w))) continue; // a capitalised name: the span rules have it
    const start = offset + m.index + 1;
    add(start, start + acronym.length, headOf(take)?.shape ?? { label: 'Agency', kind: 'AGENCY' });
  }
  for (const re of [ACQUIRED_OBJECT, FIRM_BEFORE, FIRM_AFTER]) {
    for (const m of body.matchAll(re)) {
      const name = m[1]!;
      if (LEADING_NOISE.has(name.split(/\s/)[0]!.toLowerCase())) continue;
      const start = offset + m.index + m[0].indexOf(name);
      add(start, start + name.length, { label: 'Firm', kind: 'COMPANY' });
    }
  }
  for (const re of [TITLE_BEFORE, TITLE_AFTER]) {
    for (const m of body.matchAll(re)) {
      const name = m[1]!;
      if (name.split(/\s/).some((w) => LEADING_NOISE.has(w.toLowerCase()) || ENGLISH_HEADS.some(([h]) => h === w.toLowerCase()))) continue;
      const start = offset + m.index + m[0].indexOf(name);
      add(start, start + name.length, { label: 'Person' });
    }
  }
}

const TITLE_MARKS = /《([^《》\n]{2,60})》/g;
const CJK_RUN = /[\u4e00-\u9fff（）()]{3,60}/g;
const FUNCTION_AFTER = /^(?:$|[^\u4e00-\u9fff]|[的和与及于是对将已在中等并])/;

function chineseShape(name: string): [string, Shape] | undefined {
  return CHINESE_SUFFIXES.find(([suffix]) => name.endsWith(suffix));
}

function findChinese(body: string, offset: number, add: (s: number, e: number, shape: Shape) => void) {
  const marked: [number, number][] = [];
  for (const m of body.matchAll(TITLE_MARKS)) {
    const shape = chineseShape(m[1]!)?.[1] ?? { label: 'Policy' as Label, kind: 'GUIDELINE' };
    add(offset + m.index + 1, offset + m.index + 1 + m[1]!.length, shape);
    marked.push([m.index, m.index + m[0].length]);
  }
  for (const run of body.matchAll(CJK_RUN)) {
    if (marked.some(([s, e]) => run.index >= s && run.index < e)) continue;
    const text = run[0];
    let from = 0;
    for (let end = 1; end <= text.length; end++) {
      const head = text.slice(0, end);
      const hit = CHINESE_SUFFIXES.find(([suffix]) => head.endsWith(suffix));
      if (!hit) continue;
      const [suffix, shape] = hit;
      // A one-character suffix (法, 局, 部) ends a name only before a particle or punctuation.
      if (suffix.length === 1 && !FUNCTION_AFTER.test(text.slice(end) + body.slice(run.index + text.length, run.index + text.length + 1))) continue;
      const prefix = head.slice(from, end - suffix.length);
      const cut = CHINESE_BREAKS.exec(prefix);
      const start = from + (cut ? cut[0].length : 0);
      if (end - start >= suffix.length + 2) {
        add(offset + run.index + start, offset + run.index + end, shape);
        from = end;
      }
    }
  }
}
