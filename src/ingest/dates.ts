/**
 * Dates in the usual English and Chinese forms, each with the precision its form gives:
 * "1 January 2020", "January 1, 2020", "2021年9月1日", "2021-09-01" (DAY); "July 2015",
 * "2015年7月" (MONTH); "2017", "2015年", and a season, quarter, half or "end of 2011", which
 * name part of a year, as YEAR (the graph has no finer precision than the year for those).
 * A bare number is a year only where the words around it say so ("in 2019", "(2017)", "by
 * 2027"), so that "2039 businesses" is not read as a date.
 */
import type { Precision } from '../model.js';

export interface FoundDate {
  text: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: the form seeds use, so the precision shows. */
  date: string;
  precision: Precision;
  start: number;
  end: number;
  /** A season, quarter, half or end of the year: more precise in the text than the date says. */
  part?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const YEAR = String.raw`((?:19|20)\d{2})`;
const PART = String.raw`(spring|summer|autumn|fall|winter|(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:half|quarter)|(?:the\s+)?(?:end|beginning|start|middle)|early|late|mid-?|Q[1-4]|H[12])`;
const CN_DIGITS: Record<string, string> = { '〇': '0', '零': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Omit<FoundDate, 'text' | 'start' | 'end'> | undefined }[] = [
  { re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g, read: (m) => day(m[1]!, m[2]!, m[3]!) },
  { re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+${YEAR}\b`, 'gi'), read: (m) => day(m[3]!, month(m[2]!), m[1]!) },
  { re: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+${YEAR}\b`, 'gi'), read: (m) => day(m[3]!, month(m[1]!), m[2]!) },
  { re: new RegExp(String.raw`\b(?:(?:early|mid|late|end of|beginning of)[\s-]+)?${MONTH},?\s+(?:of\s+)?${YEAR}\b`, 'gi'), read: (m) => ({ date: `${m[2]}-${month(m[1]!)}`, precision: 'MONTH' }) },
  { re: new RegExp(String.raw`\b${PART}[\s-]+(?:of\s+)?${YEAR}\b`, 'gi'), read: (m) => ({ date: m[2]!, precision: 'YEAR', part: m[1]!.toLowerCase().replace(/^the\s+/, '') }) },
  { re: /([0-9０-９〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, read: (m) => day(cnYear(m[1]!), m[2]!.padStart(2, '0'), m[3]!) },
  { re: /([0-9０-９〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)/g, read: (m) => ({ date: `${cnYear(m[1]!)}-${m[2]!.padStart(2, '0')}`, precision: 'MONTH' }) },
  { re: /([0-9０-９〇零一二三四五六七八九]{4})\s*年\s*(春|夏|秋|冬|上半年|下半年|底|初|末|年底|年初)/g, read: (m) => ({ date: cnYear(m[1]!), precision: 'YEAR', part: m[2]! }) },
  { re: /([0-9０-９〇零一二三四五六七八九]{4})\s*年(?!\s*\d+\s*月)/g, read: (m) => ({ date: cnYear(m[1]!), precision: 'YEAR' }) },
  // A year alone, where the words around it make it one.
  { re: /(?<=\b(?:in|since|by|until|till|before|after|of|from|to|during|through|year|the|for|at|around|circa|c\.|between|and|early|late|mid|end)\s+|\(|^)((?:19|20)\d{2})(?=\b(?![\d.,%-]\d)(?!\s*(?:percent|per cent|%)))/gim, read: (m) => ({ date: m[1]!, precision: 'YEAR' }) },
];

function month(name: string): string {
  const i = MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace(/\.$/, '').slice(0, 3)));
  return String(i + 1).padStart(2, '0');
}

function cnYear(y: string): string {
  return [...y].map((c) => CN_DIGITS[c] ?? String.fromCharCode(c.charCodeAt(0) >= 0xff10 ? c.charCodeAt(0) - 0xfee0 : c.charCodeAt(0))).join('');
}

function day(y: string, m: string, d: string): Omit<FoundDate, 'text' | 'start' | 'end'> | undefined {
  const probe = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (probe.getUTCMonth() !== Number(m) - 1 || probe.getUTCDate() !== Number(d)) return undefined;
  return { date: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`, precision: 'DAY' };
}

/** Every date in [from, to), the most precise reading first where readings overlap. */
export function findDates(text: string, from = 0, to = text.length): FoundDate[] {
  const body = text.slice(from, to);
  const out: FoundDate[] = [];
  const taken: [number, number][] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const value = read(m);
      if (!value) continue;
      const year = Number(value.date.slice(0, 4));
      if (year < 1900 || year > 2100) continue;
      taken.push([start, end]);
      out.push({ text: m[0], start: from + start, end: from + end, ...value });
    }
  }
  // A range "2012–2014" or "2021-2023" names both years; the pattern above caught the first.
  for (const m of body.matchAll(/\b((?:19|20)\d{2})\s*[–—-]\s*((?:19|20)\d{2})\b/g)) {
    const start = m.index + m[0].length - m[2]!.length;
    if (taken.some(([s, e]) => start < e && m.index + m[0].length > s)) continue;
    if (!taken.some(([s]) => s === m.index)) {
      out.push({ text: m[1]!, start: from + m.index, end: from + m.index + 4, date: m[1]!, precision: 'YEAR' });
      taken.push([m.index, m.index + 4]);
    }
    out.push({ text: m[2]!, start: from + start, end: from + start + 4, date: m[2]!, precision: 'YEAR' });
    taken.push([start, start + 4]);
  }
  return out.sort((a, b) => a.start - b.start);
}
