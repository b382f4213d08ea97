/**
 * Candidate relationships between two entities named in one sentence, from the words between
 * them (or just before the first): "A, the chairman of B" → A LEADS B; "B issued A" → A
 * ISSUED_BY B; "A acquired B" → A ACQUIRED B. A rule fires only for the label pairs the
 * model allows for its type (src/model.ts), which keeps most wrong readings out. Confidence
 * is the rule's own, lowered as the two names lie further apart.
 */
import type { Label } from '../model.js';
import { RELATIONSHIPS } from '../model.js';

export interface Named { id: string; label: Label; start: number; end: number }

export interface Relation {
  type: string;
  from: string;
  to: string;
  confidence: number;
  paragraph: number;
  start: number;
  end: number;
  /** The title a LEADS or WORKS_FOR relation names. */
  role?: string;
  /**
   * How it was read, for the confidence model (priors.ts): `trigger` (a rule's words between
   * the two), `sentence` (named in one sentence, no trigger) or `paragraph` (in one paragraph),
   * with the labels of both ends and whether the two names are near (under 80 characters apart).
   */
  how?: { kind: 'trigger' | 'sentence' | 'paragraph'; fromLabel: Label; toLabel: Label; near: boolean; adjacent?: boolean };
  /** The basis to propose when it is not STATED: a seat read from a registered name is INFERRED (seeds/README.md). */
  basis?: 'INFERRED';
}

interface Rule {
  type: string;
  /** Test on the words between the first name (a) and the second (b). */
  between: RegExp;
  /** Which of the two the relationship goes from. */
  from: 'a' | 'b';
  confidence: number;
  /** Labels of a and b, when the type's own pairs are not narrow enough. */
  a?: Label[];
  b?: Label[];
}

const TITLE = '(?:vice |deputy |executive )?(?:chairman|chairwoman|chair|ceo|president|head|director|founder|general manager|secretary(?:-general)?|leader|minister|governor|mayor)';
const ISSUE = '(?:issued|released|published|promulgated|adopted|unveiled|introduced|formulated|enacted|launched|proposed|drafted|issues|releases|publishes|发布|印发|颁布|出台|制定)';

const RULES: Rule[] = [
  { type: 'ISSUED_BY', between: new RegExp(`^[^.;]{0,60}\\b${ISSUE}\\b[^.;]{0,40}$|^[^.;]{0,20}${ISSUE}[^.;]{0,20}$`, 'i'), from: 'b', confidence: 0.8, a: ['Agency'], b: ['Policy'] },
  { type: 'ISSUED_BY', between: new RegExp(`^[^.;]{0,40}\\b${ISSUE}\\s+by\\s+(?:the\\s+)?$|^,?\\s*(?:which was|which is)?\\s*${ISSUE} by\\s+(?:the\\s+)?$`, 'i'), from: 'a', confidence: 0.85, a: ['Policy'], b: ['Agency'] },
  { type: 'SUPERSEDES', between: /^[^.;]{0,40}\b(?:replaced?s?|supersed(?:es|ed)|repeal(?:s|ed)|succeeds|取代|替代)\b[^.;]{0,20}$/i, from: 'a', confidence: 0.75 },
  { type: 'SUPERSEDES', between: /^[^.;]{0,30}\b(?:was|were|is|has been) (?:replaced|superseded|repealed) by\s+(?:the\s+)?$/i, from: 'b', confidence: 0.8 },
  { type: 'IMPLEMENTS', between: /^[^.;]{0,40}\b(?:implements?|implementing|to implement|carries out|carrying out|in line with|落实|贯彻)\b[^.;]{0,20}$/i, from: 'a', confidence: 0.7 },
  { type: 'BASED_ON', between: /^[^.;]{0,40}\b(?:based on|builds? on|building on|derived from|根据|依据)\b[^.;]{0,20}$/i, from: 'a', confidence: 0.65 },
  { type: 'DRAFT_OF', between: /^[^.;]{0,20}\bdraft of\s+(?:the\s+)?$/i, from: 'a', confidence: 0.8 },
  { type: 'ESTABLISHES', between: /^[^.;]{0,40}\b(?:establish(?:es|ed)?|creat(?:es|ed)|sets? up|set up)\b[^.;]{0,30}$/i, from: 'a', confidence: 0.65 },
  { type: 'ACQUIRED', between: /^[^.;]{0,40}\b(?:acquired|acquires|acquiring|bought|buys|took over|takes over|purchased|收购)\b[^.;]{0,60}$/i, from: 'a', confidence: 0.85 },
  { type: 'ACQUIRED', between: /^[^.;]{0,30}\b(?:was|were|is|has been) (?:acquired|bought|purchased) by\s+(?:the\s+)?$/i, from: 'b', confidence: 0.85 },
  { type: 'LEADS', between: new RegExp(`^,?\\s*(?:the\\s+)?(?:${TITLE})\\s+(?:of\\s+)?(?:the\\s+)?(?:[\\p{L}\\s-]{0,40}\\s)?$`, 'iu'), from: 'a', confidence: 0.85, a: ['Person'] },
  { type: 'LEADS', between: new RegExp(`^[^.;]{0,30}\\b(?:chaired|headed|led|directed|founded) by\\s+(?:(?:general secretary|president|premier|chairman|director)\\s+)?$`, 'i'), from: 'b', confidence: 0.8, b: ['Person'] },
  { type: 'LEADS', between: new RegExp(`^['’]?s?\\s*(?:${TITLE})\\s*,?\\s*$`, 'i'), from: 'b', confidence: 0.8, b: ['Person'] },
  { type: 'WORKS_FOR', between: /^,?\s*(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:manager|engineer|official|researcher|analyst|spokesperson|spokesman|officer|expert|member|partner|professor|scientist|employee)\s+(?:of|at)\s+(?:the\s+)?$/i, from: 'a', confidence: 0.7, a: ['Person'] },
  { type: 'HEADQUARTERED_IN', between: /^[^.;]{0,30}\b(?:headquartered|based|located|sits|seated)\s+in\s+(?:the\s+)?$/i, from: 'a', confidence: 0.8 },
  { type: 'OCCURRED_IN', between: /^\s*(?:(?:held|took place|happened|occurred)\s+)?in\s+(?:the\s+)?$/i, from: 'a', confidence: 0.6 },
  { type: 'PARTNERS_WITH', between: /^[^.;]{0,60}\b(?:cooperat(?:ion|e|ed|es|ing)|partner(?:ship|ed|s|ing)?|collaborat(?:ion|e|ed|es|ing)|teamed up|work(?:s|ed)? together|joint(?:ly)?|alliance|合作)\s+(?:\w+\s+){0,3}?(?:with|and)\s+(?:[\p{L}\s-]{0,25}\s)?$/iu, from: 'a', confidence: 0.75 },
  { type: 'MEMBER_OF', between: /^[^.;]{0,30}\b(?:(?:is|are|was|were|became) (?:a )?members? of|joined|join)\s+(?:the\s+)?$/i, from: 'a', confidence: 0.75 },
  { type: 'CONTRIBUTED_TO', between: /^[^.;]{0,160}\b(?:contributed to|helped (?:draft|shape|develop|write)|participated in|took part in|drafted|co-drafted|参与)\b[^.;]{0,40}$/i, from: 'a', confidence: 0.7 },
  { type: 'OPERATES_IN', between: /^[^.;]{0,120}\b(?:leading|lead|leads|active|work(?:s|ing)?|operat(?:e|es|ing)|specialis(?:e|es|ing)|specializ(?:e|es|ing)|compet(?:e|es|ing)|focus(?:es|ed|ing)?|engaged|invest(?:s|ed|ing)?)\s+(?:on|in)\b[^.;]{0,80}$|^[^.;]{0,40}\b(?:offering|offers|providing|provides|selling|sells|making|makes)\b[^.;]{0,40}$/i, from: 'a', confidence: 0.6 },
  { type: 'PROMOTES', between: /^[^.;]{0,80}\b(?:promot(?:e|es|ed|ing)|support(?:s|ed|ing)?|encourag(?:e|es|ed|ing)|boost(?:s|ed|ing)?|spur(?:s|red|ring)?|fuel(?:s|led|ing)?|foster(?:s|ed|ing)?|driv(?:e|es|ing)|grow(?:s|ing)?|develop(?:s|ed|ing)?|demand for|促进|推动|支持)\b[^.;]{0,60}$/i, from: 'a', confidence: 0.6 },
  { type: 'REGULATES', between: /^[^.;]{0,60}\b(?:regulat(?:e|es|ed|ing)|requir(?:e|es|ed|ing)|mandat(?:e|es|ed|ing)|govern(?:s|ed|ing)?|oblig(?:e|es|ed)|impos(?:e|es|ed|ing)|appl(?:y|ies) to|规范|监管)\b[^.;]{0,60}$/i, from: 'a', confidence: 0.6 },
  { type: 'APPLIES_TO', between: /^['’]s?\s*$/, from: 'b', confidence: 0.7, a: ['Region'], b: ['Policy'] },
  { type: 'APPLIES_TO', between: /^\s*(?:of|in|for)\s+(?:the\s+)?$/i, from: 'a', confidence: 0.55, a: ['Policy'], b: ['Region'] },
  { type: 'INVOLVES', between: /^[^.;]{0,10},\s*$/, from: 'a', confidence: 0.5, a: ['Event'] },
];

/**
 * Two entities of these labels in one sentence, with no trigger between them: the reading a
 * curator most often records, proposed with a low confidence so that a threshold can keep
 * only the trigger-backed ones.
 */
const TOGETHER: { type: string; a: Label; b: Label; confidence: number }[] = [
  { type: 'APPLIES_TO', a: 'Policy', b: 'Region', confidence: 0.35 },
  { type: 'PROMOTES', a: 'Policy', b: 'Sector', confidence: 0.3 },
  { type: 'OPERATES_IN', a: 'Firm', b: 'Sector', confidence: 0.35 },
  { type: 'OPERATES_IN', a: 'Agency', b: 'Sector', confidence: 0.25 },
  { type: 'ISSUED_BY', a: 'Policy', b: 'Agency', confidence: 0.3 },
  { type: 'INVOLVES', a: 'Event', b: 'Firm', confidence: 0.3 },
  { type: 'INVOLVES', a: 'Event', b: 'Person', confidence: 0.3 },
  { type: 'INVOLVES', a: 'Event', b: 'Agency', confidence: 0.3 },
  { type: 'INVOLVES', a: 'Event', b: 'Policy', confidence: 0.3 },
  { type: 'OCCURRED_IN', a: 'Event', b: 'Region', confidence: 0.35 },
  { type: 'HEADQUARTERED_IN', a: 'Agency', b: 'Region', confidence: 0.25 },
  { type: 'HEADQUARTERED_IN', a: 'Firm', b: 'Region', confidence: 0.2 },
  { type: 'WORKS_FOR', a: 'Person', b: 'Agency', confidence: 0.25 },
  { type: 'WORKS_FOR', a: 'Person', b: 'Firm', confidence: 0.25 },
];

const MAX_GAP = 220;

function allowed(type: string, from: Label, to: Label): boolean {
  return (RELATIONSHIPS[type] ?? []).some(([f, t]) => f === from && t === to);
}

const NEAR = 80;

/** The hand-set readings of two names standing together with no trigger (TOGETHER), either way round. */
function cooccurring(a: Named, b: Named): { type: string; from: Named; to: Named; confidence: number }[] {
  const out: { type: string; from: Named; to: Named; confidence: number }[] = [];
  for (const t of TOGETHER) {
    if (a.label === t.a && b.label === t.b) out.push({ type: t.type, from: a, to: b, confidence: t.confidence });
    else if (b.label === t.a && a.label === t.b) out.push({ type: t.type, from: b, to: a, confidence: t.confidence });
  }
  return out;
}

/**
 * Readings of two names in one paragraph but not one sentence: co-occurrence only, at a
 * confidence lowered with the distance; what they are worth is the confidence model's to say.
 */
export function paragraphRelations(named: Named[], paragraph: number, sentenceOf: (offset: number) => number): Relation[] {
  const out: Relation[] = [];
  const sorted = [...named].sort((x, y) => x.start - y.start);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (b.start - a.end > MAX_PARAGRAPH_GAP) break;
      if (a.id === b.id || sentenceOf(a.start) === sentenceOf(b.start)) continue;
      for (const t of cooccurring(a, b)) {
        const confidence = Math.round(t.confidence * 0.6 * 100) / 100;
        out.push({ type: t.type, from: t.from.id, to: t.to.id, confidence, paragraph, start: a.start, end: b.end,
          how: { kind: 'paragraph', fromLabel: t.from.label, toLabel: t.to.label, near: b.start - a.end < NEAR, adjacent: adjacent(sorted, i, j) } });
      }
    }
  }
  return out;
}

const MAX_PARAGRAPH_GAP = 600;

/**
 * What a name says of itself: "EU Cybersecurity Strategy" applies to the EU, "Industrial
 * Internet Security Architecture" promotes that sector, "Cloud Computing Center of …" works in
 * cloud computing, "Microsoft Corporation of the US" sits in the US, "Beijing Cybersecurity
 * Conference" took place in Beijing, an "Office of the X" is part of X.
 */
const IN_NAME: { outer: Label[]; inner: Label; type: string; confidence: number; basis?: 'INFERRED' }[] = [
  { outer: ['Policy'], inner: 'Region', type: 'APPLIES_TO', confidence: 0.7 },
  { outer: ['Event'], inner: 'Region', type: 'OCCURRED_IN', confidence: 0.7 },
  // A sector in a title is as often what it regulates as what it promotes; a place in a firm's
  // registered name is where it sits, but the curators count that as inferred, not stated: these
  // rank below the triggers (on the five documents about half of them are curated as stated).
  { outer: ['Policy'], inner: 'Sector', type: 'PROMOTES', confidence: 0.45 },
  { outer: ['Agency', 'Firm'], inner: 'Sector', type: 'OPERATES_IN', confidence: 0.45 },
  { outer: ['Agency', 'Firm'], inner: 'Region', type: 'HEADQUARTERED_IN', confidence: 0.4, basis: 'INFERRED' },
  { outer: ['Agency'], inner: 'Agency', type: 'PART_OF', confidence: 0.45 },
];

/** Relations read from the names found inside another name (`inner`, found by the mention finder in its span). */
export function nameRelations(outer: Named, inner: Named[], paragraph: number): Relation[] {
  const out: Relation[] = [];
  for (const n of inner) {
    if (n.id === outer.id) continue;
    for (const rule of IN_NAME) {
      if (!rule.outer.includes(outer.label) || rule.inner !== n.label || !allowed(rule.type, outer.label, n.label)) continue;
      out.push({ type: rule.type, from: outer.id, to: n.id, confidence: rule.confidence, paragraph, start: outer.start, end: outer.end,
        how: { kind: 'trigger', fromLabel: outer.label, toLabel: n.label, near: true }, ...(rule.basis ? { basis: rule.basis } : {}) });
    }
  }
  return out;
}

/** No other name of either one's label stands between the two: each is the other's nearest of its kind. */
function adjacent(sorted: Named[], i: number, j: number): boolean {
  const a = sorted[i]!;
  const b = sorted[j]!;
  for (let k = i + 1; k < j; k++) if (sorted[k]!.label === a.label || sorted[k]!.label === b.label) return false;
  return true;
}

/** Relations among the entities of one sentence, best reading per pair and type. */
export function findRelations(text: string, named: Named[], paragraph: number): Relation[] {
  const out = new Map<string, Relation>();
  const sorted = [...named].sort((x, y) => x.start - y.start);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (a.id === b.id || b.start < a.end) continue;
      const gap = text.slice(a.end, b.start);
      if (gap.length > MAX_GAP) break;
      for (const rule of RULES) {
        if (rule.a && !rule.a.includes(a.label)) continue;
        if (rule.b && !rule.b.includes(b.label)) continue;
        const [from, to] = rule.from === 'a' ? [a, b] : [b, a];
        if (!allowed(rule.type, from.label, to.label)) continue;
        const m = rule.between.exec(gap);
        if (!m) continue;
        const confidence = Math.round(rule.confidence * (1 - Math.min(gap.length, MAX_GAP) / (MAX_GAP * 2.5)) * 100) / 100;
        const role = rule.type === 'LEADS' || rule.type === 'WORKS_FOR' ? new RegExp(TITLE + '|[a-z-]+ (?:manager|engineer|official)', 'i').exec(gap)?.[0]?.toLowerCase() : undefined;
        // A vice director or deputy head works for the body; the head leads it.
        const type = rule.type === 'LEADS' && role && /^(?:vice|deputy|executive)\b/.test(role) ? 'WORKS_FOR' : rule.type;
        const key = `${type}|${from.id}|${to.id}`;
        if ((out.get(key)?.confidence ?? 0) >= confidence) continue;
        out.set(key, { type, from: from.id, to: to.id, confidence, paragraph, start: a.start, end: b.end, ...(role ? { role } : {}),
          how: { kind: 'trigger', fromLabel: from.label, toLabel: to.label, near: gap.length < NEAR } });
      }
      for (const t of cooccurring(a, b)) {
        const key = `${t.type}|${t.from.id}|${t.to.id}`;
        if (out.has(key) || [...out.values()].some((r) => r.from === t.from.id && r.to === t.to.id)) continue;
        out.set(key, { type: t.type, from: t.from.id, to: t.to.id, confidence: t.confidence, paragraph, start: a.start, end: b.end,
          how: { kind: 'sentence', fromLabel: t.from.label, toLabel: t.to.label, near: gap.length < NEAR, adjacent: adjacent(sorted, i, j) } });
      }
    }
  }
  return [...out.values()];
}
