/**
 * Document text → proposals with evidence: paragraphs, then known-entity mentions, new-entity
 * candidates, dates attached to what they date, figures and relations. Pure: no files, so the
 * CLI, the evaluation and the bench all run the same code.
 */
import type { Label } from '../model.js';
import { findCandidates, type Candidate } from './candidates.js';
import { findDates, type FoundDate } from './dates.js';
import { findFigures, type Figure } from './figures.js';
import { uniqueId } from './ids.js';
import type { KnownEntity } from './known.js';
import { buildIndex, findMentions, type EntityIndex, type Mention } from './mentions.js';
import { keyOf } from './normalize.js';
import { splitParagraphs, splitSentences, type Paragraph } from './paragraphs.js';
import { PRIOR_FLOOR, weigh, type RelationPriors } from './priors.js';
import { RELATION_PRIORS } from './relation-priors.js';
import { findRelations, nameRelations, paragraphRelations, type Named, type Relation } from './relations.js';

export interface DatedProposal {
  text: string;
  date: string;
  precision: FoundDate['precision'];
  /** The entity the date is about: a known id or a candidate's proposed id; null when none is near. */
  about: string | null;
  /** What happened then: ISSUED, EFFECTIVE, DRAFT_PUBLISHED, ESTABLISHED, FOUNDED, LISTED, ACQUIRED … or null. */
  event: string | null;
  paragraph: number;
  start: number;
  end: number;
  part?: string;
}

export interface FigureProposal extends Figure {
  /** The entity measured (nearest region, firm or sector in the sentence) and the metric, as guesses. */
  subject: string | null;
  metric: string;
}

export interface Proposals {
  source: string;
  paragraphs: Paragraph[];
  mentions: Mention[];
  candidates: (Candidate & { occurrences: number })[];
  dates: DatedProposal[];
  figures: FigureProposal[];
  relations: Relation[];
}

const EVENTS: [string, RegExp][] = [
  ['DRAFT_PUBLISHED', /\bdraft\b[^.;]{0,60}\b(?:published|released|issued|unveiled)|\b(?:published|released|issued)\b[^.;]{0,30}\bdraft\b|征求意见稿|公布草案|草案/i],
  ['EFFECTIVE', /\b(?:took|take|takes|taking) effect|came into (?:force|effect)|comes? into (?:force|effect)|entered into force|enters into force|in force (?:from|since|on)|effective (?:from|on|as of)|施行|生效|起实施/i],
  ['LISTED', /\b(?:listed|went public|IPO|initial public offering)\b|上市/i],
  ['ACQUIRED', /\b(?:acquired|acquisition of|bought)\b|收购/i],
  ['FOUNDED', /\bfounded\b|创立|创办/i],
  ['ESTABLISHED', /\b(?:established|set up|created|formed|inaugurated|launched|opened)\b|成立|设立|组建/i],
  ['ISSUED', /\b(?:issued|released|published|promulgated|adopted|unveiled|introduced|enacted|passed|announced|proposed|formulated)\b|发布|印发|颁布|公布|通过|出台/i],
  ['ATTACK', /\b(?:attacked|cyberattacks?|attacks?|breach(?:ed)?|outage)\b|攻击/i],
];

/** What each kind of event dates: a law is issued and takes effect, a body is established, a firm founded. */
const EVENT_LABELS: Record<string, Label[]> = {
  DRAFT_PUBLISHED: ['Policy'], EFFECTIVE: ['Policy'], ISSUED: ['Policy'], LISTED: ['Firm'], ACQUIRED: ['Firm', 'Event'],
  FOUNDED: ['Firm', 'Agency'], ESTABLISHED: ['Agency', 'Event', 'Firm'], ATTACK: ['Event'],
};

const LABEL_WEIGHT: Partial<Record<Label, number>> = { Region: 3, Sector: 3, Person: 1.5 };

function paragraphLookup(paragraphs: Paragraph[]) {
  const starts = paragraphs.map((p) => p.start);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return paragraphs[lo]?.n ?? 1;
  };
}

const INNER_MENTIONS = new Set<Label>(['Sector', 'Region']);

export interface ProposeOptions {
  source: string;
  /** The document's own year (its --written date): figures for later years read as forecasts. */
  writtenYear?: number | null;
  /** Ids that are taken (every seed id), so proposed ids never collide. */
  takenIds?: Iterable<string>;
  /**
   * How often each kind of reading was right before (priors.ts): the table learned from the
   * source documents unless given; null keeps the rules' own confidences and reads names
   * together only within a sentence.
   */
  priors?: RelationPriors | null;
  /** Every reading the priors would weigh, with the rules' confidences: what the priors are learned from. */
  unweighted?: boolean;
}

export function propose(text: string, known: KnownEntity[] | EntityIndex, options: ProposeOptions): Proposals {
  const index = Array.isArray(known) ? buildIndex(known) : known;
  const paragraphs = splitParagraphs(text);
  const paragraphOf = paragraphLookup(paragraphs);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  const mentions = findMentions(text, index, paragraphOf);

  const mentionSpans = mentions.map((m) => [m.start, m.end] as const);
  const rawCandidates = findCandidates(text, sentences, {
    paragraphOf,
    isKnown: (key) => index.byKey.has(key),
    mentions,
    // Inside a known name, or ending where a known name ends ("… Law and Shanghai Data Usage"
    // is not a new law when "Personal Information Protection Law" is known): the head is known.
    insideMention: (s, e, headEnd) => mentionSpans.some(([ms, me]) => (s >= ms && e <= me) || (headEnd > ms && headEnd <= me)),
  });
  // One proposal per name; the same name found twice (or by two rules) is one candidate.
  const taken = new Set(options.takenIds ?? index.byId.keys());
  const byKey = new Map<string, Candidate & { occurrences: number }>();
  const occurrences: (Candidate & { key: string })[] = [];
  for (const c of rawCandidates.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!c.nested && occurrences.some((o) => c.start >= o.start && c.end <= o.end && (c.start !== o.start || c.end !== o.end))) continue;
    const key = keyOf(c.name);
    const first = byKey.get(key);
    if (first) {
      if (c.start !== first.start) first.occurrences++;
      occurrences.push({ ...c, id: first.id, key });
      continue;
    }
    const id = uniqueId(c.id, taken);
    const kept = { ...c, id, occurrences: 1 };
    byKey.set(key, kept);
    occurrences.push({ ...kept, key });
  }
  const candidates = [...byKey.values()];

  const named: Named[] = [
    ...mentions.map((m) => ({ id: m.entityId, label: m.label, start: m.start, end: m.end })),
    ...occurrences.map((o) => ({ id: o.id, label: o.label, start: o.start, end: o.end })),
  ].sort((a, b) => a.start - b.start);

  const given = options.priors === undefined ? RELATION_PRIORS : options.priors;
  const priors = given && Object.keys(given).length ? given : null;
  // Names in one paragraph but not one sentence are read only where a table can weigh them.
  const wide = priors !== null || options.unweighted === true;
  const found = findDates(text);
  const dates: DatedProposal[] = [];
  const relations: Relation[] = [];
  let cursor = 0;
  let dateCursor = 0;
  for (const s of sentences) {
    while (cursor < named.length && named[cursor]!.end <= s.start) cursor++;
    const inside: Named[] = [];
    for (let i = cursor; i < named.length && named[i]!.start < s.end; i++) inside.push(named[i]!);
    const body = text.slice(s.start, s.end);
    // Dates are sorted by offset: only this sentence's are looked at.
    while (dateCursor < found.length && found[dateCursor]!.start < s.start) dateCursor++;
    for (let k = dateCursor; k < found.length && found[k]!.start < s.end; k++) {
      const d = found[k]!;
      if (d.end > s.end) continue;
      // The event is the trigger nearest the date; what it dates is the name nearest that
      // trigger, preferably before it (its subject: "X took effect on …", "X was issued in …").
      let event: string | null = null;
      let anchor = d.start;
      let nearest = Infinity;
      for (const [name, re] of EVENTS) {
        for (const m of body.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) {
          const at = s.start + m.index;
          const stop = at + m[0].length;
          const gap = at >= d.end ? text.slice(d.end, at) : text.slice(Math.min(stop, d.start), d.start);
          // A trigger in another clause ("…通过，2015年7月公布草案") reads after one in the date's own.
          const distance = gap.length * (/[,;，；]/.test(gap) ? 4 : 1);
          if (distance < nearest) {
            nearest = distance;
            event = name;
            anchor = at;
          }
        }
      }
      let about: Named | undefined;
      let best = Infinity;
      for (const n of inside) {
        const fits = event ? EVENT_LABELS[event]?.includes(n.label) : false;
        // A name of a kind the event cannot date ("the US established CISA": the US is not
        // established) gives way to one that fits, before or after the trigger.
        const distance = (n.start >= anchor ? (n.start - anchor) * 2 : Math.max(0, anchor - n.end)) * (fits ? 0.3 : (event ? 4 : 1) * (LABEL_WEIGHT[n.label] ?? 1));
        if (distance < best) {
          best = distance;
          about = n;
        }
      }
      dates.push({
        text: d.text, date: d.date, precision: d.precision, about: about?.id ?? null,
        event: event === 'ESTABLISHED' && about?.label === 'Firm' ? 'FOUNDED' : event,
        paragraph: paragraphOf(d.start), start: d.start, end: d.end, ...(d.part ? { part: d.part } : {}),
      });
    }
    if (inside.length > 1) relations.push(...findRelations(text, inside, paragraphOf(s.start)));
  }

  const sentenceIndex = (offset: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const sentenceOf = (offset: number) => {
    const s = sentences[sentenceIndex(offset)];
    return s && offset >= s.start && offset < s.end ? s : undefined;
  };
  const namedIn = (from: number, to: number) => {
    const out: Named[] = [];
    let lo = 0;
    let hi = named.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (named[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < named.length && named[i]!.start < to; i++) if (named[i]!.end <= to) out.push(named[i]!);
    return out;
  };
  const figures = findFigures(text, { paragraphOf, sentences, dates: found, writtenYear: options.writtenYear ?? null }).map((f) => {
    const sentence = sentenceOf(f.start);
    const around = sentence ? namedIn(sentence.start, sentence.end).filter((n) => ['Region', 'Firm', 'Sector', 'Agency'].includes(n.label)) : [];
    around.sort((a, b) => (LABEL_WEIGHT[b.label] ?? 1) - (LABEL_WEIGHT[a.label] ?? 1) || Math.abs(a.start - f.start) - Math.abs(b.start - f.start));
    const body = sentence ? text.slice(sentence.start, sentence.end).toLowerCase() : '';
    const metric = f.unit === '%' ? (/growth|increase|grew|rate/.test(body) ? 'market growth rate' : 'share') : /market|scale|sales/.test(body) ? 'market size' : /revenue|income/.test(body) ? 'industry revenue' : f.unit.startsWith('count') || !/^[A-Z]{3}/.test(f.unit) ? 'count' : 'value';
    return { ...f, subject: around[0]?.id ?? null, metric };
  });

  // Names inside names: what a name says of itself.
  const innerCache = new Map<string, Mention[]>();
  const innerMentions: Mention[] = [];
  for (const n of named) {
    // Only a law, body, firm or event has a name that says something of itself, and only a
    // name of more than one word holds another.
    if (n.label === 'Sector' || n.label === 'Region' || n.label === 'Person') continue;
    const span = text.slice(n.start, n.end);
    if (span.length < 6 || !/\s|[\u3400-\u9fff]{4}/u.test(span)) continue;
    let inner = innerCache.get(`${n.id}|${span}`);
    if (!inner) innerCache.set(`${n.id}|${span}`, (inner = findMentions(span, index, () => 0, n.id)));
    if (inner.length) relations.push(...nameRelations(n, inner.map((m) => ({ id: m.entityId, label: m.label, start: n.start + m.start, end: n.start + m.end })), paragraphOf(n.start)));
    // "Data Security Law" names the data security sector too (a sector inside a sector's own
    // name, "industrial IoT", does not: those were skipped above).
    for (const m of inner) if (INNER_MENTIONS.has(m.label)) innerMentions.push({ ...m, paragraph: paragraphOf(n.start), start: n.start + m.start, end: n.start + m.end });
  }
  mentions.push(...innerMentions);
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  // Names in one paragraph, not one sentence: read only when a table can weigh the readings.
  if (wide) {
    for (const p of paragraphs) {
      const inside = namedIn(p.start, p.end);
      if (inside.length > 1) relations.push(...paragraphRelations(inside, p.n, sentenceIndex));
    }
    if (priors && !options.unweighted) for (const r of relations) r.confidence = weigh(r, priors);
  }
  // One relation per type and pair: the most confident reading, where it was read.
  const bestRelations = new Map<string, Relation>();
  for (const r of priors && !options.unweighted ? relations.filter((x) => x.confidence >= PRIOR_FLOOR) : relations) {
    const key = `${r.type}|${r.from}|${r.to}`;
    if ((bestRelations.get(key)?.confidence ?? -1) < r.confidence) bestRelations.set(key, r);
  }
  return { source: options.source, paragraphs, mentions, candidates, dates, figures, relations: [...bestRelations.values()].sort((a, b) => a.start - b.start) };
}

/** The `--json` shape, exactly as documented: nothing more. */
export function toJson(p: Proposals) {
  return {
    source: p.source,
    paragraphs: p.paragraphs.length,
    mentions: p.mentions.map(({ entityId, text, paragraph, start, end }) => ({ entityId, text, paragraph, start, end })),
    candidates: p.candidates.map(({ name, label, id, paragraph, start, end }) => ({ name, label, id, paragraph, start, end })),
    dates: p.dates.map(({ text, date, precision, about, event, paragraph }) => ({ text, date, precision, about, event, paragraph })),
    figures: p.figures.map(({ text, value, unit, year, kind, paragraph }) => ({ text, value, unit, year, kind, paragraph })),
    relations: p.relations.map(({ type, from, to, confidence, paragraph, start, end }) => ({ type, from, to, confidence, paragraph, start, end })),
  };
}
