/**
 * The curated graph in seeds/: complete against the checklist of named entities built by
 * reading the five sources end to end, one entity per real thing, and every fact cited and
 * honestly dated.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkSeedFolder, formatProblem } from '../../src/seeds/index.js';
import { readSeeds } from '../../src/seeds/read.js';
import { DATE_FIELDS } from '../../src/model.js';
import { projectPath } from '../../src/paths.js';

const SEEDS = projectPath('seeds');
const { records } = readSeeds(SEEDS);
const byId = new Map(records.map((r) => [r.data.id as string, r]));
const checklist = parse(readFileSync(projectPath('tests/seeds/checklist.yaml'), 'utf8')) as Record<string, unknown>;
const { graph, problems } = checkSeedFolder(SEEDS);

describe('the curated dataset', () => {
  it('validates with no problem', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('cites each of the five source documents', () => {
    const cited = new Set(records.flatMap((r) => ((r.data.cite as { source: string }[]) ?? []).map((c) => c.source)));
    expect([...cited].filter((s) => s.startsWith('src-')).sort()).toEqual(['src-000', 'src-001', 'src-002', 'src-003', 'src-004']);
  });

  for (const source of ['src-000', 'src-001', 'src-002', 'src-003', 'src-004']) {
    it(`holds every entity the checklist names in ${source}, under that source's spelling, citing it`, () => {
      const entries = checklist[source] as { name: string; id: string }[];
      expect(entries.length).toBeGreaterThan(5);
      const missing: string[] = [];
      for (const { name, id } of entries) {
        const record = byId.get(id);
        if (!record) {
          missing.push(`${name} → ${id}: no such record`);
          continue;
        }
        const names = [record.data.name, record.data.title, ...((record.data.aliases as string[]) ?? [])].map((n) => String(n).toLowerCase());
        if (!names.includes(name.toLowerCase())) missing.push(`${name} → ${id}: neither the name nor an alias`);
        const sources = ((record.data.cite as { source: string }[]) ?? []).map((c) => c.source);
        if (record.label !== 'Source' && !sources.includes(source)) missing.push(`${name} → ${id}: does not cite ${source}`);
      }
      expect(missing).toEqual([]);
    });

    it(`holds the indicators the checklist lists for ${source}`, () => {
      const ids = (checklist[`${source}-indicators`] as string[] | undefined) ?? [];
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => byId.get(id)?.label !== 'Indicator')).toEqual([]);
    });
  }

  it('says things in its own words: no run of ten words in a description or note is copied from a source', () => {
    const words = (t: string) => t.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, ' ').trim().split(/\s+/);
    const N = 10;
    const runs = new Set<string>();
    // The source documents sit beside the project (../shared/sources), or where SOURCES_DIR says.
    const dir = process.env.SOURCES_DIR || projectPath('..', 'shared', 'sources');
    if (!existsSync(dir)) throw new Error(`the source documents are not at ${dir}: clone the project beside shared/, or set SOURCES_DIR`);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const w = words(readFileSync(join(dir, file), 'utf8'));
      for (let i = 0; i + N <= w.length; i++) runs.add(w.slice(i, i + N).join(' '));
    }
    const prose = records.flatMap((r) => [
      r.data.description,
      ...((r.data.cite as { note?: string }[]) ?? []).map((c) => c.note),
      ...((r.data.relations as { cite?: { note?: string }[] }[]) ?? []).flatMap((rel) => (rel.cite ?? []).map((c) => c.note)),
    ].filter((t): t is string => typeof t === 'string').map((t) => [r.data.id, t] as const));
    const copied = prose.filter(([, text]) => {
      const w = words(text);
      for (let i = 0; i + N <= w.length; i++) if (runs.has(w.slice(i, i + N).join(' '))) return true;
      return false;
    });
    expect(copied).toEqual([]);
  });

  it('gives no two entities the same name or alias', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const r of records) {
      if (r.label === 'Source' || r.label === 'Indicator') continue;
      for (const n of [r.data.name, ...((r.data.aliases as string[]) ?? [])]) {
        const key = String(n).trim().toLowerCase();
        const other = seen.get(key);
        if (other && other !== r.data.id) clashes.push(`${n}: ${other} and ${r.data.id}`);
        seen.set(key, r.data.id as string);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('cites every node and relationship at least once', () => {
    for (const [label, rows] of Object.entries(graph.nodes)) {
      if (label === 'Source') continue;
      for (const row of rows) expect((row.citeSources as string[]).length, `${label} ${row.id}`).toBeGreaterThan(0);
    }
    for (const group of graph.relationships) {
      for (const row of group.rows) expect(row.citeSources.length, `${group.type} ${row.from}→${row.to}`).toBeGreaterThan(0);
    }
  });

  it('gives every date a precision', () => {
    for (const [label, rows] of Object.entries(graph.nodes)) {
      for (const field of DATE_FIELDS[label as keyof typeof DATE_FIELDS] ?? []) {
        for (const row of rows) expect(row[field] === null, `${row.id}.${field}`).toBe(row[`${field}Precision`] === null);
      }
    }
    for (const group of graph.relationships) {
      for (const row of group.rows) {
        expect(row.since === null).toBe(row.sincePrecision === null);
        expect(row.until === null).toBe(row.untilPrecision === null);
      }
    }
  });

  it('answers the relationship questions from the data', () => {
    const rels = (type: string) => graph.relationships.filter((g) => g.type === type).flatMap((g) => g.rows);
    // Sector and its sub-sectors.
    const children = new Map<string, string[]>();
    for (const r of rels('SUBSECTOR_OF')) children.set(r.to, [...(children.get(r.to) ?? []), r.from]);
    const under = (id: string): string[] => [id, ...(children.get(id) ?? []).flatMap(under)];
    const iis = new Set(under('industrial-internet-security'));
    expect(iis.has('industrial-control-system-security')).toBe(true);
    const drivers = [...rels('PROMOTES'), ...rels('REGULATES')].filter((r) => iis.has(r.to)).map((r) => r.from);
    const firms = rels('OPERATES_IN').filter((r) => iis.has(r.to)).map((r) => r.from);
    expect(drivers).toEqual(expect.arrayContaining(['guidelines-industrial-internet-2017', 'notice-industrial-internet-2020', 'fourteenth-five-year-plan']));
    expect(firms).toEqual(expect.arrayContaining(['venustech', 'qi-anxin']));
    // Made in China 2025 and Venustech meet at a sector both are linked to.
    const promoted = new Set(rels('PROMOTES').filter((r) => r.from === 'made-in-china-2025').map((r) => r.to));
    expect(rels('OPERATES_IN').some((r) => r.from === 'venustech' && promoted.has(r.to))).toBe(true);
  });
});
