/**
 * Splits a document's text into numbered paragraphs (the locators of every proposal) and
 * paragraphs into sentences. Text extracted from PDFs arrives hard-wrapped, sometimes with a
 * blank line after every wrapped line; the split repairs that by joining a block that stops
 * mid-sentence to the next one, so that a sentence, and a name, is never cut in two.
 */

export interface Paragraph {
  /** 1-based, in reading order. */
  n: number;
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  start: number;
  end: number;
}

const TERMINAL = /[.!?:;。！？；："”’)\]]\s*$/;
const STARTS_LOWER = /^\s*[a-z(]/;
/** A line ending in one of these words stops mid-sentence: no heading ends so. */
const FUNCTION_END = /\b(?:on|in|of|the|and|or|by|to|for|at|from|with|as|a|an|that|which|its|their|is|are|was|were)\s*$/i;

interface Block { start: number; end: number }

function blocksOf(text: string, separator: RegExp): Block[] {
  const out: Block[] = [];
  let last = 0;
  for (const m of text.matchAll(separator)) {
    out.push({ start: last, end: m.index });
    last = m.index + m[0].length;
  }
  out.push({ start: last, end: text.length });
  return out.map((b) => trim(text, b)).filter((b) => b.end > b.start);
}

function trim(text: string, b: Block): Block {
  let { start, end } = b;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function splitParagraphs(text: string): Paragraph[] {
  let blocks = blocksOf(text, /\n[ \t\u00a0]*\n\s*/g);
  // A block of many lines most of which end a sentence is one paragraph per line (no blank
  // lines between paragraphs); otherwise its lines are a hard-wrapped paragraph.
  blocks = blocks.flatMap((b) => {
    const lines = blocksOf(text.slice(b.start, b.end), /\n/g).map((l) => ({ start: l.start + b.start, end: l.end + b.start }));
    if (lines.length < 2) return [b];
    const ending = lines.filter((l) => TERMINAL.test(text.slice(l.start, l.end))).length;
    return ending / lines.length >= 0.5 ? lines : [b];
  });
  const width = median(blocks.map((b) => b.end - b.start));
  const merged: Block[] = [];
  for (const b of blocks) {
    const prev = merged[merged.length - 1];
    if (prev) {
      const prevText = text.slice(prev.start, prev.end);
      const nextText = text.slice(b.start, b.end);
      const cut = !TERMINAL.test(prevText) && (STARTS_LOWER.test(nextText) || /-$/.test(prevText) || FUNCTION_END.test(prevText) ||
        (prevText.length >= 0.8 * width && width >= 60 && /[\p{L}\p{N},]$/u.test(prevText)));
      if (cut) {
        prev.end = b.end;
        continue;
      }
    }
    merged.push({ ...b });
  }
  return merged.map((b, i) => ({ n: i + 1, start: b.start, end: b.end, text: text.slice(b.start, b.end) }));
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /(?:\b(?:U\.S|U\.K|E\.U|Dr|Mr|Mrs|Ms|Prof|No|Nos|Co|Ltd|Inc|Corp|St|Jr|Sr|vs|etc|e\.g|i\.e|Fig|Vol|Art|para|approx)|\b[A-Z])\.$/;

/** Sentences of one paragraph, as offsets into the document. */
export function splitSentences(text: string, p: Paragraph): Sentence[] {
  const out: Sentence[] = [];
  let start = p.start;
  const re = /[.!?。！？]+["”’)]?(?=\s+["“‘(]?[A-Z0-9\u4e00-\u9fff]|\s*$)|[。！？]/g;
  const body = text.slice(p.start, p.end);
  for (const m of body.matchAll(re)) {
    const end = p.start + m.index + m[0].length;
    if (/^\./.test(m[0]) && ABBREVIATION.test(text.slice(Math.max(start, end - 8), end))) continue;
    out.push({ start, end });
    start = end;
    while (start < p.end && /\s/.test(text[start]!)) start++;
  }
  if (start < p.end) out.push({ start, end: p.end });
  return out;
}
