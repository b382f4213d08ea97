/**
 * Figures: a value with its unit and currency ("USD 16.401 billion", "25 billion yuan", "80亿元",
 * "63 percent", "142 national standards"), the year it is for (the nearest date in its
 * sentence, or the column or row of its table), and whether it is an ACTUAL, a FORECAST or a
 * TARGET, read from the words around it and from its year against the document's own date.
 * Rows of simple numeric tables (a label, then one number per year column) are read too.
 */
import type { FoundDate } from './dates.js';
import { currencyOf, parseNumber, unitFrom, wordNumber, WORD_NUMBER_PATTERN } from './units.js';

export type FigureKind = 'ACTUAL' | 'FORECAST' | 'TARGET';

export interface Figure {
  text: string;
  value: number;
  unit: string;
  year: number | null;
  kind: FigureKind;
  paragraph: number;
  start: number;
  end: number;
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const SCALE = String.raw`(trillion|billion|bn|million|mn|thousand)`;
const CUR_BEFORE = String.raw`(US\s?\$|USD|\$|€|EUR|£|GBP|RMB|CNY|¥|￥|JPY)`;
const CUR_AFTER = String.raw`(US dollars?|U\.S\. dollars?|dollars?|yuan|RMB|renminbi|euros?|yen|pounds)`;
const POWER = String.raw`(?:\s?[×x]\s?10(\d{1,2})\b)?`;

type Reader = { re: RegExp; read: (m: RegExpMatchArray) => { value: number; unit: string } | undefined };

const READERS: Reader[] = [
  { re: new RegExp(String.raw`${CUR_BEFORE}\s?${NUM}\s?${SCALE}?\b`, 'gi'), read: (m) => ({ value: parseNumber(m[2]!), unit: unitFrom(currencyOf(m[1]!.replace(/\s/g, '')) ?? 'USD', m[3]) }) },
  { re: new RegExp(String.raw`\b${NUM}\s?${SCALE}?\s+${CUR_AFTER}\b`, 'gi'), read: (m) => ({ value: parseNumber(m[1]!), unit: unitFrom(currencyOf(m[3]!)!, m[2]) }) },
  { re: new RegExp(String.raw`${NUM}\s?(万亿|亿|千万|百万|万)?\s?(元|美元|欧元)`, 'g'), read: (m) => ({ value: parseNumber(m[1]!), unit: unitFrom(currencyOf(m[3]!) ?? (m[3] === '欧元' ? 'EUR' : 'CNY'), m[2]) }) },
  { re: new RegExp(String.raw`\b${NUM}\s?(?:%|％|percent\b|per cent\b)`, 'gi'), read: (m) => ({ value: parseNumber(m[1]!), unit: '%' }) },
  { re: new RegExp(String.raw`百分之${NUM}`, 'g'), read: (m) => ({ value: parseNumber(m[1]!), unit: '%' }) },
  // Counts: a number before a plural noun, with up to three words between ("142 national standards").
  {
    re: new RegExp(String.raw`(?<![\d.,\[/-])\b(?:(?:more than|over|about|nearly|some|almost|around|up to)\s+)?(${NUM.slice(1, -1)}|${WORD_NUMBER_PATTERN})${POWER}(?:\s${SCALE})?\s+((?:[a-zA-Z-]+\s+){0,3}?)((?!(?:years|months|days|hours|minutes|times|percent|levels|aspects|points|sections|tables)\b)[a-z-]{3,}(?:s|ies)|people|staff|personnel)\b`, 'gi'),
    read: (m) => {
      const n = /^\d/.test(m[1]!) ? parseNumber(m[1]!) : wordNumber(m[1]!);
      if (n === undefined) return undefined;
      const value = m[2] ? n * 10 ** Number(m[2]) : n;
      const noun = m[5]!.toLowerCase();
      if (['is', 'was', 'has', 'its', 'this', 'us', 'as', 'series'].includes(noun)) return undefined;
      return { value, unit: m[3] ? `${m[3].toLowerCase().replace(/^mn$/, 'million').replace(/^bn$/, 'billion')} ${noun}` : 'count' };
    },
  },
  { re: new RegExp(String.raw`${NUM}\s?(家|个|项|名|款|万人|人)`, 'g'), read: (m) => ({ value: parseNumber(m[1]!), unit: m[2] === '万人' ? '10 thousand people' : 'count' }) },
];

const TARGET = /\b(?:target(?:s|ed)?|aims?\b|aiming|goals?|objectives?|plans? to|strive|seeks? to|will (?:double|triple|reach|hit|exceed|grow|boost|increase)|to double|by the end of)\b|目标|力争|确保|到\d{4}年/i;
const FORECAST = /\b(?:expected|projected|projects?|forecasts?|forecasted|predict(?:ed|ions?|s)?|estimated?|estimates|anticipated|outlook|likely|could|may reach|is set to|will|would)\b|预计|预测|有望|将达/i;

export function kindFrom(context: string, year: number | null, writtenYear: number | null): FigureKind {
  if (TARGET.test(context)) return 'TARGET';
  if (FORECAST.test(context)) return 'FORECAST';
  if (year !== null && writtenYear !== null && year > writtenYear) return 'FORECAST';
  return 'ACTUAL';
}

export interface FigureContext {
  paragraphOf: (offset: number) => number;
  sentences: { start: number; end: number }[];
  dates: FoundDate[];
  writtenYear: number | null;
}

function nearestYear(text: string, dates: FoundDate[], start: number, end: number, sentence: { start: number; end: number }): number | null {
  let best: FoundDate | undefined;
  let bestDistance = Infinity;
  for (const d of dates) {
    if (d.start < sentence.start || d.end > sentence.end) continue;
    // A birth year or a starting point ("born after 1990", "since 2011") is not the figure's year.
    if (/\b(?:born|since|from)\s+(?:in\s+|after\s+|before\s+)?$/i.test(text.slice(Math.max(sentence.start, d.start - 20), d.start))) continue;
    const gap = d.start >= end ? text.slice(end, d.start) : text.slice(d.end, start);
    // A year just after the figure ("… in 2019", "by 2027") reads before one further back, and
    // one in the figure's own clause before one across a comma.
    const weighted = gap.length * (d.start >= end ? 0.8 : 1) * (/[,;，；]/.test(gap) ? 3 : 1);
    if (weighted < bestDistance) {
      best = d;
      bestDistance = weighted;
    }
  }
  return best ? Number(best.date.slice(0, 4)) : null;
}

/**
 * "by the end of the 12th Five-Year Plan period": the last year of that plan (China's plans run
 * five years each from the third, 1966–1970; the 12th is 2011–2015).
 */
function planEnd(sentence: string): number | null {
  const m = /\b(?:end of|by|until|through)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\s+Five-Year\s+Plan/i.exec(sentence.replace(/\s+/g, ' '));
  const n = m ? Number(m[1]) : 0;
  return n >= 3 ? 1966 + 5 * (n - 3) + 4 : null;
}

export function findFigures(text: string, ctx: FigureContext): Figure[] {
  const out: Figure[] = [];
  const taken: [number, number][] = ctx.dates.map((d) => [d.start, d.end]);
  for (const sentence of ctx.sentences) {
    const body = text.slice(sentence.start, sentence.end);
    for (const { re, read } of READERS) {
      for (const m of body.matchAll(re)) {
        const start = sentence.start + m.index!;
        const end = start + m[0].length;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        const found = read(m);
        if (!found || !Number.isFinite(found.value)) continue;
        taken.push([start, end]);
        const year = nearestYear(text, ctx.dates, start, end, sentence) ?? planEnd(body) ?? ctx.writtenYear;
        // The words of the clause around the figure decide its kind, not the whole sentence:
        // back to the previous figure, forward to the next clause.
        const previous = out.length && out[out.length - 1]!.end > sentence.start ? out[out.length - 1]!.end : sentence.start;
        const before = text.slice(Math.max(previous, start - 80), start);
        const after = text.slice(end, Math.min(sentence.end, end + 30)).split(/[,;]|\s(?:and|but|while|whereas)\s/)[0]!;
        const clause = `${before} ${after}`;
        out.push({ text: m[0].trim(), ...found, year, kind: kindFrom(clause, year, ctx.writtenYear), paragraph: ctx.paragraphOf(start), start, end });
      }
    }
  }
  out.push(...tableFigures(text, ctx, taken));
  return out.sort((a, b) => a.start - b.start);
}

/** "Sales (billion US dollars)" → "USD billion"; "Growth rate (%)" → "%". */
function unitOfLabel(label: string): string | undefined {
  const inside = /\(([^)]*)\)/.exec(label)?.[1] ?? '';
  if (/%|percent/.test(inside)) return '%';
  const m = /(?:(trillion|billion|million|thousand|100 million)\s+)?(US dollars?|dollars?|yuan|RMB|euros?|USD|CNY|EUR)/i.exec(inside);
  if (m) return unitFrom(currencyOf(m[2]!) ?? 'USD', m[1]);
  return undefined;
}

function tableFigures(text: string, ctx: FigureContext, taken: [number, number][]): Figure[] {
  const out: Figure[] = [];
  let caption = '';
  let sinceCaption = Infinity;
  let columns: number[] | undefined;
  const lines = [...text.matchAll(/[^\n]*(?:\n|$)/g)];
  for (const line of lines) {
    const raw = line[0].replace(/\s+$/, '');
    if (!raw.trim()) continue;
    sinceCaption++;
    if (/^\s*Table\s+\d+/i.test(raw)) {
      caption = raw;
      sinceCaption = 0;
      columns = undefined;
      continue;
    }
    if (sinceCaption <= 2 && !columns && !/\d\s+\d/.test(raw) && raw.length < 120 && !/^\s*\p{Lu}\p{Ll}+(?:\s+\p{Ll}+){4,}/u.test(raw)) caption += ` ${raw}`;
    if (sinceCaption > 12) continue;
    const header = /^(.*?)\s*((?:(?:19|20)\d{2}\s+)+(?:19|20)\d{2})\s*$/.exec(raw);
    if (header) {
      columns = header[2]!.split(/\s+/).map(Number);
      continue;
    }
    const row = /^\s*(\S.*?)\s+((?:-?\d[\d,]*(?:\.\d+)?\s+)+-?\d[\d,]*(?:\.\d+)?)\s*$/.exec(raw);
    if (!row) continue;
    const label = row[1]!;
    const numbers = [...row[2]!.matchAll(/-?\d[\d,]*(?:\.\d+)?/g)];
    const rowYear = /^(?:19|20)\d{2}$/.test(label.trim()) ? Number(label.trim()) : null;
    const captionYear = /\b(?:in|for|of)\s+((?:19|20)\d{2})\b/.exec(caption)?.[1];
    const unit = unitOfLabel(label) ?? (/%|percent|share|mix/i.test(caption) ? '%' : undefined);
    if (!unit) continue;
    const rowOffset = line.index! + raw.indexOf(row[2]!, row[1]!.length);
    numbers.forEach((n, i) => {
      const start = rowOffset + n.index!;
      const end = start + n[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) return;
      const year = rowYear ?? columns?.[i] ?? (captionYear ? Number(captionYear) : null);
      taken.push([start, end]);
      out.push({ text: n[0], value: parseNumber(n[0]), unit, year, kind: kindFrom(caption, year, ctx.writtenYear), paragraph: ctx.paragraphOf(start), start, end });
    });
  }
  return out;
}
