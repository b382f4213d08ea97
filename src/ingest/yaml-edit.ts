/**
 * Edits of a seed file that leave every other byte as it was: comments, blank lines, folded
 * descriptions and flow lists stay exactly as their author wrote them. The yaml package's
 * Document API finds where a record, its `cite` list or its `relations` sit (node ranges);
 * new lines are then inserted at those offsets in the house style (one flow-map citation
 * per line, block relations). Re-serialising the whole document would re-fold every
 * description in the file.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

export interface Citation { basis: string; source: string; locator: string; note: string; dates?: string[] }

export interface NewRelation { type: string; to: string; role?: string; cite: Citation[] }

const PLAIN = /^[a-z0-9][a-z0-9_-]*$/i;
const KEYWORD = /^(?:true|false|null|yes|no|on|off|~)$/i;

/** A scalar as YAML: bare when it is an id, enum or number, double-quoted (JSON) otherwise. */
export function scalar(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  if (PLAIN.test(s) && !KEYWORD.test(s) && !/^\d+(?:\.\d+)?$/.test(s) && !/^\d{4}-\d{2}(?:-\d{2})?$/.test(s)) return s;
  if (/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(s)) return s;
  return JSON.stringify(s);
}

export function citationLine(c: Citation): string {
  const dates = c.dates?.length ? `, dates: [${c.dates.map(scalar).join(', ')}]` : '';
  return `{ basis: ${scalar(c.basis)}, source: ${scalar(c.source)}, locator: ${JSON.stringify(c.locator)}, note: ${JSON.stringify(c.note)}${dates} }`;
}

function relationLines(r: NewRelation, indent: string): string[] {
  const inner = `${indent}  `;
  return [
    `${indent}- type: ${r.type}`,
    `${inner}to: ${scalar(r.to)}`,
    ...(r.role ? [`${inner}role: ${scalar(r.role)}`] : []),
    `${inner}cite:`,
    ...r.cite.map((c) => `${inner}  - ${citationLine(c)}`),
  ];
}

/** A whole new record in the seeds' layout. */
export function recordText(record: Record<string, unknown>): string {
  const lines: string[] = [];
  // Fields first, then citations, then relations: the order every seed record keeps.
  const order = (k: string) => (k === 'cite' ? 1 : k === 'relations' ? 2 : 0);
  for (const [key, value] of Object.entries(record).sort((a, b) => order(a[0]) - order(b[0]))) {
    if (value === undefined || value === null) continue;
    const lead = lines.length === 0 ? '- ' : '  ';
    if (key === 'cite') {
      lines.push(`${lead}cite:`, ...(value as Citation[]).map((c) => `    - ${citationLine(c)}`));
    } else if (key === 'relations') {
      if ((value as NewRelation[]).length === 0) continue;
      lines.push(`${lead}relations:`, ...(value as NewRelation[]).flatMap((r) => relationLines(r, '    ')));
    } else if (Array.isArray(value)) {
      if (value.length) lines.push(`${lead}${key}: [${value.map(scalar).join(', ')}]`);
    } else lines.push(`${lead}${key}: ${scalar(value)}`);
  }
  return lines.join('\n') + '\n';
}

export class SeedFileEditor {
  readonly doc: Document;
  private text: string;
  private inserts: { at: number; text: string; seq: number }[] = [];
  private appended: string[] = [];
  changed = false;

  constructor(readonly path: string, source: string) {
    this.text = source.endsWith('\n') ? source : `${source}\n`;
    this.doc = parseDocument(this.text);
  }

  private insert(at: number, text: string) {
    this.inserts.push({ at, text, seq: this.inserts.length });
    this.changed = true;
  }

  private lineStart(offset: number) {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  private afterLine(offset: number) {
    const i = this.text.indexOf('\n', Math.max(0, offset));
    return i === -1 ? this.text.length : i + 1;
  }

  /** What stands before an item's content on its line: "    - ". */
  private itemPrefix(item: Node): string {
    const start = item.range![0];
    return this.text.slice(this.lineStart(start), start);
  }

  record(id: string): YAMLMap | undefined {
    const items = isSeq(this.doc.contents) ? this.doc.contents.items : [];
    return items.find((i): i is YAMLMap => isMap(i) && String(i.get('id')) === id);
  }

  private pairOf(map: YAMLMap, key: string) {
    return map.items.find((p) => isScalar(p.key) && p.key.value === key);
  }

  private appendToBlockSeq(seq: YAMLSeq, lines: (prefix: string) => string[]) {
    if (seq.flow) {
      // `cite: [{ … }]` on one line: the new entries go before its closing bracket.
      const close = this.text.lastIndexOf(']', seq.range![1]);
      this.insert(close, lines('').map((l) => `, ${l.trim()}`).join(''));
      return;
    }
    const last = seq.items[seq.items.length - 1] as Node;
    const prefix = this.itemPrefix(last);
    if (!/^\s*-\s+$/.test(prefix)) throw new Error(`${this.path}: a list in flow style cannot be extended here; write it as a block list`);
    this.insert(this.afterLine(last.range![1] - 1), lines(prefix).join('\n') + '\n');
  }

  addCitation(record: YAMLMap, c: Citation) {
    const cite = this.pairOf(record, 'cite')?.value;
    if (!isSeq(cite) || cite.items.length === 0) throw new Error(`${this.path}: record ${record.get('id')} has no block cite list`);
    this.appendToBlockSeq(cite, (prefix) => [`${prefix}${citationLine(c)}`]);
  }

  setField(record: YAMLMap, key: string, value: string | number) {
    const before = this.pairOf(record, 'cite')!;
    const keyNode = before.key as Node;
    const indent = ' '.repeat(keyNode.range![0] - this.lineStart(keyNode.range![0]));
    this.insert(this.lineStart(keyNode.range![0]), `${indent}${key}: ${scalar(value)}\n`);
  }

  /** Relations going out of a record: a citation more on one it has, a new item otherwise. */
  addRelations(record: YAMLMap, rs: NewRelation[]) {
    const relations = this.pairOf(record, 'relations')?.value;
    const fresh: NewRelation[] = [];
    for (const r of rs) {
      const same = isSeq(relations) ? relations.items.find((i): i is YAMLMap => isMap(i) && i.get('type') === r.type && String(i.get('to')) === r.to) : undefined;
      if (same) for (const c of r.cite) this.addCitation(same, c);
      else fresh.push(r);
    }
    if (fresh.length === 0) return;
    if (isSeq(relations) && relations.items.length) {
      this.appendToBlockSeq(relations, (prefix) => fresh.flatMap((r) => relationLines(r, prefix.replace(/-\s+$/, ''))));
      return;
    }
    const lastPair = record.items[record.items.length - 1]!;
    const keyNode = record.items[0]!.key as Node;
    const indent = ' '.repeat(keyNode.range![0] - this.lineStart(keyNode.range![0]));
    const end = ((lastPair.value ?? lastPair.key) as Node).range![1];
    this.insert(this.afterLine(end - 1), [`${indent}relations:`, ...fresh.flatMap((r) => relationLines(r, `${indent}  `))].join('\n') + '\n');
  }

  /** New names of a record, in one edit (two separate ones would write `aliases:` twice). */
  addAliases(record: YAMLMap, aliases: string[]) {
    if (aliases.length === 0) return;
    const pair = this.pairOf(record, 'aliases');
    if (pair && isSeq(pair.value) && pair.value.flow) {
      const close = this.text.lastIndexOf(']', pair.value.range![1]);
      this.insert(close, (pair.value.items.length ? ', ' : '') + aliases.map(scalar).join(', '));
    } else if (pair && isSeq(pair.value)) {
      this.appendToBlockSeq(pair.value, (prefix) => aliases.map((a) => `${prefix}${scalar(a)}`));
    } else {
      const after = this.pairOf(record, 'nameZh') ?? this.pairOf(record, 'name')!;
      const indent = ' '.repeat((after.key as Node).range![0] - this.lineStart((after.key as Node).range![0]));
      this.insert(this.afterLine((after.value as Node).range![1] - 1), `${indent}aliases: [${aliases.map(scalar).join(', ')}]\n`);
    }
  }

  appendRecord(record: Record<string, unknown>) {
    this.appended.push(recordText(record));
    this.changed = true;
  }

  result(): string {
    let out = this.text;
    for (const i of [...this.inserts].sort((a, b) => b.at - a.at || b.seq - a.seq)) out = out.slice(0, i.at) + i.text + out.slice(i.at);
    for (const r of this.appended) out = `${out.replace(/\n*$/, '\n')}\n${r}`;
    return out;
  }
}
