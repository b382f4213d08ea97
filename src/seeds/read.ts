/**
 * Reads `seeds/*.yaml` into records that remember their file and line, so that every
 * validation error can point at the record a person has to fix.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { Label } from '../model.js';

export interface SeedRecord {
  file: string;
  line: number;
  label: Label;
  data: Record<string, unknown>;
  /** Line of each key of the record, and of each item of its `relations` list. */
  keyLines: Record<string, number>;
  relationLines: number[];
}

export interface SeedProblem {
  file: string;
  line: number;
  /** The record's id where it has one. */
  record?: string;
  message: string;
}

export const FILE_LABELS: Record<string, Label> = {
  sources: 'Source',
  policies: 'Policy',
  agencies: 'Agency',
  firms: 'Firm',
  regions: 'Region',
  sectors: 'Sector',
  events: 'Event',
  people: 'Person',
  indicators: 'Indicator',
};

/** The label a seed file holds: the part of its name before the first `-` or `.`. */
export function labelOfFile(name: string): Label | undefined {
  return FILE_LABELS[name.split(/[-.]/)[0]!];
}

function lineOf(counter: LineCounter, node: Node | null | undefined): number {
  return node?.range ? counter.linePos(node.range[0]).line : 0;
}

export function readSeeds(dir: string): { records: SeedRecord[]; problems: SeedProblem[] } {
  const records: SeedRecord[] = [];
  const problems: SeedProblem[] = [];
  // The folder's own .yaml files only: review files of `graph ingest` in seeds/proposals/ are never read.
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (files.length === 0) problems.push({ file: dir, line: 0, message: 'no .yaml files here' });
  for (const name of files) {
    const path = join(dir, name);
    const file = relative(process.cwd(), path) || path;
    const label = labelOfFile(name);
    if (!label) {
      problems.push({ file, line: 1, message: `file name does not start with one of ${Object.keys(FILE_LABELS).join(', ')}` });
      continue;
    }
    const counter = new LineCounter();
    const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push({ file, line: counter.linePos(e.pos[0]).line, message: `YAML: ${e.message.split('\n')[0]}` });
      continue;
    }
    if (doc.contents === null) continue;
    if (!isSeq(doc.contents)) {
      problems.push({ file, line: lineOf(counter, doc.contents), message: 'the file must be a list of records (each starting with "- id: …")' });
      continue;
    }
    for (const item of doc.contents.items) {
      const line = lineOf(counter, item as Node);
      if (!isMap(item)) {
        problems.push({ file, line, message: 'a record must be a map of fields' });
        continue;
      }
      const keyLines: Record<string, number> = {};
      let relationLines: number[] = [];
      for (const pair of item.items) {
        const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
        keyLines[key] = lineOf(counter, pair.key as Node);
        if (key === 'relations' && isSeq(pair.value)) relationLines = pair.value.items.map((r) => lineOf(counter, r as Node));
      }
      records.push({ file, line, label, data: item.toJSON() as Record<string, unknown>, keyLines, relationLines });
    }
  }
  return { records, problems };
}
