/**
 * The review file, seeds/proposals/<source-id>.yaml: the source record to add, then every
 * proposal with where it was found (paragraph and character offsets), the basis it would be
 * cited with (STATED: the paragraph says it), an empty note for the reviewer's own words and
 * `accept: false`. Mentions are listed once per entity (its first place, and how often).
 * Only names and figures are quoted from the document, never its sentences.
 */
import { Document, isMap, isPair, isScalar, visit } from 'yaml';
import { DATE_FIELDS, type Label } from '../model.js';
import type { KnownEntity } from './known.js';
import type { Proposals } from './propose.js';
import { isCjk, keyOf } from './normalize.js';

export interface SourceRecord {
  id: string;
  title: string;
  author?: string;
  kind: string;
  written?: string;
  file: string;
}

/** Which date field of a record a dated event fills, per label. */
export function dateFieldFor(label: Label | undefined, event: string | null): string | null {
  if (!label) return null;
  const fields = DATE_FIELDS[label] ?? [];
  const pick = (f: string) => (fields.includes(f) ? f : null);
  switch (label) {
    case 'Policy': return event === 'EFFECTIVE' ? pick('effective') : event === 'ISSUED' || event === 'DRAFT_PUBLISHED' ? pick('issued') : null;
    case 'Agency': return event === 'ESTABLISHED' || event === 'FOUNDED' ? pick('established') : null;
    case 'Firm': return event === 'FOUNDED' || event === 'ESTABLISHED' ? pick('founded') : null;
    case 'Event': return pick('date');
    default: return null;
  }
}

const locator = (paragraph: number) => `Paragraph ${paragraph}`;
const evidence = (paragraph: number, start: number, end: number) => ({ paragraph, start, end });
const review = { basis: 'STATED', note: '', accept: false };

export function reviewFile(p: Proposals, source: SourceRecord, known: Map<string, KnownEntity>, documentPath: string): string {
  const labelOf = (id: string | null) => (id ? known.get(id)?.label ?? p.candidates.find((c) => c.id === id)?.label : undefined);
  const firstMentions = new Map<string, { m: Proposals['mentions'][number]; count: number }>();
  for (const m of p.mentions) {
    const seen = firstMentions.get(m.entityId);
    if (seen) seen.count++;
    else firstMentions.set(m.entityId, { m, count: 1 });
  }
  const body = {
    source: { ...source },
    mentions: [...firstMentions.values()].map(({ m, count }) => {
      const e = known.get(m.entityId);
      const names = e ? [e.name, e.nameZh ?? '', ...e.aliases] : [];
      // A spelling the record does not list ("Qianxin" for Qi-Anxin) is offered as an alias.
      const alias = names.some((n) => n.toLowerCase() === m.text.replace(/\s+/g, ' ').toLowerCase()) ? null : m.text.replace(/\s+/g, ' ');
      return {
        entity: m.entityId, label: m.label, text: m.text.replace(/\s+/g, ' '), occurrences: count, locator: locator(m.paragraph),
        evidence: evidence(m.paragraph, m.start, m.end), alias, ...(m.ranked ? { ranked: m.ranked } : {}), ...review,
      };
    }),
    candidates: p.candidates.map((c) => ({
      id: c.id, label: c.label, name: c.name, ...([...c.name].some(isCjk) ? { nameZh: c.name } : {}), ...(c.kind ? { kind: c.kind } : {}),
      aliases: c.alias && keyOf(c.alias) !== keyOf(c.name) ? [c.alias] : [], occurrences: c.occurrences,
      locator: locator(c.paragraph), evidence: evidence(c.paragraph, c.start, c.end), ...review,
    })),
    dates: p.dates.map((d) => ({
      about: d.about, field: dateFieldFor(labelOf(d.about), d.event), date: d.date, precision: d.precision, event: d.event,
      text: d.text, ...(d.part ? { part: d.part } : {}), locator: locator(d.paragraph), evidence: evidence(d.paragraph, d.start, d.end), ...review,
    })),
    figures: p.figures.map((f) => ({
      metric: f.metric, value: f.value, unit: f.unit, year: f.year, kind: f.kind, subject: f.subject, sector: null, text: f.text,
      locator: locator(f.paragraph), evidence: evidence(f.paragraph, f.start, f.end), ...review,
    })),
    relations: p.relations.map((r) => ({
      type: r.type, from: r.from, to: r.to, ...(r.role ? { role: r.role } : {}), confidence: r.confidence,
      locator: locator(r.paragraph), evidence: evidence(r.paragraph, r.start, r.end), ...review, ...(r.basis ? { basis: r.basis } : {}),
    })),
  };
  const header = [
    `# Proposals for ${source.id} from ${documentPath}, by \`npm run graph -- ingest\` (${p.paragraphs.length} paragraphs).`,
    '# Review each proposal: edit what is wrong, set accept: true and write a note in your own words',
    '# (never a sentence copied from the document). Offsets are characters into the extracted text.',
    '# A date fills `field` of `about`; a figure becomes an indicator of `subject` (set `sector` if it',
    '# is about one); a candidate becomes a new record (add fields such as issued or status here).',
    `# Then: npm run graph -- accept <this file>. The seed loader never reads seeds/proposals/.`,
    '',
  ].join('\n');
  const doc = new Document(body);
  // Evidence and rankings on one line each: they are read, not edited.
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && ['evidence'].includes(String(pair.key.value)) && isMap(pair.value)) pair.value.flow = true;
    },
    Map(_, map) {
      if (map.items.some((p) => isScalar(p.key) && p.key.value === 'score')) map.flow = true;
    },
  });
  return header + doc.toString({ lineWidth: 0 });
}
