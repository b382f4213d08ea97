/**
 * The matching form of text: lower-case letters, digits and CJK characters only, so that
 * "Qianxin", "Qi-Anxin" and "QI ANXIN", or a name broken over two lines, read the same. Each
 * kept character remembers its offset in the original text and whether a word starts or ends
 * there, so a match can be reported in the document's own offsets and never starts or ends
 * in the middle of a word ("CSL" is not found inside "physical").
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const WORD = /[\p{L}\p{N}]/u;

export const isCjk = (ch: string) => CJK.test(ch);

export interface Normalized {
  text: string;
  /** Offset in the original of each kept character. */
  at: Int32Array;
  starts: Uint8Array;
  ends: Uint8Array;
}

/** Folds width and accents so that "ＡＢＣ" and "é" match "abc" and "e". */
function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  return ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function normalize(original: string): Normalized {
  const chars: string[] = [];
  const at: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let prevWord = false;
  let prevCjk = false;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    const code = ch.charCodeAt(0);
    const ascii = code < 128;
    const cjk = !ascii && isCjk(ch);
    const word = ascii ? (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) : cjk || WORD.test(ch);
    if (!word) {
      // A hyphen at the end of a line joins the two halves of one word ("entre-\npreneurship").
      const joins = ch === '-' && prevWord && /^-[ \t]*\r?\n[ \t]*\p{Ll}/u.test(original.slice(i, i + 8));
      if (joins) {
        const next = original.slice(i).search(/\p{Ll}/u);
        i += next - 1;
        continue;
      }
      if (prevWord) ends[ends.length - 1] = 1;
      prevWord = false;
      prevCjk = false;
      continue;
    }
    const folded = fold(ch);
    for (const f of folded) {
      if (f.length === 1 && f.charCodeAt(0) < 128 ? !/[a-z0-9]/.test(f) : !CJK.test(f) && !WORD.test(f)) continue;
      chars.push(f);
      at.push(i);
      starts.push(!prevWord || cjk || prevCjk ? 1 : 0);
      ends.push(cjk ? 1 : 0);
      if (cjk && ends.length > 1) ends[ends.length - 2] = 1;
      prevWord = true;
      prevCjk = cjk;
    }
  }
  if (ends.length) ends[ends.length - 1] = 1;
  return { text: chars.join(''), at: Int32Array.from(at), starts: Uint8Array.from(starts), ends: Uint8Array.from(ends) };
}

/** The matching key of a name: what normalize() would keep of it. */
export function keyOf(name: string): string {
  // Plain ASCII (most names): lower case, letters and digits, no Unicode passes.
  if (/^[\x00-\x7f]*$/.test(name)) return name.toLowerCase().replace(/[^a-z0-9]/g, '');
  // The same characters normalize() keeps, in one pass over the string (the index builds
  // hundreds of thousands of keys).
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}\u3400-\u9fff\uf900-\ufaff]/gu, '');
}

/** A name written in capitals ("CSL", "EU", "AMP") matches only as written, never a common word. */
export function isAcronym(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 6 && letters === letters.toUpperCase() && !CJK.test(letters);
}
